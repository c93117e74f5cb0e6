#pragma once
// Shared test helpers: temporary folders, paths into the repo and the corpus.

#include <filesystem>
#include <string>
#include <vector>

namespace briefcast::test {

// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

std::filesystem::path source_dir();          // the repository root
std::filesystem::path corpus_dir();          // ../shared/corpus next to the repository (may be absent)
std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, const std::string& contents);
std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir);

// Runs the built `briefcast` binary with `args` (shell-quoted here), stdin from `stdin_file` when
// not empty. Returns exit code, stdout and stderr.
struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
RunResult run_briefcast(const std::vector<std::string>& args, const std::string& stdin_file = {});

// A sine tone, mono float, for audio-stage tests.
std::vector<float> sine(double freq_hz, double amplitude, double seconds, unsigned rate_hz);

}  // namespace briefcast::test
