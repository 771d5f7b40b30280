#pragma once
// Loaded data sets are shared, read-only, between the loader, the gallery and the facts view.

#include <QMetaType>

#include <memory>

#include "dcs/data/dataset.h"

namespace dcs::ui {
using DatasetPtr = std::shared_ptr<const dcs::data::Dataset>;
}

Q_DECLARE_METATYPE(dcs::ui::DatasetPtr)
