#include "ui/cluster/cluster_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>

#include <cmath>

#include "ui/common/form_fields.h"

namespace dcs::ui {

namespace {

// The unsupervised settings a schedule of the form's list fills in for a method.
dcs::train::ClusterConfig scheduleDefaults(const QString& name, const std::string& method) {
    auto config = dcs::train::ClusterConfig::defaultsFor("none", method);
    if (name == QLatin1String("demo")) {
        // Clusters visibly form within about a minute on shapes or mnist.
        config.epochs = 12;
        config.warmupEpochs = 4;
        config.limit = 3000;
        // Augmentation and lambda 1 pay off only after some 25 epochs; in a minute the plain images with
        // a light clustering term cluster sooner (mnist, 3000 images: ACC 0.52 against 0.48 with lambda 1).
        config.augment = false;
        config.lambda = 0.1;
    } else if (name == QLatin1String("long")) {
        config = dcs::train::ClusterConfig::longSchedule(config);
    } else if (name == QLatin1String("plain")) {
        config = dcs::train::ClusterConfig::plainSchedule(config);
    } else if (name == QLatin1String("paper-icip2018")) {
        config = dcs::train::ClusterConfig::paperSchedule("icip2018");
    } else if (name == QLatin1String("paper-caip2019")) {
        config = dcs::train::ClusterConfig::paperSchedule("caip2019");
    }
    config.method = method;
    return config;
}

}  // namespace

ClusterForm::ClusterForm(QWidget* parent)
    : QWidget(parent),
      m_schedule(combo("scheduleChoice", {}, tr("Fill the form with a ready-made schedule"))),
      m_method(combo("methodChoice", {QStringLiteral("dcae-kmeans"), QStringLiteral("dcae-gmm")},
                     tr("DCAE-Kmeans: k-means in the latent space. DCAE-GMM: a Gaussian mixture."))),
      m_preset(combo("presetChoice", {QStringLiteral("caip2019"), QStringLiteral("icip2018")},
                     tr("caip2019: the DCEC auto-encoder (ReLU, squared error).\n"
                        "icip2018: sigmoid layers and binary cross-entropy (needs images of at least 18 px)."))),
      m_epochs(countSpin("epochsField", 0, 100000, tr(" epoch"), tr(" epochs"),
                         tr("Epochs in all, warm-up included (1 or more)"))),
      m_warmup(countSpin("warmupField", 0, 100000, tr(" epoch"), tr(" epochs"),
                         tr("Reconstruction-only epochs before the clustering term starts (at most the epochs)"))),
      m_dropout(realSpin("clusterDropoutField", -1.0, 2.0, 2, 0.05,
                         tr("Dropout after the hidden fully-connected layers, e.g. 0.2 (0: off, at most 0.95)"))),
      m_supervision(
          combo("supervisionChoice", {QStringLiteral("none"), QStringLiteral("semi"), QStringLiteral("full")},
                tr("none: unsupervised. semi: a softmax head on the reconstruction learns the coarse parent "
                   "labels of the mapping below (choosing it sets supervision weight 5 and the Long schedule: 200 "
                   "epochs, 20 of warm-up, cosine learning rate; a heavier weight pulls the clusters apart). full: it "
                   "learns the class labels."))),
      m_labelled(spin("labelledField", -1, 100000000, tr(" images"),
                      tr("Only the first N images carry their label for the supervision term; 0 uses all"))),
      m_supervisionWeight(realSpin("supervisionWeightField", -1.0, 1000.0, 3, 0.1,
                                   tr("Weight of the supervision term E3, the head's cross-entropy (0 or more)"))),
      m_clusters(
          spin("clustersField", 0, 10000, QString(), tr("K, the number of clusters (1 or more, at most the images)"))),
      m_latent(spin("latentField", 0, 4096, tr(" dims"), tr("Size of the latent code h(x)"))),
      m_lambda(realSpin("lambdaField", -1.0, 100.0, 3, 0.05, tr("Weight of the clustering term E2 (0 or more)"))),
      m_optimizer(combo("optimizerChoice", {QStringLiteral("adam"), QStringLiteral("sgd")},
                        tr("Adam or SGD with momentum 0.9"))),
      m_learningRate(realSpin("lrField", 0.0, 10.0, 5, 0.0005, tr("Learning rate (more than 0)"))),
      m_lrSchedule(combo("lrScheduleChoice", {QStringLiteral("constant"), QStringLiteral("cosine")},
                         tr("constant, or cosine: the learning rate annealed to 0 over the clustering epochs "
                            "(steadier clusters at the end of a long run)"))),
      m_momentum(realSpin("momentumField", -1.0, 2.0, 3, 0.05, tr("SGD momentum, in [0, 1]"))),
      m_weightDecay(realSpin("weightDecayField", -1.0, 2.0, 5, 0.0001, tr("L2 weight decay, in [0, 1]"))),
      m_gmmLoss(
          combo("gmmLossChoice", {QStringLiteral("mahalanobis"), QStringLiteral("scaled"), QStringLiteral("nll")},
                tr("DCAE-GMM clustering term: responsibility-weighted Mahalanobis distance; scaled: the same times the "
                   "mixture's mean variance (a pull that does not grow as the clusters tighten); or negative "
                   "log-likelihood"))),
      m_gmmWeights(combo("gmmWeightsChoice", {QStringLiteral("fitted"), QStringLiteral("equal")},
                         tr("DCAE-GMM mixing weights in training: fitted by each M-step, or held equal (1/K), so "
                            "that no cluster grows by taking the ambiguous images"))),
      m_readout(combo("readoutChoice", {QStringLiteral("gaussian"), QStringLiteral("nearest")},
                      tr("How each image's cluster is shown and scored. gaussian: each cluster read by its own "
                         "shape (its members' mean and full covariance), every image in the cluster under which "
                         "it is most likely. nearest: the nearest centre, the papers' rule (DCAE-GMM: the most "
                         "responsible component). Training is the same either way."))),
      m_snapshotPoints(spin("snapshotPointsField", 0, 1000000, tr(" points"),
                            tr("How many images the latent-space view draws (a fixed sample)"))),
      m_batch(spin("batchField", 0, 65536, tr(" images"), tr("Mini-batch size"))),
      m_init(combo("initChoice",
                   {QStringLiteral("kmeans++"), QStringLiteral("merged"), QStringLiteral("random"),
                    QStringLiteral("labels"), QStringLiteral("constrained")},
                   tr("How the clusters start: k-means++ on the codes; merged: k-means into 2K clusters, merged down "
                      "to K by Ward's criterion (keeps a dense class whole where the best k-means splits it); random "
                      "centres (the papers); labels: each cluster at the mean code of one class's labelled images "
                      "(full supervision, K = classes); or constrained (constrained k-means): the clusters are shared "
                      "out among the classes or parents, and a labelled image trains only towards its own label's "
                      "clusters"))),
      m_startBalance(realSpin("startBalanceField", -1.0, 100.0, 2, 0.1,
                              tr("k-means++ start: the weight of a prior for clusters of similar size when the best "
                                 "of 20 restarts is chosen (0: the lowest inertia; 1.5 keeps a dense class such as "
                                 "the 1s whole where the lowest inertia splits it)"))),
      m_reseedBelow(realSpin("reseedBelowField", -1.0, 2.0, 2, 0.05,
                             tr("After each epoch, a cluster holding fewer than this fraction of N/K images takes "
                                "half of the largest cluster (when that holds more than 1.5 N/K); 0: off"))),
      m_covariance(
          combo("covarianceChoice",
                {QStringLiteral("diag"), QStringLiteral("spherical"), QStringLiteral("tied"), QStringLiteral("full")},
                tr("DCAE-GMM covariance: diagonal, spherical (one variance per cluster), tied (one "
                   "diagonal shared by all clusters) or full"))),
      m_seed(spin("seedField", 0, 1000000, QString(), tr("Same seed, config and data: the same run"))),
      m_threads(spin("threadsField", 0, 1024, QString(), tr("CPU threads; 0 uses every core"))),
      m_device(combo("deviceChoice", {QStringLiteral("cpu"), QStringLiteral("cuda")},
                     tr("Where training runs: the CPU, or an NVIDIA GPU (cuda) when LibTorch was built with CUDA. "
                        "On the GPU a seed names one run too, but another run than on the CPU"))),
      m_limit(spin("limitField", 0, 100000000, tr(" images"), tr("Train on the first N images only; 0 uses all"))),
      m_messageLabel(new QLabel) {
    m_limit->setSpecialValueText(tr("all images"));  // shown for 0
    m_threads->setSpecialValueText(tr("every core"));
    if (!dcs::train::cudaDeviceAvailable()) {
        // Shown, so that users learn the setting exists, but not choosable without a GPU.
        auto* items = qobject_cast<QStandardItemModel*>(m_device->model());
        auto* cuda = items->item(m_device->findText(QStringLiteral("cuda")));
        cuda->setEnabled(false);
        cuda->setToolTip(tr("This build's LibTorch has no CUDA, or no GPU is present"));
    }
    m_schedule->addItem(tr("Default"), QStringLiteral("default"));
    m_schedule->addItem(tr("Demo (about a minute)"), QStringLiteral("demo"));
    m_schedule->addItem(tr("Long: 200 epochs, cosine learning rate"), QStringLiteral("long"));
    m_schedule->setItemData(
        m_schedule->count() - 1,
        tr("Reaches the mnist targets with either method (about 15-20 minutes on 2 cores); DCAE-GMM "
           "trains on it with lambda 1 and on the read-out"),
        Qt::ToolTipRole);
    m_schedule->addItem(tr("Plain: 30 epochs, no augmentation, lambda 0.1"), QStringLiteral("plain"));
    m_schedule->setItemData(m_schedule->count() - 1,
                            tr("Reaches the fashion-mnist target with DCAE-Kmeans (about 13 minutes on 2 cores): "
                               "augmentation blurs garments that differ by shape details; DCAE-GMM takes the "
                               "diagonal Mahalanobis form it was measured in"),
                            Qt::ToolTipRole);
    m_schedule->addItem(tr("Paper: icip2018"), QStringLiteral("paper-icip2018"));
    m_schedule->addItem(tr("Paper: caip2019"), QStringLiteral("paper-caip2019"));
    m_augment = new QCheckBox(tr("shifted, rotated, scaled copies"));
    m_augment->setObjectName(QStringLiteral("augmentBox"));
    m_augment->setToolTip(tr("Each batch is randomly shifted (up to 10 %), rotated (up to 10 degrees) and scaled "
                             "(up to 10 %); the clusters are computed on the original images"));
    m_trainOnReadout = new QCheckBox(tr("centres follow the read-out's clusters"));
    m_trainOnReadout->setObjectName(QStringLiteral("trainOnReadoutBox"));
    m_trainOnReadout->setToolTip(
        tr("With an unconstrained start: each epoch's centres are the means of the clusters the images are read "
           "into by the gaussian read-out (DCAE-GMM: each component is fitted to its cluster so read), and the "
           "clustering term pulls every code towards that cluster"));
    m_resplitBoundaries = new QCheckBox(tr("re-cut two clusters along a sparser boundary"));
    m_resplitBoundaries->setObjectName(QStringLiteral("resplitBoundariesBox"));
    m_resplitBoundaries->setToolTip(
        tr("With an unconstrained start: after each epoch's update, the two clusters whose boundary "
           "cuts the most links between nearest neighbours are re-split along the sparsest cut of their union, "
           "when that cut is under 0.6 of the current one: the way out of two classes split across two clusters"));
    m_batchNorm = new QCheckBox(tr("after every convolution"));
    m_batchNorm->setObjectName(QStringLiteral("batchNormBox"));
    m_batchNorm->setToolTip(tr("Batch normalisation after every convolution and transposed convolution but the output"));
    m_parentMap = lineField("parentMapField", tr("default: first half of the classes 0, the rest 1"),
                            tr("The parent of each class in class order, separated by commas: 0,0,0,0,0,1,1,1,1,1 "
                               "groups the digits 0-4 and 5-9. Empty uses that default."));
    m_messageLabel->setObjectName(QStringLiteral("configMessage"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto* form = m_layout = new QFormLayout(this);
    form->addRow(tr("Schedule:"), m_schedule);
    form->addRow(tr("Method:"), m_method);
    form->addRow(tr("Architecture:"), m_preset);
    form->addRow(tr("Epochs:"), m_epochs);
    form->addRow(tr("Warm-up:"), m_warmup);
    form->addRow(tr("Augmentation:"), m_augment);
    form->addRow(tr("Dropout:"), m_dropout);
    form->addRow(tr("Batch norm:"), m_batchNorm);
    form->addRow(tr("Supervision:"), m_supervision);
    form->addRow(tr("Labelled:"), m_labelled);
    form->addRow(tr("Parent map:"), m_parentMap);
    form->addRow(tr("Supervision weight:"), m_supervisionWeight);
    form->addRow(tr("Clusters K:"), m_clusters);
    form->addRow(tr("Latent size:"), m_latent);
    form->addRow(tr("Lambda:"), m_lambda);
    form->addRow(tr("Optimiser:"), m_optimizer);
    form->addRow(tr("Learning rate:"), m_learningRate);
    form->addRow(tr("LR schedule:"), m_lrSchedule);
    form->addRow(tr("Momentum:"), m_momentum);
    form->addRow(tr("Weight decay:"), m_weightDecay);
    form->addRow(tr("Batch:"), m_batch);
    form->addRow(tr("Cluster start:"), m_init);
    form->addRow(tr("Start size prior:"), m_startBalance);
    form->addRow(tr("Re-seed below:"), m_reseedBelow);
    form->addRow(tr("Covariance:"), m_covariance);
    form->addRow(tr("GMM term:"), m_gmmLoss);
    form->addRow(tr("GMM weights:"), m_gmmWeights);
    form->addRow(tr("Read-out:"), m_readout);
    form->addRow(tr("Train on read-out:"), m_trainOnReadout);
    form->addRow(tr("Re-split boundaries:"), m_resplitBoundaries);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Threads:"), m_threads);
    form->addRow(tr("Device:"), m_device);
    form->addRow(tr("Limit:"), m_limit);
    form->addRow(tr("Points shown:"), m_snapshotPoints);
    form->addRow(m_messageLabel);

    m_fieldWidgets = {{QStringLiteral("method"), m_method},
                      {QStringLiteral("preset"), m_preset},
                      {QStringLiteral("epochs"), m_epochs},
                      {QStringLiteral("warmup"), m_warmup},
                      {QStringLiteral("augment"), m_augment},
                      {QStringLiteral("dropout"), m_dropout},
                      {QStringLiteral("batchnorm"), m_batchNorm},
                      {QStringLiteral("supervision"), m_supervision},
                      {QStringLiteral("labelled"), m_labelled},
                      {QStringLiteral("parent_map"), m_parentMap},
                      {QStringLiteral("supervision_weight"), m_supervisionWeight},
                      {QStringLiteral("clusters"), m_clusters},
                      {QStringLiteral("latent"), m_latent},
                      {QStringLiteral("lambda"), m_lambda},
                      {QStringLiteral("optimizer"), m_optimizer},
                      {QStringLiteral("lr"), m_learningRate},
                      {QStringLiteral("lr_schedule"), m_lrSchedule},
                      {QStringLiteral("batch"), m_batch},
                      {QStringLiteral("momentum"), m_momentum},
                      {QStringLiteral("weight_decay"), m_weightDecay},
                      {QStringLiteral("gmm_loss"), m_gmmLoss},
                      {QStringLiteral("gmm_weights"), m_gmmWeights},
                      {QStringLiteral("readout"), m_readout},
                      {QStringLiteral("train_on_readout"), m_trainOnReadout},
                      {QStringLiteral("resplit_boundaries"), m_resplitBoundaries},
                      {QStringLiteral("snapshot_points"), m_snapshotPoints},
                      {QStringLiteral("init"), m_init},
                      {QStringLiteral("covariance"), m_covariance},
                      {QStringLiteral("start_balance"), m_startBalance},
                      {QStringLiteral("reseed_below"), m_reseedBelow},
                      {QStringLiteral("seed"), m_seed},
                      {QStringLiteral("threads"), m_threads},
                      {QStringLiteral("device"), m_device},
                      {QStringLiteral("limit"), m_limit}};

    setConfig(dcs::train::ClusterConfig::defaultsFor("none", "dcae-kmeans"));
    for (auto* box : findChildren<QSpinBox*>())
        connect(box, qOverload<int>(&QSpinBox::valueChanged), this, &ClusterForm::validate);
    for (auto* box : findChildren<QDoubleSpinBox*>())
        connect(box, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &ClusterForm::validate);
    for (auto* box : findChildren<QComboBox*>())
        if (box != m_schedule) connect(box, &QComboBox::currentTextChanged, this, &ClusterForm::validate);
    connect(m_parentMap, &QLineEdit::textChanged, this, &ClusterForm::validate);
    connect(m_schedule, &QComboBox::activated, this,
            [this](int index) { applySchedule(m_schedule->itemData(index).toString()); });
    connect(m_supervision, &QComboBox::activated, this, &ClusterForm::applyModeDefaults);
    connect(m_method, &QComboBox::activated, this, &ClusterForm::applyModeDefaults);
}

void ClusterForm::applyModeDefaults() {
    const auto supervision = m_supervision->currentText().toStdString();
    const auto method = m_method->currentText().toStdString();
    // Unsupervised, the defaults are the chosen schedule's: a Long DCAE-Kmeans switched to DCAE-GMM gets
    // the Long schedule's DCAE-GMM settings, not the 40-epoch ones.
    const auto schedule = m_schedule->currentData().toString();
    const auto defaultsFor = [&](const std::string& supervisionShown, const std::string& methodShown) {
        return supervisionShown == "none" ? scheduleDefaults(schedule, methodShown)
                                          : dcs::train::ClusterConfig::defaultsFor(supervisionShown, methodShown);
    };
    const auto before = defaultsFor(m_supervisionDefaultsShown, m_methodDefaultsShown);
    const auto after = defaultsFor(supervision, method);
    // Each field that still holds the last mode's default takes the new mode's; a value the user set stays.
    if (m_augment->isEnabled() && m_augment->isChecked() == before.augment) m_augment->setChecked(after.augment);
    if (!m_lockedNames.contains(QStringLiteral("train_on_readout")) &&
        m_trainOnReadout->isChecked() == before.trainOnReadout)
        m_trainOnReadout->setChecked(after.trainOnReadout);
    if (!m_lockedNames.contains(QStringLiteral("resplit_boundaries")) &&
        m_resplitBoundaries->isChecked() == before.resplitBoundaries)
        m_resplitBoundaries->setChecked(after.resplitBoundaries);
    if (m_lambda->isEnabled() && std::abs(m_lambda->value() - before.lambda) < 1e-9) m_lambda->setValue(after.lambda);
    if (m_epochs->isEnabled() && m_epochs->value() == before.epochs) m_epochs->setValue(after.epochs);
    if (m_warmup->isEnabled() && m_warmup->value() == before.warmupEpochs) m_warmup->setValue(after.warmupEpochs);
    if (m_lrSchedule->isEnabled() && m_lrSchedule->currentText().toStdString() == before.lrSchedule)
        m_lrSchedule->setCurrentText(QString::fromStdString(after.lrSchedule));
    if (m_supervisionWeight->isEnabled() && std::abs(m_supervisionWeight->value() - before.supervisionWeight) < 1e-9)
        m_supervisionWeight->setValue(after.supervisionWeight);
    if (m_init->isEnabled() && m_init->currentText().toStdString() == before.init)
        m_init->setCurrentText(QString::fromStdString(after.init));
    if (m_reseedBelow->isEnabled() && std::abs(m_reseedBelow->value() - before.reseedBelow) < 1e-9)
        m_reseedBelow->setValue(after.reseedBelow);
    // The GMM's fields are disabled under DCAE-Kmeans but still follow its defaults, ready for a switch.
    if (!m_lockedNames.contains(QStringLiteral("covariance")) &&
        m_covariance->currentText().toStdString() == before.covariance)
        m_covariance->setCurrentText(QString::fromStdString(after.covariance));
    if (!m_lockedNames.contains(QStringLiteral("gmm_loss")) && m_gmmLoss->currentText().toStdString() == before.gmmLoss)
        m_gmmLoss->setCurrentText(QString::fromStdString(after.gmmLoss));
    if (!m_lockedNames.contains(QStringLiteral("gmm_weights")) &&
        m_gmmWeights->currentText().toStdString() == before.gmmWeights)
        m_gmmWeights->setCurrentText(QString::fromStdString(after.gmmWeights));
    m_supervisionDefaultsShown = supervision;
    m_methodDefaultsShown = method;
}

void ClusterForm::setLockedFields(const QStringList& names) {
    m_lockedNames = names;
    for (auto it = m_fieldWidgets.begin(); it != m_fieldWidgets.end(); ++it) it.value()->setEnabled(!names.contains(it.key()));
    // A schedule would overwrite the fixed fields.
    m_schedule->setEnabled(names.isEmpty());
    validate();  // re-applies the method- and optimiser-dependent enabling
}

void ClusterForm::setHiddenFields(const QStringList& names) {
    for (auto it = m_fieldWidgets.begin(); it != m_fieldWidgets.end(); ++it)
        m_layout->setRowVisible(it.value(), !names.contains(it.key()));
}

void ClusterForm::applySchedule(const QString& name) {
    const auto config = scheduleDefaults(name, m_method->currentText().toStdString());
    const int index = m_schedule->findData(name);
    if (index >= 0) m_schedule->setCurrentIndex(index);
    setConfig(config);
}

void ClusterForm::setConfig(const dcs::train::ClusterConfig& c) {
    m_hidden = c;
    m_supervisionDefaultsShown = c.supervision;
    m_methodDefaultsShown = c.method;
    {
        const QSignalBlocker blockers[] = {QSignalBlocker(m_method),         QSignalBlocker(m_preset),
                                           QSignalBlocker(m_epochs),         QSignalBlocker(m_warmup),
                                           QSignalBlocker(m_clusters),       QSignalBlocker(m_latent),
                                           QSignalBlocker(m_lambda),         QSignalBlocker(m_optimizer),
                                           QSignalBlocker(m_learningRate),   QSignalBlocker(m_lrSchedule),
                                           QSignalBlocker(m_batch),          QSignalBlocker(m_init),
                                           QSignalBlocker(m_startBalance),   QSignalBlocker(m_reseedBelow),
                                           QSignalBlocker(m_covariance),     QSignalBlocker(m_seed),
                                           QSignalBlocker(m_threads),        QSignalBlocker(m_limit),
                                           QSignalBlocker(m_momentum),       QSignalBlocker(m_weightDecay),
                                           QSignalBlocker(m_gmmLoss),        QSignalBlocker(m_gmmWeights),
                                           QSignalBlocker(m_snapshotPoints), QSignalBlocker(m_dropout),
                                           QSignalBlocker(m_supervision),    QSignalBlocker(m_labelled),
                                           QSignalBlocker(m_parentMap),      QSignalBlocker(m_supervisionWeight),
                                           QSignalBlocker(m_readout),        QSignalBlocker(m_device)};
        m_method->setCurrentText(QString::fromStdString(c.method));
        m_preset->setCurrentText(QString::fromStdString(c.preset));
        m_epochs->setValue(c.epochs);
        m_warmup->setValue(c.warmupEpochs);
        m_augment->setChecked(c.augment);
        m_dropout->setValue(c.dropout);
        m_batchNorm->setChecked(c.batchNorm);
        m_supervision->setCurrentText(QString::fromStdString(c.supervision));
        m_labelled->setValue(static_cast<int>(c.labelled));
        QStringList parents;
        for (int64_t p : c.parentMap) parents << QString::number(p);
        m_parentMap->setText(parents.join(QLatin1Char(',')));
        m_supervisionWeight->setValue(c.supervisionWeight);
        m_clusters->setValue(static_cast<int>(c.clusters));
        m_latent->setValue(static_cast<int>(c.latent));
        m_lambda->setValue(c.lambda);
        m_optimizer->setCurrentText(QString::fromStdString(c.optimizer));
        m_learningRate->setValue(c.learningRate);
        m_lrSchedule->setCurrentText(QString::fromStdString(c.lrSchedule));
        m_batch->setValue(static_cast<int>(c.batchSize));
        m_init->setCurrentText(QString::fromStdString(c.init));
        m_startBalance->setValue(c.startBalance);
        m_reseedBelow->setValue(c.reseedBelow);
        m_covariance->setCurrentText(QString::fromStdString(c.covariance));
        m_seed->setValue(static_cast<int>(c.seed));
        m_threads->setValue(c.threads);
        m_device->setCurrentText(QString::fromStdString(c.device));
        m_limit->setValue(static_cast<int>(c.limit));
        m_momentum->setValue(c.momentum);
        m_weightDecay->setValue(c.weightDecay);
        m_gmmLoss->setCurrentText(QString::fromStdString(c.gmmLoss));
        m_gmmWeights->setCurrentText(QString::fromStdString(c.gmmWeights));
        m_readout->setCurrentText(QString::fromStdString(c.readout));
        m_trainOnReadout->setChecked(c.trainOnReadout);
        m_resplitBoundaries->setChecked(c.resplitBoundaries);
        m_snapshotPoints->setValue(static_cast<int>(c.snapshotPoints));
    }
    validate();
}

dcs::train::ClusterConfig ClusterForm::config() const {
    auto c = m_hidden;
    c.method = m_method->currentText().toStdString();
    c.preset = m_preset->currentText().toStdString();
    c.epochs = m_epochs->value();
    c.warmupEpochs = m_warmup->value();
    c.augment = m_augment->isChecked();
    c.dropout = m_dropout->value();
    c.batchNorm = m_batchNorm->isChecked();
    c.supervision = m_supervision->currentText().toStdString();
    c.labelled = m_labelled->value();
    c.supervisionWeight = m_supervisionWeight->value();
    // Anything but a whole number >= 0 becomes -1, which validate() reports under the form.
    c.parentMap.clear();
    const auto parents = m_parentMap->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const auto& text : parents) {
        bool ok = false;
        const int value = text.toInt(&ok);
        c.parentMap.push_back(ok && value >= 0 ? value : -1);
    }
    c.clusters = m_clusters->value();
    c.latent = m_latent->value();
    c.lambda = m_lambda->value();
    c.optimizer = m_optimizer->currentText().toStdString();
    c.learningRate = m_learningRate->value();
    c.lrSchedule = m_lrSchedule->currentText().toStdString();
    c.batchSize = m_batch->value();
    c.init = m_init->currentText().toStdString();
    c.startBalance = m_startBalance->value();
    c.reseedBelow = m_reseedBelow->value();
    c.covariance = m_covariance->currentText().toStdString();
    c.seed = static_cast<uint64_t>(m_seed->value());
    c.threads = m_threads->value();
    c.device = m_device->currentText().toStdString();
    c.limit = m_limit->value();
    c.momentum = m_momentum->value();
    c.weightDecay = m_weightDecay->value();
    c.gmmLoss = m_gmmLoss->currentText().toStdString();
    c.gmmWeights = m_gmmWeights->currentText().toStdString();
    c.readout = m_readout->currentText().toStdString();
    c.trainOnReadout = m_trainOnReadout->isChecked();
    c.resplitBoundaries = m_resplitBoundaries->isChecked();
    c.snapshotPoints = m_snapshotPoints->value();
    return c;
}

void ClusterForm::validate() {
    auto shown = config();
    const bool changed = checkConfig(shown, m_fieldWidgets, m_messageLabel, m_message);
    const bool gmm = m_method->currentText() == QLatin1String("dcae-gmm");
    m_covariance->setEnabled(gmm && !m_lockedNames.contains(QStringLiteral("covariance")));
    m_gmmLoss->setEnabled(gmm && !m_lockedNames.contains(QStringLiteral("gmm_loss")));
    m_gmmWeights->setEnabled(gmm && !m_lockedNames.contains(QStringLiteral("gmm_weights")));
    m_startBalance->setEnabled(m_init->currentText() == QLatin1String("kmeans++") &&
                               !m_lockedNames.contains(QStringLiteral("start_balance")));
    // Enabled where the engine would use them (ClusterConfig::trainsOnReadout, resplitsBoundaries).
    shown.trainOnReadout = true;
    shown.resplitBoundaries = true;
    m_trainOnReadout->setEnabled(shown.trainsOnReadout() &&
                                 !m_lockedNames.contains(QStringLiteral("train_on_readout")));
    m_resplitBoundaries->setEnabled(shown.resplitsBoundaries() &&
                                    !m_lockedNames.contains(QStringLiteral("resplit_boundaries")));
    // Constrained clusters belong to their label groups; a split would take one from its group.
    m_reseedBelow->setEnabled(m_init->currentText() != QLatin1String("constrained") &&
                              !m_lockedNames.contains(QStringLiteral("reseed_below")));
    const QString supervision = m_supervision->currentText();
    m_labelled->setEnabled(supervision != QLatin1String("none") && !m_lockedNames.contains(QStringLiteral("labelled")));
    m_supervisionWeight->setEnabled(supervision != QLatin1String("none") &&
                                    !m_lockedNames.contains(QStringLiteral("supervision_weight")));
    m_parentMap->setEnabled(supervision == QLatin1String("semi") && !m_lockedNames.contains(QStringLiteral("parent_map")));
    m_momentum->setEnabled(m_optimizer->currentText() == QLatin1String("sgd") && !m_lockedNames.contains(QStringLiteral("momentum")));
    if (changed) Q_EMIT validityChanged(m_message.isEmpty());
}

}  // namespace dcs::ui
