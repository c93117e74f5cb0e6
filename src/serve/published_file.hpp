#pragma once
// Opening the file a `briefcast serve` request names, so that nothing but a published file under
// the served folder is ever read.
//
// A request path is served only when safe_relative_path() accepts it (no dotfiles, so never the
// `.NAME.tmp-XXXXXX` files `build` writes before renaming; no "..", no encoded slashes), its
// type is one file_type_for() knows, it resolves under the root, and it is a regular file whose
// real path, read back from the open descriptor, is still under the root with no segment below
// the root starting with '.' (so a symlink leading out or into a dot folder such as
// `.briefcast/`, even one swapped in between the check and the open, is refused). FIFOs and
// devices are refused without blocking.
//
// The descriptor is read with pread only, so one PublishedFile may be shared by the threads of
// one response; a file renamed over meanwhile never mixes its bytes with the old one's.

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "serve/http_files.hpp"

namespace briefcast {

// One open published file. Owns its descriptor; closing it never throws.
class PublishedFile {
 public:
  // Takes ownership of `fd` (closed by the destructor).
  PublishedFile(int fd, std::string relative_path, FileFacts facts);
  ~PublishedFile();
  PublishedFile(const PublishedFile&) = delete;
  PublishedFile& operator=(const PublishedFile&) = delete;

  // Path under the root, '/'-separated, decoded ("episodes/2026-03-03.mp3").
  const std::string& relative_path() const { return relative_path_; }
  // Type, size, modification time and ETag as they were when the file was opened.
  const FileFacts& facts() const { return facts_; }

  // Reads up to `n` bytes at `offset` into `buf`. Returns the bytes read: 0 at the end of the
  // file, -1 on a read error (errno set), as pread(2).
  ssize_t read_at(std::uint64_t offset, char* buf, std::size_t n) const;
  // The first facts().size bytes; nullopt when the file turned out shorter or a read failed.
  std::optional<std::string> read_all() const;

 private:
  friend std::shared_ptr<const PublishedFile> open_published_file(const std::filesystem::path&,
                                                                  std::string_view,
                                                                  std::string_view);
  int fd_;
  std::string relative_path_;
  FileFacts facts_;
};

// Opens what the request path `raw_path` (as sent: percent-encoded, query removed) names under
// `root`, which must be canonical (fs::canonical). `token` is the required first segment
// ("" for none). Returns nullptr for everything that must be answered 404: refused paths,
// unknown types, missing or unreadable files, folders, non-regular files and anything leading
// out of the root. Never throws (except std::bad_alloc).
std::shared_ptr<const PublishedFile> open_published_file(const std::filesystem::path& root,
                                                         std::string_view raw_path,
                                                         std::string_view token);

}  // namespace briefcast
