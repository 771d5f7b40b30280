#pragma once
// The Filters mode's settings: network, width, criterion, FLOPs target and the training and
// fine-tuning budgets, validated by the engine's own rules as they change (the field at fault is
// marked and the message shown below), so a run never starts from an invalid config.

#include <QMap>
#include <QWidget>

#include "dcs/train/filter_prune_config.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace dcs::ui {

class FilterForm : public QWidget {
    Q_OBJECT
public:
    explicit FilterForm(QWidget* parent = nullptr);

    dcs::train::FilterPruneConfig config() const;
    void setConfig(const dcs::train::FilterPruneConfig& config);
    QString validationMessage() const { return m_message; }
    bool isValid() const { return m_message.isEmpty(); }
    // "default" (the bench settings) or "demo": a narrow VGG on 2000 images, done in well under a minute.
    void applyPreset(const QString& name);

Q_SIGNALS:
    void validityChanged(bool valid);

private:
    void validate();
    // The relevance fields matter to the relevance criterion only, the unit quantile to iou only.
    void enableRelevanceFields();

    QComboBox* m_preset;
    QComboBox* m_net;
    QDoubleSpinBox* m_width;
    QComboBox* m_criterion;
    QDoubleSpinBox* m_flopsReduction;
    QSpinBox* m_epochs;
    QSpinBox* m_finetuneEpochs;
    QDoubleSpinBox* m_learningRate;
    QDoubleSpinBox* m_finetuneLearningRate;
    QSpinBox* m_batch;
    QSpinBox* m_probe;
    QSpinBox* m_minFilters;
    QComboBox* m_allocation;
    QSpinBox* m_channelMultiple;
    QComboBox* m_votes;
    QComboBox* m_alignment;
    QCheckBox* m_reestimate;
    QDoubleSpinBox* m_unitQuantile;
    QDoubleSpinBox* m_camFraction;
    QSpinBox* m_limit;
    QSpinBox* m_seed;
    QLabel* m_messageLabel;
    QMap<QString, QWidget*> m_fieldWidgets;        // ConfigError field name -> widget
    dcs::train::FilterPruneConfig m_hiddenFields;  // fields the form does not show
    QString m_message;
};

}  // namespace dcs::ui
