#pragma once
// Small builders for the fields of the run forms: named (tests find them by objectName), with a
// range, a unit and a tooltip.

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QString>
#include <QStringList>
#include <QValidator>
#include <algorithm>
#include <utility>

#include "dcs/error.h"

namespace dcs::ui {

// Names a count field (tests find it by objectName) and gives it its range and tooltip.
inline QSpinBox* setUpCount(QSpinBox* box, const char* name, int lo, int hi, const QString& tip) {
    box->setObjectName(QString::fromLatin1(name));
    box->setRange(lo, hi);
    box->setToolTip(tip);
    return box;
}

inline QSpinBox* spin(const char* name, int lo, int hi, const QString& suffix, const QString& tip) {
    auto* box = setUpCount(new QSpinBox, name, lo, hi, tip);
    box->setSuffix(suffix);
    return box;
}

// A count whose unit agrees with its number: "1 epoch", "40 epochs". The unit is part of the value's
// text rather than a suffix, so it is right however the value is set (the forms set theirs with
// signals blocked).
class CountSpinBox : public QSpinBox {
public:
    CountSpinBox(QString one, QString many) : m_one(std::move(one)), m_many(std::move(many)) {}

protected:
    QString textFromValue(int value) const override {
        return QSpinBox::textFromValue(value) + (value == 1 ? m_one : m_many);
    }
    int valueFromText(const QString& text) const override { return QSpinBox::valueFromText(withoutUnit(text)); }
    QValidator::State validate(QString& text, int& position) const override {
        QString number = withoutUnit(text);
        int inNumber = std::min<int>(position, number.size());
        return QSpinBox::validate(number, inNumber);
    }

private:
    QString withoutUnit(const QString& text) const {
        for (const auto* unit : {&m_many, &m_one})
            if (!unit->isEmpty() && text.endsWith(*unit)) return text.chopped(unit->size()).trimmed();
        return text.trimmed();
    }

    QString m_one, m_many;
};

inline QSpinBox* countSpin(const char* name, int lo, int hi, const QString& one, const QString& many,
                           const QString& tip) {
    return setUpCount(new CountSpinBox(one, many), name, lo, hi, tip);
}

inline QDoubleSpinBox* realSpin(const char* name, double lo, double hi, int decimals, double step, const QString& tip) {
    auto* box = new QDoubleSpinBox;
    box->setObjectName(QString::fromLatin1(name));
    box->setRange(lo, hi);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    box->setToolTip(tip);
    return box;
}

// A free-text field (a list typed with commas, a path) that shows what empty means.
inline QLineEdit* lineField(const char* name, const QString& whenEmpty, const QString& tip) {
    auto* edit = new QLineEdit;
    edit->setObjectName(QString::fromLatin1(name));
    edit->setPlaceholderText(whenEmpty);
    edit->setToolTip(tip);
    return edit;
}

inline QComboBox* combo(const char* name, const QStringList& items, const QString& tip) {
    auto* box = new QComboBox;
    box->setObjectName(QString::fromLatin1(name));
    box->addItems(items);
    box->setToolTip(tip);
    return box;
}

// A run form in a vertically scrolling area that is never narrower than the form: otherwise the
// splitter squeezes it and the fields' right edges (combo arrows, long check-box texts) are cut off.
inline QScrollArea* formScrollArea(QWidget* form) {
    auto* area = new QScrollArea;
    area->setWidget(form);
    area->setWidgetResizable(true);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    area->setMinimumWidth(form->minimumSizeHint().width() + area->verticalScrollBar()->sizeHint().width() +
                          2 * area->frameWidth());
    return area;
}

// Shows a ConfigError message under a form and marks the field it names (messages start with the
// field's name); an empty message clears both.
inline void showValidation(const QString& message, const QMap<QString, QWidget*>& fields, QLabel* label) {
    for (auto* widget : fields) widget->setStyleSheet(QString());
    const QString field = message.section(QLatin1Char(':'), 0, 0).trimmed();
    if (auto* widget = fields.value(field)) widget->setStyleSheet(QStringLiteral("border: 2px solid #b00020;"));
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

// Checks a form's config by its own validate(), shows the verdict (showValidation) and keeps it in
// message. True when the form went from valid to invalid or back.
template <typename Config>
bool checkConfig(const Config& config, const QMap<QString, QWidget*>& fields, QLabel* label, QString& message) {
    QString found;
    try {
        config.validate();
    } catch (const dcs::ConfigError& e) {
        found = QString::fromStdString(e.what());
    }
    showValidation(found, fields, label);
    const bool changed = found.isEmpty() != message.isEmpty();
    message = found;
    return changed;
}

}  // namespace dcs::ui
