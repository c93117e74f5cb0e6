#include "test_support.hpp"

#include <sys/wait.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <numbers>
#include <random>
#include <sstream>
#include <stdexcept>

namespace briefcast::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path p = fs::temp_directory_path() / ("briefcast-test-" + std::to_string(rd()));
    if (fs::create_directory(p)) {
      path_ = p;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary folder");
}

TempDir::~TempDir() {
  std::error_code ec;
  // Restore permissions a test may have removed, so the folder can be deleted.
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  for (auto& e : fs::recursive_directory_iterator(path_, ec))
    fs::permissions(e.path(), fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

fs::path source_dir() { return fs::path(BRIEFCAST_SOURCE_DIR); }
fs::path corpus_dir() { return source_dir().parent_path() / "shared" / "corpus"; }

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& p, const std::string& contents) {
  std::ofstream out(p, std::ios::binary);
  out << contents;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> v;
  for (auto& e : fs::directory_iterator(dir)) v.push_back(e.path());
  return v;
}

static std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'')
      q += "'\\''";
    else
      q += c;
  }
  return q + "'";
}

RunResult run_briefcast(const std::vector<std::string>& args, const std::string& stdin_file) {
  TempDir tmp;
  std::string cmd = quote(BRIEFCAST_BINARY);
  for (auto& a : args) cmd += " " + quote(a);
  cmd += stdin_file.empty() ? " </dev/null" : " <" + quote(stdin_file);
  cmd += " >" + quote((tmp / "out").string()) + " 2>" + quote((tmp / "err").string());
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(tmp / "out");
  r.err = read_file(tmp / "err");
  return r;
}

std::vector<float> sine(double freq_hz, double amplitude, double seconds, unsigned rate_hz) {
  std::vector<float> v(static_cast<std::size_t>(seconds * rate_hz));
  for (std::size_t i = 0; i < v.size(); ++i)
    v[i] = static_cast<float>(amplitude *
                              std::sin(2 * std::numbers::pi * freq_hz * double(i) / rate_hz));
  return v;
}

}  // namespace briefcast::test
