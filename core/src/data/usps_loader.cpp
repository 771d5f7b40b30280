// USPS in the usps.h5 layout: groups /train and /test, each holding `data` (N x 256 pixels, 16 x 16,
// in [0,1]) and `target` (N digits 0..9). Read with the HDF5 C library.
#include <hdf5.h>

#include <algorithm>

#include "dcs/data/loaders.h"
#include "dcs/data/subsets.h"
#include "dcs/error.h"
#include "file_bytes.h"

namespace dcs::data {
namespace {

constexpr int64_t kSide = 16;

// Closes an HDF5 handle when it goes out of scope.
class Handle {
public:
    Handle(hid_t id, herr_t (*close)(hid_t)) : m_id(id), m_close(close) {}
    ~Handle() {
        if (m_id >= 0) m_close(m_id);
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    hid_t id() const { return m_id; }
    bool valid() const { return m_id >= 0; }

private:
    hid_t m_id;
    herr_t (*m_close)(hid_t);
};

// The dimensions of dataset `path`; throws DataError naming the file and dataset when absent.
std::vector<hsize_t> dimensionsOf(hid_t file, const std::string& path, const std::filesystem::path& fileName) {
    if (H5Lexists(file, path.substr(0, path.rfind('/')).c_str(), H5P_DEFAULT) <= 0 ||
        H5Lexists(file, path.c_str(), H5P_DEFAULT) <= 0)
        throw DataError(detail::quoted(fileName) + ": no dataset " + path +
                        "; expected the usps.h5 layout (groups train and test, each with data and target)");
    Handle dataset(H5Dopen2(file, path.c_str(), H5P_DEFAULT), H5Dclose);
    Handle space(H5Dget_space(dataset.id()), H5Sclose);
    const int rank = H5Sget_simple_extent_ndims(space.id());
    std::vector<hsize_t> dims(static_cast<size_t>(std::max(rank, 0)));
    if (rank > 0) H5Sget_simple_extent_dims(space.id(), dims.data(), nullptr);
    return dims;
}

template <typename T>
std::vector<T> readAll(hid_t file, const std::string& path, hid_t memoryType, size_t count,
                       const std::filesystem::path& fileName) {
    Handle dataset(H5Dopen2(file, path.c_str(), H5P_DEFAULT), H5Dclose);
    Handle type(H5Dget_type(dataset.id()), H5Tclose);
    const auto typeClass = H5Tget_class(type.id());
    if (typeClass != H5T_FLOAT && typeClass != H5T_INTEGER)
        throw DataError(detail::quoted(fileName) + ": dataset " + path + " is not numeric; expected numbers");
    std::vector<T> values(count);
    if (H5Dread(dataset.id(), memoryType, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
        throw DataError(detail::quoted(fileName) + ": dataset " + path + " cannot be read");
    return values;
}

Dataset loadSplit(hid_t file, const std::string& split, const std::filesystem::path& fileName) {
    const auto dataDims = dimensionsOf(file, "/" + split + "/data", fileName);
    const auto targetDims = dimensionsOf(file, "/" + split + "/target", fileName);
    size_t perImage = 1;
    for (size_t d = 1; d < dataDims.size(); ++d) perImage *= dataDims[d];
    if (dataDims.empty() || perImage != kSide * kSide)
        throw DataError(detail::quoted(fileName) + ": /" + split + "/data has " + std::to_string(perImage) +
                        " values per image; expected 256 (16 x 16)");
    const size_t count = dataDims[0];
    size_t targets = 1;
    for (auto d : targetDims) targets *= d;
    if (targetDims.empty() || targets != count)
        throw DataError(detail::quoted(fileName) + ": /" + split + "/target has " + std::to_string(targets) +
                        " labels for " + std::to_string(count) + " images; expected one per image");
    auto pixels = readAll<float>(file, "/" + split + "/data", H5T_NATIVE_FLOAT, count * perImage, fileName);
    const auto labels = readAll<int64_t>(file, "/" + split + "/target", H5T_NATIVE_INT64, count, fileName);
    const auto [lo, hi] = std::minmax_element(pixels.begin(), pixels.end());
    if (!pixels.empty() && (*lo < 0.0f || *hi > 255.0f))
        throw DataError(detail::quoted(fileName) + ": /" + split + "/data has values in [" + std::to_string(*lo) + ", " +
                        std::to_string(*hi) + "]; expected [0,1] (or 0..255)");
    if (!pixels.empty() && *hi > 1.0f)
        for (auto& p : pixels) p /= 255.0f;
    for (size_t i = 0; i < labels.size(); ++i)
        if (labels[i] < 0 || labels[i] > 9)
            throw DataError(detail::quoted(fileName) + ": /" + split + "/target[" + std::to_string(i) + "] is " +
                            std::to_string(labels[i]) + "; expected a digit 0..9");
    std::vector<std::string> names;
    for (int d = 0; d < 10; ++d) names.push_back(std::to_string(d));
    return Dataset("usps", 1, kSide, kSide, std::move(pixels), {labels.begin(), labels.end()}, names);
}

}  // namespace

Dataset loadUspsH5(const std::filesystem::path& file, const std::string& split, const ProgressFn& progress) {
    detail::requireFile(file);
    if (!split.empty() && split != "train" && split != "test")
        throw DataError(detail::quoted(file) + ": split '" + split + "'; expected train, test or both (empty)");
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors become DataErrors, not prints on stderr
    if (H5Fis_hdf5(file.c_str()) <= 0)
        throw DataError(detail::quoted(file) + ": not an HDF5 file; expected usps.h5 (groups train and test)");
    Handle h5(H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
    if (!h5.valid()) throw DataError(detail::quoted(file) + ": cannot be opened as HDF5");
    Dataset dataset;
    if (split.empty()) {
        auto train = loadSplit(h5.id(), "train", file);
        if (progress) progress(0.7);
        dataset = concatenate(train, loadSplit(h5.id(), "test", file));
    } else {
        dataset = loadSplit(h5.id(), split, file);
    }
    if (progress) progress(1.0);
    dataset.setName("usps");
    dataset.setSource(file.string() + " (" + (split.empty() ? std::string("train + test") : split) + ")");
    return dataset;
}

}  // namespace dcs::data
