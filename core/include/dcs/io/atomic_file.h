#pragma once
// Files are written to a temporary name beside the target and renamed into place, so a crash or a
// full disk never leaves a half-written file where a good one was.

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

namespace dcs::io {

// Throws IoError naming the file when it cannot be written.
void writeFileAtomically(const std::filesystem::path& file, std::string_view bytes);
void writeFileAtomically(const std::filesystem::path& file, const std::vector<uint8_t>& bytes);

}  // namespace dcs::io
