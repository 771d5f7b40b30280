// dcstudio: the desktop application.
#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QSettings>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>
#include <cstring>
#include <iostream>

#include "dcs/data/registry.h"
#include "ui/cluster/cluster_form.h"
#include "ui/cluster/cluster_page.h"
#include "ui/cluster/invariance_view.h"
#include "ui/filters/filter_form.h"
#include "ui/filters/filter_page.h"
#include "ui/main/main_window.h"
#include "ui/prune/prune_form.h"
#include "ui/prune/prune_page.h"
#include "ui/run/filter_run_controller.h"
#include "ui/run/prune_run_controller.h"
#include "ui/run/run_controller.h"

namespace {

// --help and --version only print: they must work over ssh, where there is no display to open.
bool onlyPrints(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        for (const char* flag : {"-h", "--help", "--help-all", "-v", "--version"})
            if (std::strcmp(argv[i], flag) == 0) return true;
    return false;
}

// Without a display Qt aborts with a message about platform plugins; say what to do instead.
bool displayMissing() {
#ifdef Q_OS_LINUX
    return qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
           qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    return false;
#endif
}

}  // namespace

int main(int argc, char** argv) {
    if (onlyPrints(argc, argv)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    } else if (displayMissing()) {
        std::cerr << "error: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); run dcstudio "
                     "on a desktop, under xvfb-run, or with QT_QPA_PLATFORM=offscreen, or use dcstudio-cli\n";
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("dcstudio"));
    QApplication::setApplicationName(QStringLiteral("dcstudio"));
    QApplication::setApplicationVersion(QStringLiteral(DCS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Deep Clustering & Compression Studio"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption datasetOption(
        QStringLiteral("dataset"), QApplication::translate("main", "Data set to open (a built-in name or FORMAT:PATH)."),
        QStringLiteral("name"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Render the window to a PNG once the data set is shown, then exit."),
        QStringLiteral("file"));
    const QCommandLineOption presetOption(
        QStringLiteral("preset"),
        QApplication::translate(
            "main",
            "Preset: demo, long (200 epochs, cosine learning rate), plain (30 epochs, no augmentation, lambda 0.1), "
            "icip2018 or caip2019 (the papers' schedules), default; with --mode prune: demo, long (80 epochs) or "
            "default; with --mode filters: demo or default."),
        QStringLiteral("preset"));
    const QCommandLineOption autostartOption(
        QStringLiteral("autostart"), QApplication::translate("main", "Start a run (of the --mode) once the data set is shown."));
    const QCommandLineOption stopAfterOption(
        QStringLiteral("stop-after-epochs"),
        QApplication::translate("main", "With --autostart: stop the run after this many epochs."), QStringLiteral("n"));
    parser.addOption(datasetOption);
    parser.addOption(screenshotOption);
    parser.addOption(presetOption);
    parser.addOption(autostartOption);
    const QCommandLineOption viewOption(
        QStringLiteral("view"),
        QApplication::translate("main", "View to show: curves, clusters, confusion or reconstructions; with --mode prune: curves, votes, widths or ablation; with --mode filters: relevance, curves or comparison."),
        QStringLiteral("view"));
    parser.addOption(stopAfterOption);
    parser.addOption(viewOption);
    // Not "--session": QGuiApplication takes -session/--session for desktop session management.
    const QCommandLineOption sessionOption(
        QStringLiteral("session-file"), QApplication::translate("main", "Open a session or lesson file (JSON)."),
        QStringLiteral("file"));
    parser.addOption(sessionOption);
    const QCommandLineOption languageOption(
        QStringLiteral("lang"), QApplication::translate("main", "User interface language: en or ar (default: the saved choice)."),
        QStringLiteral("code"));
    parser.addOption(languageOption);
    const QCommandLineOption modeOption(
        QStringLiteral("mode"),
        QApplication::translate("main", "Mode the other options apply to: cluster (default), prune or filters."), QStringLiteral("mode"));
    parser.addOption(modeOption);
    const QCommandLineOption ablationOption(
        QStringLiteral("ablation"),
        QApplication::translate("main", "With --mode prune: run the criteria ablation (keeping 70%) once the data set is shown."));
    parser.addOption(ablationOption);
    const QCommandLineOption compareOption(
        QStringLiteral("compare"),
        QApplication::translate("main", "With --mode filters: prune one trained net by every criterion once the data set is shown."));
    parser.addOption(compareOption);
    const QCommandLineOption invarianceOption(
        QStringLiteral("invariance"),
        QApplication::translate("main", "With --autostart in Cluster mode: measure the run's invariance when it ends and "
                                        "show the Invariance view."));
    parser.addOption(invarianceOption);
    parser.process(app);

    // The language: --lang, else the choice saved in Settings > Language, else English.
    const QString language = parser.isSet(languageOption)
                                 ? parser.value(languageOption)
                                 : QSettings().value(QStringLiteral("ui/language"), QStringLiteral("en")).toString();
    if (language != QLatin1String("en") && language != QLatin1String("ar")) {
        QTextStream(stderr) << "error: --lang: '" << language << "'; expected en or ar\n";
        return 2;
    }
    QTranslator translator, qtTranslator;
    if (language == QLatin1String("ar")) {
        if (translator.load(QLocale(QLocale::Arabic), QStringLiteral("dcstudio"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            QApplication::installTranslator(&translator);
        // Qt's own words (dialog buttons) when the system has them.
        if (qtTranslator.load(QLocale(QLocale::Arabic), QStringLiteral("qtbase"), QStringLiteral("_"),
                              QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(&qtTranslator);
        QApplication::setLayoutDirection(Qt::RightToLeft);
    }

    const dcs::data::DatasetRegistry registry;
    dcs::ui::MainWindow window(registry);
    window.resize(1360, 860);
    window.show();

    const QString mode = parser.value(modeOption).isEmpty() ? QStringLiteral("cluster") : parser.value(modeOption);
    if (mode != QLatin1String("cluster") && mode != QLatin1String("prune") && mode != QLatin1String("filters")) {
        QTextStream(stderr) << "error: --mode: '" << mode << "'; expected cluster, prune or filters\n";
        return 2;
    }
    const bool pruning = mode == QLatin1String("prune");
    const bool filters = mode == QLatin1String("filters");
    const int modeTab = pruning ? 2 : filters ? 3 : 1;
    auto* page = window.clusterPage();
    auto* prunePage = window.prunePage();
    auto* filterPage = window.filterPage();
    if (parser.isSet(presetOption)) {
        const QString preset = parser.value(presetOption);
        const bool demoOrDefault = preset == QLatin1String("demo") || preset == QLatin1String("default");
        const bool longSchedule = preset == QLatin1String("long");
        if (pruning && (demoOrDefault || longSchedule))
            prunePage->form()->applySchedule(preset);
        else if (filters && demoOrDefault)
            filterPage->form()->applyPreset(preset);
        else if (modeTab == 1 && (preset == QLatin1String("icip2018") || preset == QLatin1String("caip2019")))
            page->form()->applySchedule(QStringLiteral("paper-") + preset);
        else if (modeTab == 1 && (demoOrDefault || longSchedule || preset == QLatin1String("plain")))
            page->form()->applySchedule(preset);
        else {
            QTextStream(stderr) << "error: --preset: '" << preset << "'; expected "
                                << (modeTab == 1 ? "demo, long, plain, icip2018, caip2019 or default"
                                    : pruning    ? "demo, long or default"
                                                 : "demo or default")
                                << "\n";
            return 2;
        }
    }
    if (parser.isSet(viewOption)) {
        const QString view = parser.value(viewOption);
        const bool shown = pruning ? prunePage->showView(view) : filters ? filterPage->showView(view) : page->showView(view);
        if (!shown) {
            QTextStream(stderr) << "error: --view: '" << view << "'; expected "
                                << (pruning   ? "curves, votes, widths or ablation"
                                    : filters ? "relevance, curves or comparison"
                                              : "curves, clusters, confusion or reconstructions")
                                << "\n";
            return 2;
        }
    }
    const bool ablation = parser.isSet(ablationOption);
    const bool compare = parser.isSet(compareOption);
    const bool autostart = parser.isSet(autostartOption) || ablation || compare;
    if (ablation && !pruning) {
        QTextStream(stderr) << "error: --ablation: only with --mode prune\n";
        return 2;
    }
    const bool invariance = parser.isSet(invarianceOption);
    if (invariance && (modeTab != 1 || !autostart)) {
        QTextStream(stderr) << "error: --invariance: only with --autostart in the cluster mode\n";
        return 2;
    }
    if (invariance) {
        QObject::connect(page, &dcs::ui::ClusterPage::runFinished, page, [page] {
            const QString error = page->measureInvariance();
            if (!error.isEmpty()) {
                QTextStream(stderr) << "error: " << error << "\n";
                QApplication::exit(2);
            }
        });
    }
    if (compare && !filters) {
        QTextStream(stderr) << "error: --compare: only with --mode filters\n";
        return 2;
    }
    if (parser.isSet(stopAfterOption)) {
        bool ok = false;
        const int stopAfter = parser.value(stopAfterOption).toInt(&ok);
        if (!ok || stopAfter < 1) {
            QTextStream(stderr) << "error: --stop-after-epochs: expected a whole number >= 1\n";
            return 2;
        }
        QObject::connect(page, &dcs::ui::ClusterPage::snapshotDrawn, page, [page, stopAfter](int epoch) {
            if (epoch >= stopAfter) page->controller()->stop();
        });
        QObject::connect(prunePage, &dcs::ui::PrunePage::snapshotDrawn, prunePage, [prunePage, stopAfter](int epoch) {
            if (epoch >= stopAfter) prunePage->controller()->stop();
        });
    }
    if (autostart) {
        QObject::connect(&window, &dcs::ui::MainWindow::datasetShown, page, [&, modeTab] {
            window.showMode(modeTab);
            const bool started = pruning   ? (ablation ? prunePage->startAblation(0.7) : prunePage->startRun())
                                 : filters ? (compare ? filterPage->startComparison() : filterPage->startRun())
                                           : page->startRun();
            if (!started) {
                QTextStream(stderr) << "error: the run could not start: "
                                    << (pruning   ? prunePage->form()->validationMessage()
                                        : filters ? filterPage->form()->validationMessage()
                                                  : page->form()->validationMessage())
                                    << "\n";
                QApplication::exit(2);
            }
        });
    } else if (modeTab != 1 || parser.isSet(modeOption) || parser.isSet(presetOption) || parser.isSet(viewOption)) {
        // A mode, schedule or view asked for is shown; without any of them the window opens on the data.
        QObject::connect(&window, &dcs::ui::MainWindow::datasetShown, &window, [&window, modeTab] { window.showMode(modeTab); });
    }
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        const auto takeScreenshot = [&window, file] {
            // Let queued replots and the first paint happen before grabbing.
            QTimer::singleShot(300, &window, [&window, file] {
                const bool saved = window.saveScreenshot(file);
                if (!saved) QTextStream(stderr) << "error: '" << file << "': cannot be written\n";
                QApplication::exit(saved ? 0 : 2);
            });
        };
        // With a run, the picture is taken once the last epoch has been drawn.
        if (invariance)
            QObject::connect(page->invarianceView(), &dcs::ui::InvarianceView::studyFinished, &app, takeScreenshot);
        else if (autostart && modeTab == 1) QObject::connect(page, &dcs::ui::ClusterPage::runFinished, &app, takeScreenshot);
        else if (ablation) QObject::connect(prunePage, &dcs::ui::PrunePage::ablationFinished, &app, takeScreenshot);
        else if (autostart && pruning) QObject::connect(prunePage, &dcs::ui::PrunePage::runFinished, &app, takeScreenshot);
        else if (autostart && filters) QObject::connect(filterPage, &dcs::ui::FilterPage::runFinished, &app, takeScreenshot);
        else QObject::connect(&window, &dcs::ui::MainWindow::datasetShown, &app, takeScreenshot);
        QObject::connect(&window, &dcs::ui::MainWindow::loadFailed, &app, [](const QString&, const QString& message) {
            QTextStream(stderr) << "error: " << message << "\n";
            QApplication::exit(2);
        });
    }
    if (parser.isSet(sessionOption)) {
        const QString error = window.openSession(parser.value(sessionOption));
        if (!error.isEmpty()) {
            QTextStream(stderr) << "error: " << error << "\n";
            if (parser.isSet(screenshotOption)) return 2;
            window.loadDataset(QString::fromStdString(registry.defaultName()));
        }
    } else {
        window.loadDataset(parser.isSet(datasetOption) ? parser.value(datasetOption)
                                                       : QString::fromStdString(registry.defaultName()));
    }
    return app.exec();
}
