#include "dcs/io/atomic_file.h"

#include <fstream>

#include "dcs/error.h"

namespace dcs::io {

void writeFileAtomically(const std::filesystem::path& file, std::string_view bytes) {
    const auto temporary = std::filesystem::path(file.string() + ".tmp");
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw IoError("'" + file.string() + "': cannot be written (is the directory there and writable?)");
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            throw IoError("'" + file.string() + "': writing failed (disk full?)");
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, file, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        throw IoError("'" + file.string() + "': cannot be replaced (" + ec.message() + ")");
    }
}

void writeFileAtomically(const std::filesystem::path& file, const std::vector<uint8_t>& bytes) {
    writeFileAtomically(file, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace dcs::io
