#include "ui/main/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QSaveFile>
#include <QSettings>
#include <QWhatsThis>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "dcs/error.h"
#include "ui/cluster/cluster_form.h"
#include "ui/cluster/cluster_page.h"
#include "ui/filters/filter_form.h"
#include "ui/filters/filter_page.h"
#include "ui/prune/prune_form.h"
#include "ui/prune/prune_page.h"
#include "ui/main/session.h"
#include "ui/data/dataset_facts_view.h"
#include "ui/data/dataset_loader.h"
#include "ui/data/gallery_model.h"

namespace dcs::ui {
namespace {

// The FORMAT:PATH spec for a folder chosen in File > Open Folder, recognised by its contents.
QString folderSpec(const QString& path) {
    const QDir dir(path);
    if (dir.exists(QStringLiteral("test_batch.bin")) || dir.exists(QStringLiteral("data_batch_1.bin")))
        return QStringLiteral("cifar10:") + path;
    if (dir.exists(QStringLiteral("0.json")) && dir.exists(QStringLiteral("9.json")))
        return QStringLiteral("mnist-json:") + path;
    return QStringLiteral("folder:") + path;
}

}  // namespace

MainWindow::MainWindow(const dcs::data::DatasetRegistry& registry, QWidget* parent)
    : QMainWindow(parent), m_loader(new DatasetLoader(registry, this)), m_gallery(new GalleryModel(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("dcstudio: Deep Clustering & Compression Studio"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/dcstudio.svg")));
    buildActions();
    buildCentralArea();
    restoreSettings();

    connect(m_loader, &DatasetLoader::started, this, [this](const QString& spec) {
        setLoading(true);
        m_status->setText(tr("Loading %1…").arg(spec));
    });
    connect(m_loader, &DatasetLoader::progressChanged, m_progress, &QProgressBar::setValue);
    connect(m_loader, &DatasetLoader::loaded, this, &MainWindow::showDataset);
    connect(m_loader, &DatasetLoader::failed, this, &MainWindow::showLoadError);
}

const DatasetPtr& MainWindow::dataset() const { return m_gallery->dataset(); }

void MainWindow::buildActions() {
    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* openFileAction = m_openFileAction = fileMenu->addAction(tr("Open &File…"), this, &MainWindow::openFile);
    openFileAction->setShortcut(QKeySequence::Open);
    openFileAction->setToolTip(tr("Open an IDX images file (raw or .gz) or a CSV table"));
    auto* openFolderAction = m_openFolderAction = fileMenu->addAction(tr("Open F&older…"), this, &MainWindow::openFolder);
    openFolderAction->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    openFolderAction->setToolTip(tr("Open an image folder (one sub-folder per class), CIFAR-10 batches or MNIST JSON digits"));
    fileMenu->addSeparator();
    fileMenu->addAction(tr("Open &Session…"), this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Open session"), QString(), tr("dcstudio session (*.json)"));
        if (!file.isEmpty()) openSession(file);
    });
    fileMenu->addAction(tr("Sa&ve Session…"), this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Save session"), QStringLiteral("session.json"),
                                                          tr("dcstudio session (*.json)"));
        if (!file.isEmpty()) saveSession(file);
    });
    fileMenu->addSeparator();
    auto* exportMenu = fileMenu->addMenu(tr("&Export"));
    const QList<QPair<QString, QString>> plots{{tr("Latent space…"), QStringLiteral("latent")},
                                               {tr("Loss curves…"), QStringLiteral("losses")},
                                               {tr("Quality curves…"), QStringLiteral("metrics")},
                                               {tr("Confusion heatmap…"), QStringLiteral("confusion")}};
    for (const auto& [title, view] : plots)
        exportMenu->addAction(title, this, [this, view = view] {
            const QString file = QFileDialog::getSaveFileName(this, tr("Export plot"), view + QStringLiteral(".png"),
                                                              tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)"));
            if (!file.isEmpty()) reportExport(m_clusterPage->exportView(view, file), file);
        });
    exportMenu->addSeparator();
    const QList<QPair<QString, QString>> tables{{tr("Metrics per epoch (CSV)…"), QStringLiteral("metrics-csv")},
                                                {tr("Cluster assignments (CSV)…"), QStringLiteral("assignments-csv")}};
    for (const auto& [title, view] : tables)
        exportMenu->addAction(title, this, [this, view = view] {
            const QString file = QFileDialog::getSaveFileName(this, tr("Export table"), view.section(QLatin1Char('-'), 0, 0) +
                                                                                            QStringLiteral(".csv"),
                                                              tr("CSV table (*.csv)"));
            if (!file.isEmpty()) reportExport(m_clusterPage->exportView(view, file), file);
        });
    auto* pruneExportMenu = fileMenu->addMenu(tr("Export &Pruning"));
    const QList<QPair<QString, QString>> prunePlots{{tr("Accuracy and weights…"), QStringLiteral("curves")},
                                                    {tr("Vote heatmap…"), QStringLiteral("votes")},
                                                    {tr("Layer widths…"), QStringLiteral("widths")}};
    for (const auto& [title, view] : prunePlots)
        pruneExportMenu->addAction(title, this, [this, view = view] {
            const QString file = QFileDialog::getSaveFileName(this, tr("Export plot"), view + QStringLiteral(".png"),
                                                              tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)"));
            if (!file.isEmpty()) reportExport(m_prunePage->exportView(view, file), file);
        });
    pruneExportMenu->addSeparator();
    const QList<QPair<QString, QString>> pruneTables{
        {tr("Metrics per epoch (CSV)…"), QStringLiteral("metrics-csv")},
        {tr("Scores at each pruning event (CSV)…"), QStringLiteral("events-csv")},
        {tr("The dense net's metrics per epoch (CSV)…"), QStringLiteral("dense-metrics-csv")},
        {tr("Ablation table (CSV)…"), QStringLiteral("ablation-csv")}};
    for (const auto& [title, view] : pruneTables)
        pruneExportMenu->addAction(title, this, [this, view = view] {
            const QString file = QFileDialog::getSaveFileName(this, tr("Export table"), view.section(QLatin1Char('-'), 0, 0) +
                                                                                            QStringLiteral(".csv"),
                                                              tr("CSV table (*.csv)"));
            if (!file.isEmpty()) reportExport(m_prunePage->exportView(view, file), file);
        });
    auto* filterExportMenu = fileMenu->addMenu(tr("Export &Filters"));
    const QList<QPair<QString, QString>> filterPlots{{tr("Filter score heatmap…"), QStringLiteral("relevance")},
                                                     {tr("Accuracy curves…"), QStringLiteral("curves")}};
    for (const auto& [title, view] : filterPlots)
        filterExportMenu->addAction(title, this, [this, view = view] {
            const QString file = QFileDialog::getSaveFileName(this, tr("Export plot"), view + QStringLiteral(".png"),
                                                              tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)"));
            if (!file.isEmpty()) reportExport(m_filterPage->exportView(view, file), file);
        });
    filterExportMenu->addAction(tr("Chosen filter's images…"), this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export images"), QStringLiteral("filter.png"),
                                                          tr("PNG image (*.png)"));
        if (!file.isEmpty()) reportExport(m_filterPage->exportView(QStringLiteral("inspector"), file), file);
    });
    filterExportMenu->addAction(tr("Criteria comparison (CSV)…"), this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export table"), QStringLiteral("comparison.csv"),
                                                          tr("CSV table (*.csv)"));
        if (!file.isEmpty()) reportExport(m_filterPage->exportView(QStringLiteral("comparison-csv"), file), file);
    });
    fileMenu->addSeparator();
    auto* quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    auto* settingsMenu = menuBar()->addMenu(tr("&Settings"));
    auto* languageMenu = settingsMenu->addMenu(tr("&Language"));
    languageMenu->setObjectName(QStringLiteral("languageMenu"));
    auto* languages = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("ui/language"), QStringLiteral("en")).toString();
    // Each language names itself, so a user who cannot read the current one still finds theirs.
    for (const auto& [code, name] : {std::pair{QStringLiteral("en"), QStringLiteral("English")},
                                     std::pair{QStringLiteral("ar"), QStringLiteral("العربية")}}) {
        auto* action = languageMenu->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == current);
        action->setData(code);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] {
            if (!QCoreApplication::organizationName().isEmpty())
                QSettings().setValue(QStringLiteral("ui/language"), code);
            m_status->setText(tr("The language changes when dcstudio starts next."));
        });
    }
    auto* helpMenu = menuBar()->addMenu(tr("&Help"));
    auto* whatsThis = QWhatsThis::createAction(this);
    whatsThis->setText(tr("What am I looking at?"));
    helpMenu->addAction(whatsThis);

    auto* toolbar = addToolBar(tr("Data set"));
    toolbar->setObjectName(QStringLiteral("datasetToolbar"));
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr("Data set: ")));
    m_datasetChooser = new QComboBox;
    m_datasetChooser->setObjectName(QStringLiteral("datasetChooser"));
    m_datasetChooser->setEditable(true);
    m_datasetChooser->setInsertPolicy(QComboBox::NoInsert);
    m_datasetChooser->setMinimumContentsLength(28);
    m_datasetChooser->setToolTip(
        tr("A built-in data set, or FORMAT:PATH (idx, mnist-json, cifar10, folder, csv).\n"
           "Options follow '?', e.g. shapes?count=5000&size=32 or folder:/pets?size=64&color=1&limit=1000"));
    for (const auto& name : m_loader->registry().availableNames()) m_datasetChooser->addItem(QString::fromStdString(name));
    connect(m_datasetChooser, &QComboBox::activated, this,
            [this](int index) { loadDataset(m_datasetChooser->itemText(index)); });
    connect(m_datasetChooser->lineEdit(), &QLineEdit::returnPressed, this,
            [this] { loadDataset(m_datasetChooser->currentText().trimmed()); });
    toolbar->addWidget(m_datasetChooser);
    auto* loadButton = m_loadButton = new QPushButton(tr("Load"));
    loadButton->setObjectName(QStringLiteral("loadButton"));
    connect(loadButton, &QPushButton::clicked, this, [this] { loadDataset(m_datasetChooser->currentText().trimmed()); });
    toolbar->addWidget(loadButton);
    toolbar->addSeparator();
    toolbar->addWidget(new QLabel(tr(" Thumbnail size: ")));
    m_thumbnailSlider = new QSlider(Qt::Horizontal);
    m_thumbnailSlider->setObjectName(QStringLiteral("thumbnailSlider"));
    m_thumbnailSlider->setRange(28, 128);
    m_thumbnailSlider->setValue(m_gallery->thumbnailSize());
    m_thumbnailSlider->setMaximumWidth(160);
    connect(m_thumbnailSlider, &QSlider::valueChanged, this, [this](int size) {
        m_gallery->setThumbnailSize(size);
        m_galleryView->setIconSize(QSize(size, size));
        m_galleryView->setGridSize(QSize(size + 16, size + 24));
    });
    toolbar->addWidget(m_thumbnailSlider);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("statusText"));
    statusBar()->addWidget(m_status, 1);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);
    statusBar()->addPermanentWidget(m_progress);
}

void MainWindow::buildCentralArea() {
    m_errorBanner = new QWidget;
    m_errorBanner->setObjectName(QStringLiteral("loadErrorBanner"));
    m_errorBanner->setStyleSheet(QStringLiteral("#loadErrorBanner { background: #fbe3e4; border: 1px solid #d9534f; }"));
    m_errorText = new QLabel;
    m_errorText->setObjectName(QStringLiteral("loadErrorText"));
    m_errorText->setWordWrap(true);
    m_errorText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* dismiss = new QToolButton;
    dismiss->setText(QStringLiteral("✕"));
    dismiss->setToolTip(tr("Dismiss"));
    dismiss->setAutoRaise(true);
    connect(dismiss, &QToolButton::clicked, m_errorBanner, &QWidget::hide);
    auto* bannerLayout = new QHBoxLayout(m_errorBanner);
    bannerLayout->addWidget(m_errorText, 1);
    bannerLayout->addWidget(dismiss, 0, Qt::AlignTop);
    m_errorBanner->setVisible(false);

    m_galleryView = new QListView;
    m_galleryView->setObjectName(QStringLiteral("galleryView"));
    m_galleryView->setModel(m_gallery);
    m_galleryView->setViewMode(QListView::IconMode);
    m_galleryView->setResizeMode(QListView::Adjust);
    m_galleryView->setMovement(QListView::Static);
    m_galleryView->setUniformItemSizes(true);  // lets the view lay out 70,000 items without asking each one
    m_galleryView->setLayoutMode(QListView::Batched);
    m_galleryView->setBatchSize(2000);
    m_galleryView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    const int size = m_gallery->thumbnailSize();
    m_galleryView->setIconSize(QSize(size, size));
    m_galleryView->setGridSize(QSize(size + 16, size + 24));
    m_galleryView->setStyleSheet(QStringLiteral("QListView { background: #202124; color: #e8eaed; }"));
    m_galleryView->setWhatsThis(tr("Every image of the data set with its class. Only the images in view are drawn, "
                                   "so even 70,000 scroll smoothly. Rest the pointer on one for its index and label."));

    m_facts = new DatasetFactsView;
    m_facts->setObjectName(QStringLiteral("datasetFacts"));
    m_facts->setWhatsThis(tr("The facts of the data set: where it came from, how many images of what shape, "
                             "their pixel statistics, and how many images each class has."));

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_galleryView);
    splitter->addWidget(m_facts);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto* dataPage = new QWidget;
    auto* dataLayout = new QVBoxLayout(dataPage);
    dataLayout->setContentsMargins(4, 4, 4, 4);
    dataLayout->addWidget(splitter, 1);

    const auto runs = m_loader->registry().paths().dataDirectory / "runs";
    m_clusterPage = new ClusterPage(QString::fromStdString(runs.string()));
    m_clusterPage->setObjectName(QStringLiteral("clusterPage"));
    m_modes = new QTabWidget;
    m_modes->setObjectName(QStringLiteral("modeTabs"));
    m_modes->addTab(dataPage, tr("Data"));
    m_modes->addTab(m_clusterPage, tr("Cluster"));
    m_prunePage = new PrunePage(QString::fromStdString(runs.string()));
    m_prunePage->setObjectName(QStringLiteral("prunePage"));
    m_modes->addTab(m_prunePage, tr("Prune"));
    m_modes->setTabToolTip(2, tr("Train a classifier and prune its neurons by majority voting (or a baseline criterion)"));
    m_filterPage = new FilterPage(QString::fromStdString(runs.string()));
    m_filterPage->setObjectName(QStringLiteral("filterPage"));
    m_modes->addTab(m_filterPage, tr("Filters"));
    m_modes->setTabToolTip(3, tr("Train a CNN and remove its least relevant conv filters to a FLOPs target"));

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_modes, 1);
    setCentralWidget(central);
}

void MainWindow::loadDataset(const QString& spec) {
    if (spec.isEmpty()) {
        showLoadError(spec, tr("Data set name is empty: choose one from the list or type FORMAT:PATH."));
        return;
    }
    m_loader->load(spec);
}

void MainWindow::openFile() {
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open data set file"), QString(),
        tr("Data set files (*-idx3-ubyte *-idx3-ubyte.gz *.idx *.idx.gz *.csv);;IDX images (*-idx3-ubyte *-idx3-ubyte.gz *.idx *.idx.gz);;CSV tables (*.csv);;All files (*)"));
    if (file.isEmpty()) return;
    const bool csv = QFileInfo(file).suffix().compare(QStringLiteral("csv"), Qt::CaseInsensitive) == 0;
    loadDataset((csv ? QStringLiteral("csv:") : QStringLiteral("idx:")) + file);
}

void MainWindow::openFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open data set folder"));
    if (!dir.isEmpty()) loadDataset(folderSpec(dir));
}

void MainWindow::showDataset(const QString& spec, const DatasetPtr& dataset) {
    setLoading(false);
    m_errorBanner->setVisible(false);
    m_currentSpec = spec;
    m_gallery->setDataset(dataset);
    m_facts->setDataset(spec, dataset);
    m_clusterPage->setDataset(spec, dataset);
    m_prunePage->setDataset(spec, dataset);
    m_filterPage->setDataset(spec, dataset);
    if (m_datasetChooser->findText(spec) < 0) m_datasetChooser->addItem(spec);
    m_datasetChooser->setCurrentText(spec);
    m_status->setText(tr("%1: %2 images").arg(spec, QLocale().toString(static_cast<qlonglong>(dataset->size()))));
    setWindowTitle(m_lessonTitle.isEmpty() ? tr("%1 — dcstudio").arg(spec)
                                           : tr("%1 — %2 — dcstudio").arg(m_lessonTitle, spec));
    Q_EMIT datasetShown(spec);
}

void MainWindow::showLoadError(const QString& spec, const QString& message) {
    setLoading(false);
    m_errorText->setText(tr("Could not load %1: %2").arg(spec.isEmpty() ? tr("(empty name)") : spec, message));
    m_errorBanner->setVisible(true);
    m_datasetChooser->setCurrentText(m_currentSpec);
    m_status->setText(m_currentSpec.isEmpty() ? tr("No data set loaded")
                                              : tr("Still showing %1").arg(m_currentSpec));
    Q_EMIT loadFailed(spec, message);
}

void MainWindow::setLoading(bool loading) {
    m_progress->setVisible(loading);
    if (loading) m_progress->setValue(0);
}

QString MainWindow::saveSession(const QString& file) {
    Session session;
    session.dataset = m_currentSpec.isEmpty() ? m_datasetChooser->currentText() : m_currentSpec;
    session.config = m_clusterPage->form()->config();
    session.config.dataset = session.dataset.toStdString();
    session.pruneConfig = m_prunePage->form()->config();
    session.pruneConfig.dataset = session.config.dataset;
    session.filterConfig = m_filterPage->form()->config();
    session.filterConfig.dataset = session.config.dataset;
    session.mode = Session::modes().value(m_modes->currentIndex(), QStringLiteral("data"));
    session.clusterView = m_clusterPage->currentView();
    session.pruneView = m_prunePage->currentView();
    session.filterView = m_filterPage->currentView();
    session.colorByLabel = m_clusterPage->colorByLabel();
    session.thumbnailSize = m_thumbnailSlider->value();
    session.lessonTitle = m_lessonTitle;
    session.locked = m_locked;
    session.hidden = m_hidden;
    QSaveFile out(file);  // written whole or not at all
    if (!out.open(QIODevice::WriteOnly) || out.write(session.toJson()) < 0 || !out.commit()) {
        const QString error = tr("'%1': could not be written (%2)").arg(file, out.errorString());
        reportExport(error, file);
        return error;
    }
    m_status->setText(tr("Session saved to %1").arg(file));
    return {};
}

QString MainWindow::openSession(const QString& file) {
    QFile in(file);
    Session session;
    QString error;
    if (!in.open(QIODevice::ReadOnly)) {
        error = tr("'%1': cannot be read (%2)").arg(file, in.errorString());
    } else {
        try {
            session = Session::fromJson(in.readAll(), file);
        } catch (const dcs::ConfigError& e) {
            error = QString::fromStdString(e.what());
        }
    }
    const QStringList known = m_clusterPage->form()->fieldNames() + QStringList{QStringLiteral("dataset")};
    for (const QString& name : session.locked + session.hidden)
        if (error.isEmpty() && !known.contains(name))
            error = tr("'%1': lesson: unknown setting '%2'; expected one of %3").arg(file, name, known.join(QStringLiteral(", ")));
    if (!error.isEmpty()) {
        m_errorText->setText(error);
        m_errorBanner->setVisible(true);
        return error;
    }
    m_lessonTitle = session.lessonTitle;
    m_locked = session.locked;
    m_hidden = session.hidden;
    auto* form = m_clusterPage->form();
    form->setConfig(session.config);
    form->setLockedFields(session.locked);
    form->setHiddenFields(session.hidden);
    const bool datasetLocked = session.locked.contains(QStringLiteral("dataset"));
    for (QWidget* widget : {static_cast<QWidget*>(m_datasetChooser), static_cast<QWidget*>(m_loadButton)})
        widget->setEnabled(!datasetLocked);
    for (QAction* action : {m_openFileAction, m_openFolderAction}) action->setEnabled(!datasetLocked);
    m_thumbnailSlider->setValue(session.thumbnailSize);
    m_clusterPage->showView(session.clusterView);
    m_clusterPage->setColorByLabel(session.colorByLabel);
    m_prunePage->form()->setConfig(session.pruneConfig);
    m_prunePage->showView(session.pruneView);
    m_filterPage->form()->setConfig(session.filterConfig);
    m_filterPage->showView(session.filterView);
    m_modes->setCurrentIndex(std::max(0, static_cast<int>(Session::modes().indexOf(session.mode))));
    if (!m_lessonTitle.isEmpty()) m_status->setText(tr("Lesson: %1").arg(m_lessonTitle));
    loadDataset(session.dataset);
    return {};
}

void MainWindow::restoreSettings() {
    if (QCoreApplication::organizationName().isEmpty()) return;
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    for (const QString& spec : settings.value(QStringLiteral("data/recent")).toStringList())
        if (m_datasetChooser->findText(spec) < 0) m_datasetChooser->addItem(spec);
}

void MainWindow::saveSettings() const {
    if (QCoreApplication::organizationName().isEmpty()) return;
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    // The data sets typed or opened (not the built-ins), newest last, at most ten.
    const auto builtins = m_loader->registry().availableNames();
    QStringList recent;
    for (int i = 0; i < m_datasetChooser->count(); ++i) {
        const QString spec = m_datasetChooser->itemText(i);
        if (std::find(builtins.begin(), builtins.end(), spec.toStdString()) == builtins.end()) recent << spec;
    }
    settings.setValue(QStringLiteral("data/recent"), recent.mid(std::max<qsizetype>(0, recent.size() - 10)));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::reportExport(const QString& error, const QString& file) {
    if (error.isEmpty()) {
        m_status->setText(tr("Saved %1").arg(file));
        return;
    }
    m_errorText->setText(error);
    m_errorBanner->setVisible(true);
}

void MainWindow::showMode(int index) { m_modes->setCurrentIndex(index); }

bool MainWindow::saveScreenshot(const QString& file) { return grab().save(file); }

}  // namespace dcs::ui
