#include "base/stale_temps.hpp"

#include <catch2/catch.hpp>

#include "support/test_support.hpp"

using namespace briefcast;

TEST_CASE("stale temporaries are removed, everything else stays", "[io]") {
  test::TempDir d;
  test::write_file(d / ".feed.xml.tmp-Ab12Cd", "half");
  test::write_file(d / ".2026-11-28.mp3.tmp-XyZ123", "half");
  test::write_file(d / "feed.xml", "whole");
  test::write_file(d / ".hidden", "kept");
  test::write_file(d / "notes.tmp-1", "kept: not a dotfile");
  std::filesystem::create_directory(d / ".dir.tmp-folder");
  CHECK(remove_stale_temporaries(d.path()) == 2);
  CHECK(std::filesystem::exists(d / "feed.xml"));
  CHECK(std::filesystem::exists(d / ".hidden"));
  CHECK(std::filesystem::exists(d / "notes.tmp-1"));
  CHECK(std::filesystem::is_directory(d / ".dir.tmp-folder"));
  CHECK_FALSE(std::filesystem::exists(d / ".feed.xml.tmp-Ab12Cd"));
  CHECK(remove_stale_temporaries(d / "missing") == 0);
}
