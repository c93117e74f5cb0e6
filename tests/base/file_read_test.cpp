#include "base/file_read.hpp"

#include <catch2/catch.hpp>

#include "base/error.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
namespace fs = std::filesystem;

TEST_CASE("read_file_bytes returns the bytes or names the file", "[io]") {
  test::TempDir d;
  test::write_file(d / "a.bin", std::string("x\0y", 3));
  CHECK(read_file_bytes(d / "a.bin") == std::string("x\0y", 3));
  for (const fs::path& p : {d / "missing", d.path()}) {
    try {
      read_file_bytes(p);
      FAIL("no error for " << p);
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::input);
      CHECK(std::string(e.what()) == "'" + p.string() + "': cannot read");
    }
  }
}
