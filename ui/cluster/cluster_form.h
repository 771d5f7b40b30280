#pragma once
// The experiment form: every ClusterConfig field with its unit, range and tooltip. Each change is
// validated by the engine's own rules; the message appears under the form and the field at fault
// is marked, so a run never starts from an invalid config.

#include <QMap>
#include <QWidget>

#include "dcs/train/cluster_config.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace dcs::ui {

class ClusterForm : public QWidget {
    Q_OBJECT
public:
    explicit ClusterForm(QWidget* parent = nullptr);

    dcs::train::ClusterConfig config() const;
    void setConfig(const dcs::train::ClusterConfig& config);
    // The validation message ("" when the config is valid for the engine's rules).
    QString validationMessage() const { return m_message; }
    bool isValid() const { return m_message.isEmpty(); }
    // Applies a named schedule: "default", "demo", "paper-icip2018", "paper-caip2019".
    void applySchedule(const QString& name);

    // The names the lesson settings of a session may use (the config's JSON keys).
    QStringList fieldNames() const { return m_fieldWidgets.keys(); }
    // A lesson fixes some fields (shown, not editable) and hides others.
    void setLockedFields(const QStringList& names);
    void setHiddenFields(const QStringList& names);

Q_SIGNALS:
    void validityChanged(bool valid);

private:
    void validate();
    // A newly chosen supervision mode or method brings its own defaults (ClusterConfig::defaultsFor:
    // augmentation, lambda, epochs, the GMM's covariance and term, ...), field by field unless the
    // user has changed it from the last mode's.
    void applyModeDefaults();

    QComboBox* m_schedule;
    QComboBox* m_method;
    QComboBox* m_preset;
    QSpinBox* m_epochs;
    QSpinBox* m_warmup;
    QCheckBox* m_augment;
    QDoubleSpinBox* m_dropout;
    QCheckBox* m_batchNorm;
    QComboBox* m_supervision;
    std::string m_supervisionDefaultsShown;  // the mode and method whose defaults the fields were last given
    std::string m_methodDefaultsShown;
    QSpinBox* m_labelled;
    QLineEdit* m_parentMap;
    QDoubleSpinBox* m_supervisionWeight;
    QSpinBox* m_clusters;
    QSpinBox* m_latent;
    QDoubleSpinBox* m_lambda;
    QComboBox* m_optimizer;
    QDoubleSpinBox* m_learningRate;
    QComboBox* m_lrSchedule;
    QDoubleSpinBox* m_momentum;
    QDoubleSpinBox* m_weightDecay;
    QComboBox* m_gmmLoss;
    QComboBox* m_gmmWeights;
    QComboBox* m_readout;
    QCheckBox* m_trainOnReadout;
    QCheckBox* m_resplitBoundaries;
    QSpinBox* m_snapshotPoints;
    QSpinBox* m_batch;
    QComboBox* m_init;
    QDoubleSpinBox* m_startBalance;
    QDoubleSpinBox* m_reseedBelow;
    QComboBox* m_covariance;
    QSpinBox* m_seed;
    QSpinBox* m_threads;
    QComboBox* m_device;
    QSpinBox* m_limit;
    QLabel* m_messageLabel;
    QMap<QString, QWidget*> m_fieldWidgets;  // ConfigError field name -> widget
    QFormLayout* m_layout = nullptr;
    dcs::train::ClusterConfig m_hidden;       // fields the form does not show
    QStringList m_lockedNames;
    QString m_message;
};

}  // namespace dcs::ui
