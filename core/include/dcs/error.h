#pragma once
// The errors the engine raises. Each message names the file or field, what was found and what was
// expected, so the CLI can print it as is and the GUI can show it without more context.

#include <stdexcept>
#include <string>

namespace dcs {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A data set that cannot be found, read or trusted (missing path, corrupt file, mismatched counts).
class DataError : public Error {
public:
    using Error::Error;
};

// A setting outside its allowed range, or settings that do not fit together.
class ConfigError : public Error {
public:
    using Error::Error;
};

// A file that cannot be written.
class IoError : public Error {
public:
    using Error::Error;
};

}  // namespace dcs
