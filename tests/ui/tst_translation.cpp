// The Arabic translation is embedded, complete for what the user sees, and lays the window out
// right to left.
#include <QtTest>

#include <QMenuBar>
#include <QPushButton>
#include <QTranslator>

#include "dcs/data/registry.h"
#include "ui/main/main_window.h"

class TestTranslation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void arabicLoadsAndApplies() {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::Arabic), QStringLiteral("dcstudio"), QStringLiteral("_"),
                                QStringLiteral(":/i18n")));
        QVERIFY(!translator.isEmpty());
        QCoreApplication::installTranslator(&translator);
        QApplication::setLayoutDirection(Qt::RightToLeft);

        QTemporaryDir dir;
        dcs::ui::MainWindow window(dcs::data::DatasetRegistry({dir.filePath(QStringLiteral("data")).toStdString(),
                                                               dir.filePath(QStringLiteral("none")).toStdString()}));
        window.show();
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&ملف"));
        QCOMPARE(window.findChild<QPushButton*>(QStringLiteral("startButton"))->text(), QStringLiteral("ابدأ"));
        QCOMPARE(window.findChild<QPushButton*>(QStringLiteral("loadButton"))->text(), QStringLiteral("حمّل"));
        QCOMPARE(window.layoutDirection(), Qt::RightToLeft);

        QCoreApplication::removeTranslator(&translator);
        QApplication::setLayoutDirection(Qt::LeftToRight);
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
