#include "file_bytes.h"

#include <zlib.h>

#ifdef __linux__
#include <sys/mman.h>
#endif

#include <algorithm>
#include <fstream>
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

// The uncompressed size of a raw file, or what a gzip file's trailer says (ISIZE: its size modulo
// 2^32, so only a hint); 0 when neither can be read.
size_t expectedSize(const std::filesystem::path& file) {
    std::error_code ec;
    const auto onDisk = std::filesystem::file_size(file, ec);
    if (ec || onDisk < 18) return ec ? 0 : static_cast<size_t>(onDisk);
    std::ifstream in(file, std::ios::binary);
    unsigned char head[2] = {0, 0}, trailer[4] = {0, 0, 0, 0};
    in.read(reinterpret_cast<char*>(head), 2);
    if (head[0] != 0x1f || head[1] != 0x8b) return static_cast<size_t>(onDisk);  // not gzip: read as is
    in.seekg(-4, std::ios::end);
    in.read(reinterpret_cast<char*>(trailer), 4);
    if (!in) return 0;
    const size_t isize =
        size_t{trailer[0]} | (size_t{trailer[1]} << 8) | (size_t{trailer[2]} << 16) | (size_t{trailer[3]} << 24);
    // deflate expands at most about 1032:1, so a larger figure is a damaged trailer, not a size.
    return std::min(isize, static_cast<size_t>(onDisk) * 1032);
}

// Reads up to limit bytes; throws when zlib reports corruption (bad data, CRC or truncation).
std::vector<uint8_t> readUpTo(const std::filesystem::path& file, size_t limit) {
    GzFile handle = openGz(file);
    std::vector<uint8_t> bytes;
    // Growing a big buffer chunk by chunk copies it and faults its pages in several times over,
    // which costs more than the reading on a VM with slow page faults: reserve the size up front.
    bytes.reserve(std::min(limit, expectedSize(file)));
    adviseHugePages(bytes.data(), bytes.capacity());
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

void adviseHugePages(void* data, size_t bytes) {
#ifdef __linux__
    constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
    const auto begin = (reinterpret_cast<uintptr_t>(data) + kHugePage - 1) & ~(kHugePage - 1);
    const auto end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(kHugePage - 1);
    if (end > begin)
        madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // a hint; failure is harmless
#else
    (void)data;
    (void)bytes;
#endif
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
