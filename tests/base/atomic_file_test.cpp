#include "base/atomic_file.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>

#include "base/error.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
namespace fs = std::filesystem;

TEST_CASE("a committed output replaces the target in one step", "[output]") {
  test::TempDir d;
  test::write_file(d / "a.mp3", "old");
  {
    AtomicOutput out(d / "a.mp3");
    CHECK(out.temp_path().parent_path() == d.path());
    REQUIRE(::write(out.fd(), "new bytes", 9) == 9);
    CHECK(test::read_file(d / "a.mp3") == "old");  // not visible before commit
    out.commit();
  }
  CHECK(test::read_file(d / "a.mp3") == "new bytes");
  CHECK(test::files_in(d.path()).size() == 1);
}

TEST_CASE("an abandoned output leaves the previous file and no temporary", "[output]") {
  test::TempDir d;
  test::write_file(d / "a.mp3", "old");
  {
    AtomicOutput out(d / "a.mp3");
    REQUIRE(::write(out.fd(), "partial", 7) == 7);
  }
  CHECK(test::read_file(d / "a.mp3") == "old");
  CHECK(test::files_in(d.path()).size() == 1);
}

TEST_CASE("missing and unwritable folders are output errors naming the folder", "[output]") {
  test::TempDir d;
  try {
    AtomicOutput out(d / "nope" / "a.mp3");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::output);
    CHECK(std::string(e.what()) == "'" + (d / "nope").string() + "': output folder does not exist");
  }
  if (::geteuid() != 0) {  // root ignores permission bits
    fs::create_directory(d / "ro");
    fs::permissions(d / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    CHECK_THROWS_AS(AtomicOutput(d / "ro" / "a.mp3"), Error);
  }
}
