// SVHN cropped digits (train_32x32.mat, test_32x32.mat): X is 32 x 32 x 3 x N uint8 in MATLAB's
// column-major order, y is N x 1 with 10 standing for the digit 0. Read with matio (MAT v4, v5
// compressed or not, and v7.3).
#include <matio.h>

#include <memory>

#include "dcs/data/loaders.h"
#include "dcs/error.h"
#include "file_bytes.h"

namespace dcs::data {
namespace {

constexpr int64_t kSide = 32;

struct MatCloser {
    void operator()(mat_t* mat) const { Mat_Close(mat); }
};
struct VarFreer {
    void operator()(matvar_t* var) const { Mat_VarFree(var); }
};
using MatFile = std::unique_ptr<mat_t, MatCloser>;
using MatVar = std::unique_ptr<matvar_t, VarFreer>;

// Element i of a numeric variable as a double, whatever its class.
double elementAt(const matvar_t& var, size_t i) {
    switch (var.class_type) {
        case MAT_C_DOUBLE: return static_cast<const double*>(var.data)[i];
        case MAT_C_SINGLE: return static_cast<const float*>(var.data)[i];
        case MAT_C_UINT8: return static_cast<const uint8_t*>(var.data)[i];
        case MAT_C_INT8: return static_cast<const int8_t*>(var.data)[i];
        case MAT_C_UINT16: return static_cast<const uint16_t*>(var.data)[i];
        case MAT_C_INT16: return static_cast<const int16_t*>(var.data)[i];
        case MAT_C_UINT32: return static_cast<const uint32_t*>(var.data)[i];
        case MAT_C_INT32: return static_cast<const int32_t*>(var.data)[i];
        case MAT_C_UINT64: return static_cast<double>(static_cast<const uint64_t*>(var.data)[i]);
        case MAT_C_INT64: return static_cast<double>(static_cast<const int64_t*>(var.data)[i]);
        default: return 0.0;
    }
}

bool isNumeric(const matvar_t& var) {
    return var.class_type >= MAT_C_DOUBLE && var.class_type <= MAT_C_UINT64 && var.isComplex == 0 && var.data;
}

MatVar readVariable(mat_t* mat, const char* name, const std::filesystem::path& file) {
    MatVar var(Mat_VarRead(mat, name));
    if (!var) throw DataError(detail::quoted(file) + ": no variable " + name + "; expected X (32x32x3xN) and y (N x 1)");
    if (!isNumeric(*var)) throw DataError(detail::quoted(file) + ": variable " + name + " is not a real numeric array");
    return var;
}

}  // namespace

Dataset loadSvhnMat(const std::filesystem::path& file, const ProgressFn& progress) {
    detail::requireFile(file);
    Mat_LogInit("dcstudio");
    MatFile mat(Mat_Open(file.c_str(), MAT_ACC_RDONLY));
    if (!mat) throw DataError(detail::quoted(file) + ": not a MATLAB .mat file; expected SVHN's train_32x32.mat or test_32x32.mat");
    const MatVar x = readVariable(mat.get(), "X", file);
    if (progress) progress(0.6);
    if (x->rank != 4 || x->dims[0] != kSide || x->dims[1] != kSide || x->dims[2] != 3)
        throw DataError(detail::quoted(file) + ": X has shape " +
                        [&] {
                            std::string shape;
                            for (int d = 0; d < x->rank; ++d) shape += (d ? "x" : "") + std::to_string(x->dims[d]);
                            return shape;
                        }() +
                        "; expected 32x32x3xN");
    const size_t count = x->dims[3];
    const MatVar y = readVariable(mat.get(), "y", file);
    size_t labelCount = 1;
    for (int d = 0; d < y->rank; ++d) labelCount *= y->dims[d];
    if (labelCount != count)
        throw DataError(detail::quoted(file) + ": y has " + std::to_string(labelCount) + " labels for " +
                        std::to_string(count) + " images; expected one per image");

    // MATLAB order: X(h, w, c, n) lies at h + 32 w + 1024 c + 3072 n; ours is n, c, h, w.
    const double scale = x->class_type == MAT_C_UINT8 ? 1.0 / 255.0 : 1.0;
    std::vector<float> pixels(count * 3 * kSide * kSide);
    size_t out = 0;
    for (size_t n = 0; n < count; ++n)
        for (size_t c = 0; c < 3; ++c)
            for (size_t h = 0; h < kSide; ++h)
                for (size_t w = 0; w < kSide; ++w)
                    pixels[out++] = static_cast<float>(elementAt(*x, h + kSide * w + kSide * kSide * c + 3 * kSide * kSide * n) * scale);
    std::vector<int64_t> labels(count);
    for (size_t i = 0; i < count; ++i) {
        const double value = elementAt(*y, i);
        if (value < 0.0 || value > 10.0 || value != static_cast<double>(static_cast<int64_t>(value)))
            throw DataError(detail::quoted(file) + ": y[" + std::to_string(i) + "] is " + std::to_string(value) +
                            "; expected a digit 1..10 (10 for 0)");
        labels[i] = static_cast<int64_t>(value) % 10;
    }
    if (progress) progress(1.0);
    std::vector<std::string> names;
    for (int d = 0; d < 10; ++d) names.push_back(std::to_string(d));
    Dataset dataset("svhn", 3, kSide, kSide, std::move(pixels), std::move(labels), names);
    dataset.setSource(file.string() + " (SVHN .mat)");
    return dataset;
}

}  // namespace dcs::data
