#pragma once
// Publishing a file safely: everything is written to a temporary file in the target's folder and
// renamed over the target only when complete, so readers never see a half-written file and an
// interrupted run leaves the previous version (or nothing) in place.

#include <atomic>
#include <cstddef>
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

// The whole file as bytes. Throws Error(ExitCode::input) "'PATH': cannot read" when it is missing,
// unreadable or a folder, "'PATH': read error" when reading fails part-way.
std::string read_file_bytes(const std::filesystem::path& path);

// Removes temporary files (`.NAME.tmp-XXXXXX`) a killed run left in `dir` (not recursive).
// Call only while holding the folder's lock. Returns how many were removed.
std::size_t remove_stale_temporaries(const std::filesystem::path& dir);

// The signal-safe cancellation flag set by SIGINT/SIGTERM once install_interrupt_handlers() ran.
const std::atomic<bool>& interrupt_flag();
void install_interrupt_handlers();
// Throws Error(ExitCode::interrupted) when the flag is set.
void throw_if_interrupted();

}  // namespace briefcast
