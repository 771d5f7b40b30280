#include "file_bytes.h"

#include <zlib.h>

#include <memory>

#include "dcs/error.h"

namespace dcs::data::detail {
namespace {

struct GzCloser {
    void operator()(gzFile_s* f) const { gzclose(f); }
};
using GzFile = std::unique_ptr<gzFile_s, GzCloser>;

GzFile openGz(const std::filesystem::path& file) {
    requireFile(file);
    GzFile handle(gzopen(file.c_str(), "rb"));
    if (!handle) throw DataError(quoted(file) + ": cannot be opened for reading");
    gzbuffer(handle.get(), 1 << 18);
    return handle;
}

// Reads up to limit bytes; throws when zlib reports corruption (bad data, CRC or truncation).
std::vector<uint8_t> readUpTo(const std::filesystem::path& file, size_t limit) {
    GzFile handle = openGz(file);
    std::vector<uint8_t> bytes;
    constexpr size_t chunk = 1 << 20;
    while (bytes.size() < limit) {
        const size_t want = std::min(chunk, limit - bytes.size());
        const size_t old = bytes.size();
        bytes.resize(old + want);
        const int got = gzread(handle.get(), bytes.data() + old, static_cast<unsigned>(want));
        if (got < 0) {
            int code = 0;
            const char* message = gzerror(handle.get(), &code);
            throw DataError(quoted(file) + ": corrupt or truncated gzip data (" + message + ")");
        }
        bytes.resize(old + static_cast<size_t>(got));
        if (static_cast<size_t>(got) < want) {
            // gzread stops early at the end of input; a cut-off gzip stream shows up in gzerror.
            int code = Z_OK;
            const char* message = gzerror(handle.get(), &code);
            if (code != Z_OK)
                throw DataError(quoted(file) + ": corrupt or truncated gzip data (" + message + ")");
            break;
        }
    }
    return bytes;
}

}  // namespace

std::vector<uint8_t> readFileBytes(const std::filesystem::path& file) {
    return readUpTo(file, SIZE_MAX);
}

std::vector<uint8_t> readFilePrefix(const std::filesystem::path& file, size_t n) {
    return readUpTo(file, n);
}

void requireDirectory(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw DataError(quoted(path) + ": does not exist; expected a directory");
    if (!std::filesystem::is_directory(path, ec)) throw DataError(quoted(path) + ": is not a directory");
}

void requireFile(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw DataError(quoted(path) + ": does not exist; expected a file");
    if (std::filesystem::is_directory(path, ec)) throw DataError(quoted(path) + ": is a directory; expected a file");
}

std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

std::string baseName(const std::filesystem::path& path) {
    return path.has_filename() ? path.filename().string() : path.parent_path().filename().string();
}

}  // namespace dcs::data::detail
