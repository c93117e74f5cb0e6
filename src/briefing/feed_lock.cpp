#include "briefing/feed_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "base/error.hpp"

namespace briefcast {

namespace fs = std::filesystem;

FeedLock::FeedLock(const fs::path& dir, const std::string& feed_name) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec)
    throw Error(ExitCode::output, "'" + dir.string() + "': cannot create folder: " + ec.message());
  fs::path path = dir / "lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw Error(ExitCode::output, "'" + path.string() + "': cannot open: " + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    char buf[32] = {};
    ssize_t n = ::pread(fd_, buf, sizeof buf - 1, 0);
    std::string pid = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : "";
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK)
      throw Error(ExitCode::busy, "'" + feed_name + "': another build of this feed is running" +
                                      (pid.empty() ? "" : " (pid " + pid + ")"));
    throw Error(ExitCode::output, "'" + path.string() + "': cannot lock: " + std::strerror(err));
  }
  std::string me = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) == 0) {
    ssize_t written = ::pwrite(fd_, me.data(), me.size(), 0);
    (void)written;  // the pid is only a hint for the busy message
  }
}

FeedLock::~FeedLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace briefcast
