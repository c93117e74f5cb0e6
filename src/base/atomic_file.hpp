#pragma once
// Publishing a file safely: everything is written to a temporary file in the target's folder and
// renamed over the target only when complete, so readers never see a half-written file and an
// interrupted run leaves the previous version (or nothing) in place.

#include <filesystem>
#include <string_view>

namespace briefcast {

class AtomicOutput {
 public:
  // Creates `.<name>.tmp-XXXXXX` beside `target`. Throws Error(ExitCode::output) naming the
  // folder when it does not exist or is not writable.
  explicit AtomicOutput(const std::filesystem::path& target);
  // Removes the temporary file unless commit() succeeded. Never throws.
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  int fd() const { return fd_; }  // open for writing, owned by this object
  const std::filesystem::path& temp_path() const { return temp_; }
  const std::filesystem::path& target() const { return target_; }

  // fsyncs, closes and renames the temporary file over the target (permissions 0644).
  // Throws Error(ExitCode::output) on failure (the temporary file is then removed).
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  int fd_ = -1;
  bool committed_ = false;
};

// Writes `contents` to `target` through an AtomicOutput (temp file, fsync, rename).
// Throws Error(ExitCode::output) naming the file on failure; the old file then stays in place.
void write_file_atomically(const std::filesystem::path& target, std::string_view contents);

}  // namespace briefcast
