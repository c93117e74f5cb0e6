#include "serve/published_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string_view>
#include <system_error>
#include <utility>

namespace briefcast {

namespace fs = std::filesystem;

namespace {

bool is_under(const fs::path& p, const fs::path& root) {
  const std::string& r = root.native();
  const std::string& s = p.native();
  if (r == "/") return true;
  return s == r || (s.size() > r.size() && s.compare(0, r.size(), r) == 0 && s[r.size()] == '/');
}

// Whether the real path `p` (under `root`) is published: every segment below the root visible.
// A symlink with an innocent name ("episodes/x.json -> ../.briefcast/state.json") must not lead
// into a dot folder or to a dotfile; the folders above the root may be anything.
bool is_visible_under(const fs::path& p, const fs::path& root) {
  if (!is_under(p, root)) return false;
  std::string_view below =
      std::string_view(p.native()).substr(root.native() == "/" ? 0 : root.native().size());
  for (std::size_t at = below.find('/'); at != std::string_view::npos; at = below.find('/', at + 1))
    if (at + 1 < below.size() && below[at + 1] == '.') return false;
  return true;
}

}  // namespace

PublishedFile::PublishedFile(int fd, std::string relative_path, FileFacts facts)
    : fd_(fd), relative_path_(std::move(relative_path)), facts_(std::move(facts)) {}

PublishedFile::~PublishedFile() {
  if (fd_ >= 0) ::close(fd_);
}

ssize_t PublishedFile::read_at(std::uint64_t offset, char* buf, std::size_t n) const {
  return ::pread(fd_, buf, n, static_cast<off_t>(offset));
}

std::optional<std::string> PublishedFile::read_all() const {
  std::string out(static_cast<std::size_t>(facts_.size), '\0');
  std::size_t done = 0;
  while (done < out.size()) {
    ssize_t n = read_at(done, out.data() + done, out.size() - done);
    if (n <= 0) return std::nullopt;
    done += static_cast<std::size_t>(n);
  }
  return out;
}

std::shared_ptr<const PublishedFile> open_published_file(const fs::path& root,
                                                         std::string_view raw_path,
                                                         std::string_view token) {
  auto rel = safe_relative_path(raw_path, token);
  if (!rel) return nullptr;
  auto type = file_type_for(fs::path(*rel).filename().string());
  if (!type) return nullptr;
  fs::path full = root / *rel;
  std::error_code ec;
  fs::path canon = fs::weakly_canonical(full, ec);
  if (ec || !is_visible_under(canon, root)) return nullptr;

  // O_NONBLOCK: opening a FIFO must not hang the worker (regular files ignore the flag).
  int fd = ::open(full.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return nullptr;
  // Owned from here: every refusal below closes it.
  auto file = std::make_shared<PublishedFile>(fd, std::move(*rel), FileFacts{});
  struct stat sb {};
  if (::fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) return nullptr;
  // What was opened, not what the name points at now: a symlink swapped in after the check
  // above still cannot lead out of the root or into a dot folder.
  fs::path real = fs::read_symlink("/proc/self/fd/" + std::to_string(fd), ec);
  if (ec || !is_visible_under(real, root)) return nullptr;

  FileFacts& facts = file->facts_;
  facts.type = std::move(*type);
  facts.size = static_cast<std::uint64_t>(sb.st_size);
  facts.mtime = sb.st_mtim.tv_sec;
  std::int64_t mtime_ns =
      static_cast<std::int64_t>(sb.st_mtim.tv_sec) * 1000000000 + sb.st_mtim.tv_nsec;
  facts.etag = make_etag(static_cast<std::uint64_t>(sb.st_ino), facts.size, mtime_ns);
  return file;
}

}  // namespace briefcast
