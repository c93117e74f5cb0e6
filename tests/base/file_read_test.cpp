#include "base/file_read.hpp"

#include <catch2/catch.hpp>

#include "base/error.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
namespace fs = std::filesystem;

namespace {
// The message and code read_file_bytes(p, code) throws with.
std::pair<std::string, ExitCode> failure_of(const fs::path& p, ExitCode code = ExitCode::input) {
  try {
    read_file_bytes(p, code);
  } catch (const Error& e) {
    return {e.what(), e.code()};
  }
  return {"no error", ExitCode::ok};
}
}  // namespace

TEST_CASE("read_file_bytes returns the bytes or names the file and the reason", "[io]") {
  test::TempDir d;
  test::write_file(d / "a.bin", std::string("x\0y", 3));
  CHECK(read_file_bytes(d / "a.bin") == std::string("x\0y", 3));
  test::write_file(d / "empty", "");
  CHECK(read_file_bytes(d / "empty").empty());

  CHECK(failure_of(d / "missing") ==
        std::pair{"'" + (d / "missing").string() + "': cannot read: No such file or directory",
                  ExitCode::input});
  CHECK(failure_of(d.path()) ==
        std::pair{"'" + d.path().string() + "': cannot read: is a folder", ExitCode::input});
  CHECK(
      failure_of(d / "missing" / "x") ==
      std::pair{"'" + (d / "missing" / "x").string() + "': cannot read: No such file or directory",
                ExitCode::input});
}

TEST_CASE("read_file_bytes throws with the caller's exit code", "[io]") {
  test::TempDir d;
  CHECK(failure_of(d / "voice.json", ExitCode::voice).second == ExitCode::voice);
  CHECK(failure_of(d.path(), ExitCode::feed).second == ExitCode::feed);
}

TEST_CASE("open_for_reading streams the file and fails like read_file_bytes", "[io]") {
  test::TempDir d;
  test::write_file(d / "a.txt", "abc");
  FilePtr f = open_for_reading(d / "a.txt");
  char buf[8];
  CHECK(std::fread(buf, 1, sizeof buf, f.get()) == 3);
  CHECK(std::string(buf, 3) == "abc");
  CHECK_THROWS_WITH(open_for_reading(d.path(), ExitCode::output),
                    "'" + d.path().string() + "': cannot read: is a folder");
}
