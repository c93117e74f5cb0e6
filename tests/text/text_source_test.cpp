#include "text/text_source.hpp"

#include <catch2/catch.hpp>

#include "base/error.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
using briefcast::test::TempDir;
using briefcast::test::write_file;

namespace {
std::vector<std::string> paragraphs_of(const std::string& path) {
  TextSource src(path);
  std::vector<std::string> v;
  while (auto p = src.next_paragraph()) v.push_back(*p);
  return v;
}

ExitCode code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return ExitCode::ok;
}
}  // namespace

TEST_CASE("paragraphs split at blank lines, lines joined, whitespace folded", "[text]") {
  TempDir d;
  write_file(d / "a.txt", "Title line\n\n  First   para\ncontinues\there.\r\n\n\n\nSecond.\n");
  CHECK(paragraphs_of((d / "a.txt").string()) ==
        std::vector<std::string>{"Title line", "First para continues here.", "Second."});
}

TEST_CASE("missing files, folders and binary files are input errors naming the file", "[text]") {
  TempDir d;
  auto missing = (d / "missing.txt").string();
  try {
    TextSource src(missing);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::input);
    CHECK(std::string(e.what()) == "'" + missing + "': No such file or directory");
  }
  CHECK(code_of([&] { TextSource src(d.path().string()); }) == ExitCode::input);
  write_file(d / "bin.txt", std::string("PNG\0\0\0 data\n", 13));
  CHECK(code_of([&] { paragraphs_of((d / "bin.txt").string()); }) == ExitCode::input);
}

TEST_CASE("invalid UTF-8 is repaired as Windows-1252 and counted", "[text]") {
  std::string s = "caf\xE9 \x93quoted\x94 ok \xC3\xA9";
  CHECK(repair_utf8(s) == 3);
  CHECK(s == "café “quoted” ok é");
  std::string valid = "naïve — “fine” 日本";
  CHECK(repair_utf8(valid) == 0);
  CHECK(valid == "naïve — “fine” 日本");
  std::string overlong =
      "a\xC0\xAF"
      "b";  // overlong '/' must not decode to '/'
  repair_utf8(overlong);
  CHECK(overlong.find('/') == std::string::npos);
}

TEST_CASE("whitespace-only input yields no paragraphs", "[text]") {
  TempDir d;
  write_file(d / "blank.txt", " \n\t\n\n   \n");
  CHECK(paragraphs_of((d / "blank.txt").string()).empty());
}

TEST_CASE("a paragraph without blank lines is handed out in bounded pieces", "[text]") {
  TempDir d;
  std::string big;
  while (big.size() < 300000) big += "A line of words without any blank line between them.\n";
  write_file(d / "big.txt", big);
  TextSource src((d / "big.txt").string());
  std::size_t pieces = 0, total = 0;
  while (auto p = src.next_paragraph()) {
    CHECK(p->size() <= 70000);
    ++pieces;
    total += p->size();
  }
  CHECK(pieces >= 4);
  CHECK(total >= 290000);
}
