#pragma once
// Reading files, with the error messages every command uses: the whole file at once
// (read_file_bytes), or an open stream for readers that go through a file piece by piece.

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "base/error.hpp"

namespace briefcast {

// Closes a file opened with std::fopen (a functor, not CDeleter<std::fclose>: taking the address
// of a standard-library function is not guaranteed to work).
struct FileCloser {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// Opens `path` for reading (binary). Throws Error(code) naming the file and the reason:
//   "'PATH': cannot read: No such file or directory" (the system's message, as strerror words it)
//   "'PATH': cannot read: is a folder"
FilePtr open_for_reading(const std::filesystem::path& path, ExitCode code = ExitCode::input);

// The whole file as bytes. Throws Error(code) as open_for_reading does, and
// "'PATH': read error: <system message>" when reading fails part-way.
std::string read_file_bytes(const std::filesystem::path& path, ExitCode code = ExitCode::input);

// The whole of a regular file of at most `max_bytes` (a cover, say: never /dev/zero or a FIFO).
// Throws Error(code) as read_file_bytes does, and
//   "'PATH': not a regular file" / "'PATH': larger than N bytes"
// without reading more than max_bytes + 1 bytes.
std::string read_regular_file(const std::filesystem::path& path, std::size_t max_bytes,
                              ExitCode code = ExitCode::input);

}  // namespace briefcast
