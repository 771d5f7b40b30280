#include "ui/filters/filter_form.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>

#include <memory>
#include <vector>

#include "ui/common/form_fields.h"

namespace dcs::ui {

FilterForm::FilterForm(QWidget* parent)
    : QWidget(parent),
      m_preset(combo("filterPresetChoice", {}, tr("Fill the form with ready-made settings"))),
      m_net(combo("filterNetChoice", {QStringLiteral("vgg16"), QStringLiteral("resnet20"), QStringLiteral("resnet32")},
                  tr("vgg16: 13 convs with batch norm, every one prunable.\n"
                     "resnet20 / resnet32: residual nets; only the first conv of each block is pruned."))),
      m_width(realSpin("widthField", 0.0, 4.0, 3, 0.125,
                       tr("Multiplies every channel count (1: the papers' nets; 0.25 trains on a laptop)"))),
      m_criterion(combo("filterCriterionChoice",
                        {QStringLiteral("relevance"), QStringLiteral("l1"), QStringLiteral("apoz"),
                         QStringLiteral("act-mean"), QStringLiteral("random"), QStringLiteral("hrank")},
                        tr("How filters are ranked: relevance = votes for filters whose feature map overlaps the "
                           "image's Grad-CAM region; the others are the baselines"))),
      m_flopsReduction(realSpin("flopsReductionField", 0.0, 1.0, 2, 0.05,
                                tr("Fraction of the dense net's FLOPs to remove, in (0, 1)"))),
      m_epochs(countSpin("filterEpochsField", 0, 100000, tr(" epoch"), tr(" epochs"),
                         tr("Training epochs of the dense net (1 or more)"))),
      m_finetuneEpochs(countSpin("finetuneEpochsField", -1, 100000, tr(" epoch"), tr(" epochs"),
                                 tr("Fine-tuning epochs after pruning (0: none)"))),
      m_learningRate(realSpin("filterLrField", 0.0, 10.0, 4, 0.005, tr("Training learning rate, cosine-annealed"))),
      m_finetuneLearningRate(
          realSpin("finetuneLrField", 0.0, 10.0, 4, 0.005, tr("Fine-tuning learning rate, cosine-annealed"))),
      m_batch(spin("filterBatchField", 0, 65536, tr(" images"), tr("Mini-batch size"))),
      m_probe(spin("probeField", 0, 100000, tr(" images"),
                   tr("Training images the criteria look at (Grad-CAM, feature maps) and the re-fit uses"))),
      m_minFilters(spin("minFiltersField", 0, 100000, tr(" filters"), tr("Never fewer filters in a conv"))),
      m_allocation(combo("allocationChoice", {QStringLiteral("uniform"), QStringLiteral("latency")},
                         tr("How many filters each conv keeps: uniform = the same share of every conv; latency = "
                            "first where removing them saves the most time per FLOP (convs timed on this machine "
                            "when pruning starts): a faster net, usually less accurate"))),
      m_channelMultiple(spin("channelMultipleField", 0, 256, tr(" filters"),
                             tr("Kept filters are rounded to a multiple of this in convs of twice as many or more, "
                                "to halves of it in narrower ones: CPU convolutions work in blocks of 16 channels "
                                "(AVX-512) or 8 (AVX2), so 20 filters cost about what 32 do (0: this CPU's block; 1: "
                                "the exact share)"))),
      m_votes(combo(
          "filterVotesChoice",
          {QStringLiteral("keep"), QStringLiteral("half"), QStringLiteral("0.05"), QStringLiteral("0.1"),
           QStringLiteral("removed")},
          tr("Relevance: each image votes for its top-l filters by alignment; l = the filters kept (keep), half "
             "the layer (half), the filters removed (removed), or a fraction of the layer (type any, e.g. 0.1)"))),
      m_alignment(
          combo("alignmentChoice", {QStringLiteral("response"), QStringLiteral("iou")},
                tr("Relevance: how a filter's map is compared with an image's Grad-CAM mask: response = its "
                   "mean inside the mask (how strongly it fires where the class decision lies); iou = the "
                   "overlap of its thresholded map with the mask (METHODS.md; ignores how strongly it fires)"))),
      m_reestimate(new QCheckBox(tr("re-fit the next layer by least squares"))),
      m_unitQuantile(
          realSpin("unitQuantileField", 0.0, 1.0, 4, 0.005,
                   tr("Relevance with iou: a filter's mask is where its upsampled map reaches this quantile of its "
                      "values over all probe images (0.995: the top half percent)"))),
      m_camFraction(realSpin("camFractionField", 0.0, 1.0, 2, 0.05,
                             tr("Relevance: an image's semantic mask is this top share of its Grad-CAM map"))),
      m_limit(spin("filterLimitField", 0, 100000000, tr(" images"), tr("Train on at most N images; 0 uses all"))),
      m_seed(spin("filterSeedField", 0, 1000000, QString(), tr("Same seed, config and data: the same run"))),
      m_messageLabel(new QLabel) {
    m_reestimate->setObjectName(QStringLiteral("reestimateBox"));
    m_channelMultiple->setSpecialValueText(tr("this CPU's block"));
    m_limit->setSpecialValueText(tr("all images"));  // shown for 0
    m_votes->setEditable(true);  // any fraction of the layer may be typed
    m_reestimate->setToolTip(tr("After removing filters, fit the kernels of the layer that reads them so that its "
                                "outputs match the unpruned net's"));
    m_preset->addItem(tr("Default"), QStringLiteral("default"));
    m_preset->addItem(tr("Demo (under a minute)"), QStringLiteral("demo"));
    m_messageLabel->setObjectName(QStringLiteral("filterConfigMessage"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("Settings:"), m_preset);
    form->addRow(tr("Network:"), m_net);
    form->addRow(tr("Width:"), m_width);
    form->addRow(tr("Criterion:"), m_criterion);
    form->addRow(tr("FLOPs reduction:"), m_flopsReduction);
    form->addRow(tr("Epochs:"), m_epochs);
    form->addRow(tr("Fine-tuning:"), m_finetuneEpochs);
    form->addRow(tr("Learning rate:"), m_learningRate);
    form->addRow(tr("Fine-tuning rate:"), m_finetuneLearningRate);
    form->addRow(tr("Batch:"), m_batch);
    form->addRow(tr("Probe:"), m_probe);
    form->addRow(tr("Minimum filters:"), m_minFilters);
    form->addRow(tr("Allocation:"), m_allocation);
    form->addRow(tr("Channel multiple:"), m_channelMultiple);
    form->addRow(QString(), m_reestimate);
    form->addRow(tr("Alignment:"), m_alignment);
    form->addRow(tr("Unit quantile:"), m_unitQuantile);
    form->addRow(tr("Grad-CAM share:"), m_camFraction);
    form->addRow(tr("Votes per image:"), m_votes);
    form->addRow(tr("Limit:"), m_limit);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(m_messageLabel);
    m_fieldWidgets = {{QStringLiteral("net"), m_net},
                      {QStringLiteral("width"), m_width},
                      {QStringLiteral("criterion"), m_criterion},
                      {QStringLiteral("flops reduction"), m_flopsReduction},
                      {QStringLiteral("epochs"), m_epochs},
                      {QStringLiteral("finetune epochs"), m_finetuneEpochs},
                      {QStringLiteral("lr"), m_learningRate},
                      {QStringLiteral("finetune lr"), m_finetuneLearningRate},
                      {QStringLiteral("batch"), m_batch},
                      {QStringLiteral("probe"), m_probe},
                      {QStringLiteral("min filters"), m_minFilters},
                      {QStringLiteral("alignment"), m_alignment},
                      {QStringLiteral("unit quantile"), m_unitQuantile},
                      {QStringLiteral("cam fraction"), m_camFraction},
                      {QStringLiteral("votes"), m_votes},
                      {QStringLiteral("allocation"), m_allocation},
                      {QStringLiteral("channel multiple"), m_channelMultiple},
                      {QStringLiteral("limit"), m_limit}};
    setConfig(dcs::train::FilterPruneConfig{});
    for (auto* box : findChildren<QSpinBox*>()) connect(box, qOverload<int>(&QSpinBox::valueChanged), this, &FilterForm::validate);
    for (auto* box : findChildren<QDoubleSpinBox*>())
        connect(box, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &FilterForm::validate);
    for (auto* box : findChildren<QComboBox*>())
        if (box != m_preset) connect(box, &QComboBox::currentTextChanged, this, &FilterForm::validate);
    connect(m_reestimate, &QCheckBox::toggled, this, &FilterForm::validate);
    // The relevance thresholds mean nothing to the other criteria.
    connect(m_criterion, &QComboBox::currentTextChanged, this, &FilterForm::enableRelevanceFields);
    connect(m_alignment, &QComboBox::currentTextChanged, this, &FilterForm::enableRelevanceFields);
    connect(m_preset, &QComboBox::activated, this, [this](int index) { applyPreset(m_preset->itemData(index).toString()); });
}

void FilterForm::enableRelevanceFields() {
    const bool relevance = m_criterion->currentText() == QLatin1String("relevance");
    m_alignment->setEnabled(relevance);
    m_unitQuantile->setEnabled(relevance && m_alignment->currentText() == QLatin1String("iou"));
    m_camFraction->setEnabled(relevance);
    m_votes->setEnabled(relevance);
}

void FilterForm::applyPreset(const QString& name) {
    dcs::train::FilterPruneConfig config;
    if (name == QLatin1String("demo")) {
        // Every phase shows within seconds: a narrow net, a few epochs, a small probe.
        config.width = 0.125;
        config.epochs = 3;
        config.finetuneEpochs = 1;
        config.limit = 2000;
        config.probeSize = 300;
    }
    config.net = m_net->currentText().toStdString();
    config.criterion = m_criterion->currentText().toStdString();
    const int index = m_preset->findData(name);
    if (index >= 0) m_preset->setCurrentIndex(index);
    setConfig(config);
}

void FilterForm::setConfig(const dcs::train::FilterPruneConfig& c) {
    m_hiddenFields = c;
    {
        std::vector<std::unique_ptr<QSignalBlocker>> blockers;  // validate once, at the end
        for (auto* widget : findChildren<QWidget*>()) blockers.push_back(std::make_unique<QSignalBlocker>(widget));
        m_net->setCurrentText(QString::fromStdString(c.net));
        m_width->setValue(c.width);
        m_criterion->setCurrentText(QString::fromStdString(c.criterion));
        m_flopsReduction->setValue(c.flopsReduction);
        m_epochs->setValue(c.epochs);
        m_finetuneEpochs->setValue(c.finetuneEpochs);
        m_learningRate->setValue(c.learningRate);
        m_finetuneLearningRate->setValue(c.finetuneLearningRate);
        m_batch->setValue(static_cast<int>(c.batchSize));
        m_probe->setValue(static_cast<int>(c.probeSize));
        m_minFilters->setValue(static_cast<int>(c.minFilters));
        m_reestimate->setChecked(c.reestimate);
        m_alignment->setCurrentText(QString::fromStdString(c.alignment));
        m_unitQuantile->setValue(c.unitQuantile);
        m_camFraction->setValue(c.camFraction);
        m_votes->setCurrentText(QString::fromStdString(c.votes));
        m_allocation->setCurrentText(QString::fromStdString(c.allocation));
        m_channelMultiple->setValue(static_cast<int>(c.channelMultiple));
        m_limit->setValue(static_cast<int>(c.limit));
        m_seed->setValue(static_cast<int>(c.seed));
    }
    enableRelevanceFields();
    validate();
}

dcs::train::FilterPruneConfig FilterForm::config() const {
    auto c = m_hiddenFields;
    c.net = m_net->currentText().toStdString();
    c.width = m_width->value();
    c.criterion = m_criterion->currentText().toStdString();
    c.flopsReduction = m_flopsReduction->value();
    c.epochs = m_epochs->value();
    c.finetuneEpochs = m_finetuneEpochs->value();
    c.learningRate = m_learningRate->value();
    c.finetuneLearningRate = m_finetuneLearningRate->value();
    c.batchSize = m_batch->value();
    c.probeSize = m_probe->value();
    c.minFilters = m_minFilters->value();
    c.reestimate = m_reestimate->isChecked();
    c.alignment = m_alignment->currentText().toStdString();
    c.unitQuantile = m_unitQuantile->value();
    c.camFraction = m_camFraction->value();
    c.votes = m_votes->currentText().toStdString();
    c.allocation = m_allocation->currentText().toStdString();
    c.channelMultiple = m_channelMultiple->value();
    c.limit = m_limit->value();
    c.seed = static_cast<uint64_t>(m_seed->value());
    return c;
}

void FilterForm::validate() {
    const bool changed = checkConfig(config(), m_fieldWidgets, m_messageLabel, m_message);
    if (changed) Q_EMIT validityChanged(m_message.isEmpty());
}

}  // namespace dcs::ui
