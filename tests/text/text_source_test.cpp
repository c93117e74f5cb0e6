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
    CHECK(std::string(e.what()) == "'" + missing + "': cannot read: No such file or directory");
  }
  CHECK_THROWS_WITH(TextSource(d.path().string()),
                    "'" + d.path().string() + "': cannot read: is a folder");
  CHECK(code_of([&] { TextSource src(d.path().string()); }) == ExitCode::input);
  write_file(d / "bin.txt", std::string("PNG\0\0\0 data\n", 13));
  CHECK(code_of([&] { paragraphs_of((d / "bin.txt").string()); }) == ExitCode::input);
}

TEST_CASE("invalid UTF-8 is repaired as Windows-1252 and counted", "[text]") {
  std::string s = "caf\xE9 \x93quoted\x94 ok \xC3\xA9";
  CHECK(clean_plain_text(s) == 3);
  CHECK(s == "café “quoted” ok é");
  std::string valid = "naïve — “fine” 日本";
  CHECK(clean_plain_text(valid) == 0);
  CHECK(valid == "naïve — “fine” 日本");
  std::string overlong =
      "a\xC0\xAF"
      "b";  // overlong '/' must not decode to '/'
  clean_plain_text(overlong);
  CHECK(overlong.find('/') == std::string::npos);
}

TEST_CASE("plain text loses its control characters", "[text]") {
  // The five bytes Windows-1252 leaves undefined are repaired (to C1 controls) and then dropped
  // with every other control character; CR, FF and VT become spaces; tab and newline stay.
  std::string s =
      "a\x81"
      "b\x8D\x8F\x90\x9D"
      "c\r\nd\x01\x1F"
      "e\tf\fg\vh \xC2\x85"
      "i";
  CHECK(clean_plain_text(s) == 5);
  CHECK(s == "abc \nde\tf g h i");
}

TEST_CASE("a file's undefined Windows-1252 bytes leave no trace in its paragraphs", "[text]") {
  TempDir d;
  write_file(d / "w.txt", "Caf\xE9\x81 \x9Dopen\r\nnow.\n");
  TextSource src((d / "w.txt").string());
  CHECK(src.next_paragraph() == "Café open now.");
  CHECK(src.repaired_bytes() == 3);
  CHECK(src.rewindable());
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
