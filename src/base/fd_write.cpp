#include "base/fd_write.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "base/error.hpp"

namespace briefcast {

namespace {
[[noreturn]] void throw_write_error(int err) {
  throw Error(ExitCode::output, std::string("cannot write output: ") + std::strerror(err));
}
}  // namespace

void write_fd_all(int fd, const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_write_error(errno);
    }
    p += n;
    size -= static_cast<std::size_t>(n);
  }
}

void pwrite_fd_all(int fd, const void* data, std::size_t size, off_t offset) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::pwrite(fd, p, size, offset);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_write_error(errno);
    }
    p += n;
    size -= static_cast<std::size_t>(n);
    offset += n;
  }
}

}  // namespace briefcast
