// dcstudio: the desktop application.
#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>
#include <QTimer>

#include "dcs/data/registry.h"
#include "ui/main/main_window.h"

int main(int argc, char** argv) {
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
    parser.addOption(datasetOption);
    parser.addOption(screenshotOption);
    parser.process(app);

    const dcs::data::DatasetRegistry registry;
    dcs::ui::MainWindow window(registry);
    window.resize(1360, 860);
    window.show();

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QObject::connect(&window, &dcs::ui::MainWindow::datasetShown, &app, [&window, file] {
            // Let queued replots and the first paint of the gallery happen before grabbing.
            QTimer::singleShot(300, &window, [&window, file] {
                const bool saved = window.saveScreenshot(file);
                if (!saved) QTextStream(stderr) << "error: '" << file << "': cannot be written\n";
                QApplication::exit(saved ? 0 : 2);
            });
        });
        QObject::connect(&window, &dcs::ui::MainWindow::loadFailed, &app, [](const QString&, const QString& message) {
            QTextStream(stderr) << "error: " << message << "\n";
            QApplication::exit(2);
        });
    }
    window.loadDataset(parser.isSet(datasetOption) ? parser.value(datasetOption)
                                                   : QString::fromStdString(registry.defaultName()));
    return app.exec();
}
