#include "ui/prune/prune_form.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

#include <memory>
#include <type_traits>
#include <vector>

#include "ui/common/form_fields.h"

namespace dcs::ui {
namespace {

template <typename Number>
QString listText(const std::vector<Number>& values) {
    QStringList parts;
    for (const auto v : values) parts << QString::number(v);
    return parts.join(QLatin1Char(','));
}

// Comma-separated numbers; anything that is not one becomes `invalid`, which validate() then names.
template <typename Number>
std::vector<Number> parseList(const QString& text, Number invalid) {
    std::vector<Number> values;
    for (const auto& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const auto value = std::is_integral_v<Number> ? static_cast<Number>(part.trimmed().toLongLong(&ok))
                                                      : static_cast<Number>(part.trimmed().toDouble(&ok));
        values.push_back(ok ? value : invalid);
    }
    return values;
}

}  // namespace

PruneForm::PruneForm(QWidget* parent)
    : QWidget(parent),
      m_schedulePreset(combo("pruneScheduleChoice", {}, tr("Fill the form with a ready-made schedule"))),
      m_net(combo("netChoice", {QStringLiteral("fcn"), QStringLiteral("scn"), QStringLiteral("cnn")},
                  tr("fcn: fully connected. scn: the same with sparse connections evolved by SET.\n"
                     "cnn: three blocks of two 3x3 convs, then FC layers (only those are pruned unless asked)."))),
      m_hidden(lineField("hiddenField", tr("the preset's"),
                         tr("Hidden FC widths separated by commas, e.g. 1000,1000,1000; empty: the paper's net for "
                            "this input size"))),
      m_pruneConv(new QCheckBox(tr("also prune conv filters"))),
      m_criterion(combo(
          "criterionChoice",
          {QStringLiteral("vote"), QStringLiteral("random"), QStringLiteral("weight-sum"), QStringLiteral("act-mean"),
           QStringLiteral("act-sd"), QStringLiteral("act-l1"), QStringLiteral("act-l2"), QStringLiteral("apoz")},
          tr("How units are ranked: vote = majority voting over the probe examples; the others are "
             "the baselines of the paper's ablation"))),
      m_votes(combo("votesChoice",
                    {QStringLiteral("0.05"), QStringLiteral("0.1"), QStringLiteral("keep"), QStringLiteral("half"),
                     QStringLiteral("removed")},
                    tr("Each example votes for its top-l units: l = a fraction of the layer (type any, e.g. 0.1), "
                       "the units kept (keep), half the layer (half) or the units removed (removed)"))),
      m_voteOn(combo("voteOnChoice", {QStringLiteral("deviation"), QStringLiteral("activation")},
                     tr("What each example's votes rank the units by. deviation: how far the unit's activation "
                        "lies from its mean over the probe, up or down (a unit that is high on every example "
                        "tells them apart no better than a constant). activation: the activation itself, as "
                        "the paper words it"))),
      m_schedule(combo("pruneModeChoice", {QStringLiteral("during"), QStringLiteral("oneshot"), QStringLiteral("none")},
                       tr("during: prune while training; oneshot: train, then prune once; none: the dense net"))),
      m_epochs(
          countSpin("pruneEpochsField", 0, 100000, tr(" epoch"), tr(" epochs"), tr("Training epochs (1 or more)"))),
      m_every(countSpin("everyField", 0, 100000, tr(" epoch"), tr(" epochs"), tr("A pruning check every t epochs"))),
      m_rate(
          realSpin("rateField", 0.0, 1.0, 3, 0.05, tr("Fraction k of the alive units each event removes, in (0, 1)"))),
      m_layerRates(lineField("layerRatesField", tr("k for every layer"),
                             tr("One k per prunable layer separated by commas, e.g. 0.085,0.1,0.1: the first layer "
                                "then ends wider and the deeper ones narrower for about the same weights; empty: "
                                "k for every layer"))),
      m_target(realSpin("targetField", 0.0, 1.0, 3, 0.05,
                        tr("Stop pruning once the weights are at most this fraction of the dense net's (0: never)"))),
      m_landOnTarget(new QCheckBox(tr("the last event lands on it"))),
      m_denseBaseline(new QCheckBox(tr("compare with the dense net trained as long"))),
      m_tolerance(realSpin("toleranceField", 0.0, 1.0, 3, 0.005,
                           tr("Prune when validation accuracy is at least its value just after the last event "
                              "minus this (0: it must have recovered; 1: always)"))),
      m_keep(realSpin("keepField", 0.0, 1.0, 3, 0.05, tr("One-shot: fraction of each layer's units kept, in (0, 1]"))),
      m_minUnits(spin("minUnitsField", 0, 100000, tr(" units"), tr("Never fewer units in a layer"))),
      m_optimizer(combo("pruneOptimizerChoice", {QStringLiteral("sgd"), QStringLiteral("adam")},
                        tr("SGD with momentum, or Adam"))),
      m_learningRate(realSpin("pruneLrField", 0.0, 10.0, 4, 0.005, tr("Learning rate (more than 0)"))),
      m_dropout(realSpin("dropoutField", 0.0, 1.0, 2, 0.05, tr("Dropout after each hidden layer, in [0, 1)"))),
      m_dropoutFollowsPruning(new QCheckBox(tr("shrinks as units go"))),
      m_batch(spin("pruneBatchField", 0, 65536, tr(" images"), tr("Mini-batch size"))),
      m_limit(spin("pruneLimitField", 0, 100000000, tr(" images"), tr("Train on at most N images; 0 uses all"))),
      m_seed(spin("pruneSeedField", 0, 1000000, QString(), tr("Same seed, config and data: the same run"))),
      m_messageLabel(new QLabel) {
    m_limit->setSpecialValueText(tr("all images"));  // shown for 0
    m_votes->setEditable(true);  // any fraction of the layer may be typed
    m_pruneConv->setObjectName(QStringLiteral("pruneConvBox"));
    m_landOnTarget->setObjectName(QStringLiteral("landOnTargetBox"));
    m_landOnTarget->setToolTip(
        tr("The event that reaches the target removes only as many units as land the net on it, not the whole "
           "rate k: a 10 % target ends at 9.97 % of the weights instead of 9.1 %"));
    m_denseBaseline->setObjectName(QStringLiteral("denseBaselineBox"));
    m_denseBaseline->setToolTip(
        tr("First train the dense net with the same settings and epochs, then prune: its test accuracy is drawn "
           "beside the pruned net's, and the two are compared on the same test images at the end. The run takes "
           "up to twice as long"));
    m_dropoutFollowsPruning->setObjectName(QStringLiteral("dropoutFollowsPruningBox"));
    m_dropoutFollowsPruning->setToolTip(
        tr("Each layer's dropout times the square root of the share of its connections still alive (Han et al. "
           "2015): about 0.06 instead of 0.3 once a layer keeps a fifth of its units. Measured with 80 epochs: "
           "fashion-mnist 0.9021 against 0.8996 (one seed), mnist the same as without it"));
    m_schedulePreset->addItem(tr("Default"), QStringLiteral("default"));
    m_schedulePreset->addItem(tr("Demo (about a minute)"), QStringLiteral("demo"));
    m_schedulePreset->addItem(tr("Long: 80 epochs"), QStringLiteral("long"));
    m_schedulePreset->setItemData(
        m_schedulePreset->count() - 1,
        tr("Twice the default's epochs: on mnist the pruned net then ends within chance of "
           "the dense net trained as long (about 2.5 minutes on mnist on 2 cores, that dense net included)"),
        Qt::ToolTipRole);
    m_messageLabel->setObjectName(QStringLiteral("pruneConfigMessage"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("Schedule:"), m_schedulePreset);
    form->addRow(tr("Network:"), m_net);
    form->addRow(tr("Hidden widths:"), m_hidden);
    form->addRow(QString(), m_pruneConv);
    form->addRow(tr("Criterion:"), m_criterion);
    form->addRow(tr("Votes per example:"), m_votes);
    form->addRow(tr("Votes rank by:"), m_voteOn);
    form->addRow(tr("Pruning:"), m_schedule);
    form->addRow(tr("Epochs:"), m_epochs);
    form->addRow(QString(), m_denseBaseline);
    form->addRow(tr("Check every:"), m_every);
    form->addRow(tr("Rate k:"), m_rate);
    form->addRow(tr("Rate per layer:"), m_layerRates);
    form->addRow(tr("Weights target:"), m_target);
    form->addRow(QString(), m_landOnTarget);
    form->addRow(tr("Tolerance:"), m_tolerance);
    form->addRow(tr("One-shot keep:"), m_keep);
    form->addRow(tr("Minimum units:"), m_minUnits);
    form->addRow(tr("Optimiser:"), m_optimizer);
    form->addRow(tr("Learning rate:"), m_learningRate);
    form->addRow(tr("Dropout:"), m_dropout);
    form->addRow(QString(), m_dropoutFollowsPruning);
    form->addRow(tr("Batch:"), m_batch);
    form->addRow(tr("Limit:"), m_limit);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(m_messageLabel);
    m_fieldWidgets = {{QStringLiteral("net"), m_net},
                      {QStringLiteral("hidden"), m_hidden},
                      {QStringLiteral("criterion"), m_criterion},
                      {QStringLiteral("votes"), m_votes},
                      {QStringLiteral("vote on"), m_voteOn},
                      {QStringLiteral("schedule"), m_schedule},
                      {QStringLiteral("epochs"), m_epochs},
                      {QStringLiteral("every"), m_every},
                      {QStringLiteral("rate"), m_rate},
                      {QStringLiteral("layer rates"), m_layerRates},
                      {QStringLiteral("target"), m_target},
                      {QStringLiteral("tolerance"), m_tolerance},
                      {QStringLiteral("keep"), m_keep},
                      {QStringLiteral("min units"), m_minUnits},
                      {QStringLiteral("optimizer"), m_optimizer},
                      {QStringLiteral("lr"), m_learningRate},
                      {QStringLiteral("dropout"), m_dropout},
                      {QStringLiteral("batch"), m_batch},
                      {QStringLiteral("limit"), m_limit}};
    setConfig(dcs::train::PruneConfig{});
    for (auto* box : findChildren<QSpinBox*>())
        connect(box, qOverload<int>(&QSpinBox::valueChanged), this, &PruneForm::validate);
    for (auto* box : findChildren<QDoubleSpinBox*>())
        connect(box, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &PruneForm::validate);
    for (auto* box : findChildren<QComboBox*>())
        if (box != m_schedulePreset) connect(box, &QComboBox::currentTextChanged, this, &PruneForm::validate);
    connect(m_hidden, &QLineEdit::textChanged, this, &PruneForm::validate);
    connect(m_layerRates, &QLineEdit::textChanged, this, &PruneForm::validate);
    connect(m_pruneConv, &QCheckBox::toggled, this, &PruneForm::validate);
    connect(m_dropoutFollowsPruning, &QCheckBox::toggled, this, &PruneForm::validate);
    connect(m_landOnTarget, &QCheckBox::toggled, this, &PruneForm::validate);
    connect(m_denseBaseline, &QCheckBox::toggled, this, &PruneForm::validate);
    connect(m_schedulePreset, &QComboBox::activated, this,
            [this](int index) { applySchedule(m_schedulePreset->itemData(index).toString()); });
}

void PruneForm::applySchedule(const QString& name) {
    dcs::train::PruneConfig config;
    if (name == QLatin1String("demo")) {
        // Small enough that every epoch, and every pruning event, shows within seconds.
        config.hidden = {300, 300, 300};
        config.epochs = 12;
        config.every = 1;
        config.rate = 0.2;  // reaches the target within the demo's epochs
        config.target = 0.15;
        config.limit = 4000;
        config.probeSize = 2000;
    } else if (name == QLatin1String("long")) {
        config = dcs::train::PruneConfig::longSchedule(config);
    }
    config.net = m_net->currentText().toStdString();
    config.criterion = m_criterion->currentText().toStdString();
    const int index = m_schedulePreset->findData(name);
    if (index >= 0) m_schedulePreset->setCurrentIndex(index);
    setConfig(config);
}

void PruneForm::setConfig(const dcs::train::PruneConfig& c) {
    m_hiddenFields = c;
    {
        std::vector<std::unique_ptr<QSignalBlocker>> blockers;  // validate once, at the end
        for (auto* widget : findChildren<QWidget*>()) blockers.push_back(std::make_unique<QSignalBlocker>(widget));
        m_net->setCurrentText(QString::fromStdString(c.net));
        m_hidden->setText(listText(c.hidden));
        m_pruneConv->setChecked(c.pruneConv);
        m_criterion->setCurrentText(QString::fromStdString(c.criterion));
        m_votes->setCurrentText(QString::fromStdString(c.votes));
        m_voteOn->setCurrentText(QString::fromStdString(c.voteOn));
        m_schedule->setCurrentText(QString::fromStdString(c.schedule));
        m_epochs->setValue(c.epochs);
        m_every->setValue(c.every);
        m_rate->setValue(c.rate);
        m_layerRates->setText(listText(c.layerRates));
        m_target->setValue(c.target);
        m_landOnTarget->setChecked(c.landOnTarget);
        m_denseBaseline->setChecked(c.denseBaseline);
        m_tolerance->setValue(c.tolerance);
        m_keep->setValue(c.keep);
        m_minUnits->setValue(static_cast<int>(c.minUnits));
        m_optimizer->setCurrentText(QString::fromStdString(c.optimizer));
        m_learningRate->setValue(c.learningRate);
        m_dropout->setValue(c.dropout);
        m_dropoutFollowsPruning->setChecked(c.dropoutFollowsPruning);
        m_batch->setValue(static_cast<int>(c.batchSize));
        m_limit->setValue(static_cast<int>(c.limit));
        m_seed->setValue(static_cast<int>(c.seed));
    }
    validate();
}

dcs::train::PruneConfig PruneForm::config() const {
    auto c = m_hiddenFields;
    c.net = m_net->currentText().toStdString();
    c.hidden = parseList<int64_t>(m_hidden->text(), -1);
    c.pruneConv = m_pruneConv->isChecked();
    c.criterion = m_criterion->currentText().toStdString();
    c.votes = m_votes->currentText().toStdString();
    c.voteOn = m_voteOn->currentText().toStdString();
    c.schedule = m_schedule->currentText().toStdString();
    c.epochs = m_epochs->value();
    c.every = m_every->value();
    c.rate = m_rate->value();
    c.layerRates = parseList<double>(m_layerRates->text(), -1.0);
    c.target = m_target->value();
    c.landOnTarget = m_landOnTarget->isChecked();
    c.denseBaseline = m_denseBaseline->isChecked();
    c.tolerance = m_tolerance->value();
    c.keep = m_keep->value();
    c.minUnits = m_minUnits->value();
    c.optimizer = m_optimizer->currentText().toStdString();
    c.learningRate = m_learningRate->value();
    c.dropout = m_dropout->value();
    c.dropoutFollowsPruning = m_dropoutFollowsPruning->isChecked();
    c.batchSize = m_batch->value();
    c.limit = m_limit->value();
    c.seed = static_cast<uint64_t>(m_seed->value());
    return c;
}

void PruneForm::validate() {
    const bool changed = checkConfig(config(), m_fieldWidgets, m_messageLabel, m_message);
    const QString mode = m_schedule->currentText();
    m_every->setEnabled(mode == QLatin1String("during"));
    m_layerRates->setEnabled(mode == QLatin1String("during"));
    m_rate->setEnabled(mode == QLatin1String("during") && m_layerRates->text().trimmed().isEmpty());
    m_target->setEnabled(mode == QLatin1String("during"));
    m_landOnTarget->setEnabled(mode == QLatin1String("during") && m_target->value() > 0.0);
    m_tolerance->setEnabled(mode == QLatin1String("during"));
    m_keep->setEnabled(mode == QLatin1String("oneshot"));
    m_denseBaseline->setEnabled(mode != QLatin1String("none"));  // that run is the dense net
    m_votes->setEnabled(m_criterion->currentText() == QLatin1String("vote"));
    m_voteOn->setEnabled(m_votes->isEnabled());
    m_pruneConv->setEnabled(m_net->currentText() == QLatin1String("cnn"));
    m_dropoutFollowsPruning->setEnabled(m_dropout->value() > 0.0);
    if (changed) Q_EMIT validityChanged(m_message.isEmpty());
}

}  // namespace dcs::ui
