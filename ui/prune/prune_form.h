#pragma once
// The Prune mode's settings: network, criterion and schedule, every PruneConfig field with its
// range and tooltip, validated by the engine's own rules as it changes (the field at fault is
// marked and the message shown below), so a run never starts from an invalid config.

#include <QMap>
#include <QWidget>

#include "dcs/train/prune_config.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace dcs::ui {

class PruneForm : public QWidget {
    Q_OBJECT
public:
    explicit PruneForm(QWidget* parent = nullptr);

    dcs::train::PruneConfig config() const;
    void setConfig(const dcs::train::PruneConfig& config);
    QString validationMessage() const { return m_message; }
    bool isValid() const { return m_message.isEmpty(); }
    // "default" (the bench settings), "demo": a small net that prunes visibly in a minute, or "long":
    // the default trained for 80 epochs.
    void applySchedule(const QString& name);

Q_SIGNALS:
    void validityChanged(bool valid);

private:
    void validate();

    QComboBox* m_schedulePreset;
    QComboBox* m_net;
    QLineEdit* m_hidden;
    QCheckBox* m_pruneConv;
    QComboBox* m_criterion;
    QComboBox* m_votes;
    QComboBox* m_voteOn;
    QComboBox* m_schedule;
    QSpinBox* m_epochs;
    QSpinBox* m_every;
    QDoubleSpinBox* m_rate;
    QLineEdit* m_layerRates;
    QDoubleSpinBox* m_target;
    QCheckBox* m_landOnTarget;
    QCheckBox* m_denseBaseline;
    QDoubleSpinBox* m_tolerance;
    QDoubleSpinBox* m_keep;
    QSpinBox* m_minUnits;
    QComboBox* m_optimizer;
    QDoubleSpinBox* m_learningRate;
    QDoubleSpinBox* m_dropout;
    QCheckBox* m_dropoutFollowsPruning;
    QSpinBox* m_batch;
    QSpinBox* m_limit;
    QSpinBox* m_seed;
    QLabel* m_messageLabel;
    QMap<QString, QWidget*> m_fieldWidgets;  // ConfigError field name -> widget
    dcs::train::PruneConfig m_hiddenFields;  // fields the form does not show
    QString m_message;
};

}  // namespace dcs::ui
