#include "base/atomic_output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "base/error.hpp"

namespace briefcast {

namespace fs = std::filesystem;

namespace {
std::atomic<bool> g_interrupted{false};
extern "C" void on_interrupt(int) { g_interrupted.store(true); }
}  // namespace

const std::atomic<bool>& interrupt_flag() { return g_interrupted; }

void install_interrupt_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGHUP, &sa, nullptr);
}

void throw_if_interrupted() {
  if (g_interrupted.load()) throw Error(ExitCode::interrupted, "interrupted; nothing was written");
}

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
  ::fchmod(fd_, 0644);
}

AtomicOutput::~AtomicOutput() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
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

std::string read_file_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::error_code ec;
  if (!in || fs::is_directory(p, ec))
    throw Error(ExitCode::input, "'" + p.string() + "': cannot read");
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw Error(ExitCode::input, "'" + p.string() + "': read error");
  return s.str();
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

std::size_t remove_stale_temporaries(const fs::path& dir) {
  std::size_t removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.size() > 1 && name[0] == '.' && name.find(".tmp-") != std::string::npos &&
        it->is_regular_file(ec)) {
      std::error_code rm;
      if (fs::remove(it->path(), rm)) ++removed;
    }
  }
  return removed;
}

}  // namespace briefcast
