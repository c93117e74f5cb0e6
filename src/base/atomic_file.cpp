#include "base/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "base/error.hpp"
#include "base/interrupt.hpp"

namespace briefcast {

namespace fs = std::filesystem;

AtomicOutput::AtomicOutput(const fs::path& target) : target_(target) {
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw Error(ExitCode::output, "'" + dir.string() + "': output folder does not exist");
  std::string pattern = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  fd_ = ::mkstemp(pattern.data());
  if (fd_ < 0)
    throw Error(ExitCode::output,
                "'" + dir.string() + "': cannot write output folder: " + std::strerror(errno));
  temp_ = pattern;
  register_temporary(temp_.string());  // removed by the interrupt watchdog if it ends the run
  ::fchmod(fd_, 0644);
}

AtomicOutput::~AtomicOutput() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
  if (!temp_.empty()) unregister_temporary(temp_.string());
}

void AtomicOutput::commit() {
  auto fail = [&](const char* what) {
    int err = errno;
    throw Error(ExitCode::output,
                "'" + target_.string() + "': " + what + ": " + std::strerror(err));
  };
  if (::fsync(fd_) != 0 && errno != EINVAL) fail("cannot sync");
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail("cannot close");
  if (::rename(temp_.c_str(), target_.c_str()) != 0) fail("cannot rename into place");
  committed_ = true;
}

void write_file_atomically(const fs::path& target, std::string_view contents) {
  AtomicOutput out(target);
  const char* p = contents.data();
  std::size_t left = contents.size();
  while (left > 0) {
    ssize_t n = ::write(out.fd(), p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(ExitCode::output,
                  "'" + target.string() + "': cannot write: " + std::strerror(errno));
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  out.commit();
}

}  // namespace briefcast
