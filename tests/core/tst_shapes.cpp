// The built-in shapes generator: seeded, balanced, in range, configurable.
#include <QtTest>

#include "dcs/data/loaders.h"
#include "dcs/error.h"

using dcs::data::ShapesOptions;

class TestShapes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameImages() {
        ShapesOptions options;
        options.count = 40;
        const auto a = dcs::data::generateShapes(options);
        const auto b = dcs::data::generateShapes(options);
        QCOMPARE(a.pixels(), b.pixels());
        options.seed = 2;
        QVERIFY(dcs::data::generateShapes(options).pixels() != a.pixels());
    }

    void balancedLabelledAndInRange() {
        ShapesOptions options;
        options.count = 100;
        options.size = 16;
        const auto d = dcs::data::generateShapes(options);
        QCOMPARE(d.size(), 100);
        QCOMPARE(d.height(), 16);
        QCOMPARE(d.classCount(), 10);
        for (auto count : d.countsPerClass()) QCOMPARE(count, 10);
        const auto stats = d.pixelStats();
        QVERIFY(stats.min >= 0.0 && stats.max <= 1.0);
        QVERIFY2(stats.mean > 0.05 && stats.mean < 0.6, "shapes should cover part of the image");
    }

    void drawsEveryShapeVisibly() {
        ShapesOptions options;
        options.count = 10;
        options.noise = 0.0;
        const auto d = dcs::data::generateShapes(options);
        for (int64_t i = 0; i < d.size(); ++i) {
            double ink = 0;
            for (int64_t p = 0; p < d.imageSize(); ++p) ink += d.image(i)[p];
            QVERIFY2(ink > 20.0, qPrintable(QStringLiteral("shape %1 is nearly empty").arg(i)));
        }
    }

    void colourVariantHasThreeChannels() {
        ShapesOptions options;
        options.count = 10;
        options.channels = 3;
        const auto d = dcs::data::generateShapes(options);
        QCOMPARE(d.channels(), 3);
        QCOMPARE(static_cast<int64_t>(d.pixels().size()), 10 * 3 * 28 * 28);
    }

    void rejectsBadOptions() {
        ShapesOptions options;
        options.count = 0;
        QVERIFY_THROWS_EXCEPTION(dcs::ConfigError, dcs::data::generateShapes(options));
        options = {};
        options.size = 4;
        QVERIFY_THROWS_EXCEPTION(dcs::ConfigError, dcs::data::generateShapes(options));
        options = {};
        options.channels = 2;
        QVERIFY_THROWS_EXCEPTION(dcs::ConfigError, dcs::data::generateShapes(options));
    }
};

QTEST_GUILESS_MAIN(TestShapes)
#include "tst_shapes.moc"
