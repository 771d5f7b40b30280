#pragma once
// Whole-file reading shared by the binary loaders.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dcs::data::detail {

// The file's bytes, gunzipped when it is gzip (zlib reads plain files unchanged). Throws DataError
// for a missing file, a read error or a corrupt/truncated gzip stream.
std::vector<uint8_t> readFileBytes(const std::filesystem::path& file);

// The first n bytes (after gunzip) or fewer when the file is shorter.
std::vector<uint8_t> readFilePrefix(const std::filesystem::path& file, size_t n);

// Asks Linux to back the 2 MiB-aligned part of a large buffer, before it is first written, with huge
// pages: a 200 MB data set then takes a few hundred page faults instead of 50,000, which on a VM
// cost more than reading the file. A hint only; elsewhere (or when refused) it does nothing.
void adviseHugePages(void* data, size_t bytes);

// Throws DataError "PATH: does not exist" / "is not a directory" / "is not a file".
void requireDirectory(const std::filesystem::path& path);
void requireFile(const std::filesystem::path& path);

std::string quoted(const std::filesystem::path& path);
// The last path component, also for "dir/" (whose filename() is empty).
std::string baseName(const std::filesystem::path& path);

}  // namespace dcs::data::detail
