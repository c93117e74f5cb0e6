#include "base/file_read.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "base/strings.hpp"

namespace briefcast {

namespace fs = std::filesystem;

FilePtr open_for_reading(const fs::path& path, ExitCode code) {
  std::error_code ec;
  // fopen succeeds on a folder on Linux; reading it would then fail with a less clear message.
  if (fs::is_directory(path, ec)) throw Error(code, quoted(path) + ": cannot read: is a folder");
  FilePtr file(std::fopen(path.c_str(), "rb"));
  if (!file) throw Error(code, quoted(path) + ": cannot read: " + std::strerror(errno));
  return file;
}

std::string read_file_bytes(const fs::path& path, ExitCode code) {
  FilePtr file = open_for_reading(path, code);
  std::string data;
  char block[1 << 16];
  std::size_t n;
  while ((n = std::fread(block, 1, sizeof block, file.get())) > 0) data.append(block, n);
  if (std::ferror(file.get()))
    throw Error(code, quoted(path) + ": read error: " + std::strerror(errno));
  return data;
}

std::string read_regular_file(const fs::path& path, std::size_t max_bytes, ExitCode code) {
  FilePtr file = open_for_reading(path, code);
  struct stat st {};
  if (::fstat(::fileno(file.get()), &st) != 0 || !S_ISREG(st.st_mode))
    throw Error(code, quoted(path) + ": not a regular file");
  const std::string too_large =
      quoted(path) + ": larger than " + std::to_string(max_bytes) + " bytes";
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) throw Error(code, too_large);
  std::string data;
  char block[1 << 16];
  std::size_t n;
  while ((n = std::fread(block, 1, sizeof block, file.get())) > 0) {
    data.append(block, n);
    if (data.size() > max_bytes) throw Error(code, too_large);  // it grew while we read
  }
  if (std::ferror(file.get()))
    throw Error(code, quoted(path) + ": read error: " + std::strerror(errno));
  return data;
}

}  // namespace briefcast
