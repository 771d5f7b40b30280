#pragma once
// A session file: the data set, the clustering and pruning settings and seeds, and the view state,
// so a figure can be reproduced or a lesson handed out. JSON with a version field:
//   {"version": 1, "dataset": "mnist", "config": {...ClusterConfig...}, "prune_config": {...PruneConfig...},
//    "view": {"mode": "cluster", "cluster_view": "curves", "prune_view": "votes", "color_by_label": false,
//             "thumbnail_size": 56},
//    "lesson": {"title": "...", "locked": ["dataset", "seed"], "hidden": ["lambda"]}}   (lesson optional)

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "dcs/train/cluster_config.h"
#include "dcs/train/prune_config.h"

namespace dcs::ui {

struct Session {
    static constexpr int kVersion = 1;
    QString dataset;
    dcs::train::ClusterConfig config;
    dcs::train::PruneConfig pruneConfig;
    QString mode = QStringLiteral("data");           // data | cluster | prune
    QString clusterView = QStringLiteral("curves");  // curves | clusters | confusion | reconstructions
    QString pruneView = QStringLiteral("curves");    // curves | votes | widths | ablation
    bool colorByLabel = false;
    int thumbnailSize = 56;
    // A lesson fixes some settings ("dataset" or config field names) and hides others.
    QString lessonTitle;
    QStringList locked;
    QStringList hidden;

    QByteArray toJson() const;
    // Throws dcs::ConfigError naming the file and the field at fault.
    static Session fromJson(const QByteArray& json, const QString& fileName);
};

}  // namespace dcs::ui
