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

std::filesystem::path source_dir();  // the repository root
std::filesystem::path corpus_dir();  // ../shared/corpus next to the repository (may be absent)
std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, const std::string& contents);
std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir);

// `s` in single quotes for /bin/sh, its own single quotes escaped.
std::string shell_quote(const std::string& s);

// Runs the built `briefcast` binary with `args` (shell-quoted here), stdin from `stdin_file` when
// not empty. Returns exit code, stdout and stderr.
struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
RunResult run_briefcast(const std::vector<std::string>& args, const std::string& stdin_file = {});

// Sets TZ (e.g. "UTC", "Europe/London") for one test and restores it, with tzset, afterwards.
class TimeZone {
 public:
  explicit TimeZone(const char* tz);
  ~TimeZone();
  TimeZone(const TimeZone&) = delete;
  TimeZone& operator=(const TimeZone&) = delete;

 private:
  bool had_ = false;
  std::string old_;
};

// A sine tone, mono float, for audio-stage tests.
std::vector<float> sine(double freq_hz, double amplitude, double seconds, unsigned rate_hz);

// ---- Processes and ports (serve tests) ----

// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then released).
int free_port();

// Runs `command` with /bin/sh, capturing stdout and stderr; `timeout_s` is enforced with
// coreutils `timeout` (exit code 124 when it fired).
RunResult run_shell(const std::string& command, int timeout_s = 60);

// A child process (argv[0] is the program path) with stdout and stderr going to `log_file`,
// extra environment entries "NAME=value". The destructor sends SIGKILL if it still runs.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& log_file,
               const std::vector<std::string>& env = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  int pid() const { return pid_; }
  // Sends `signal` and waits up to `timeout_s`; returns the exit code (128+N when killed by
  // signal N) or -1 on timeout (the process is then killed).
  int stop(int signal, double timeout_s);
  bool running();

 private:
  int pid_ = -1;
  int status_ = -1;
};

// Waits until `path` contains `text` (polling), up to `timeout_s`; returns whether it did.
bool wait_for_text(const std::filesystem::path& path, const std::string& text, double timeout_s);

}  // namespace briefcast::test
