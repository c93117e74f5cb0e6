#include "audio/id3_tags.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "base/error.hpp"
#include "support/error_capture.hpp"
#include "support/mp3_reading.hpp"
#include "support/test_support.hpp"

namespace briefcast {
namespace {

namespace fs = std::filesystem;
using test::error_from;
using test::jpeg_start;
using test::TempDir;
using test::tiny_png;

std::string render(const Tags& tags) {
  const std::vector<char> bytes = render_id3v2(tags);
  return std::string(bytes.begin(), bytes.end());
}

// The 3-byte language of the first COMM frame (after ID, size, flags and text encoding).
std::string comment_language(const std::string& tag) {
  const std::size_t at = tag.find("COMM");
  REQUIRE(at != std::string::npos);
  return tag.substr(at + 11, 3);
}

Tags with_comment(const std::string& language) {
  Tags tags;
  tags.language = language;
  tags.comment = "c";
  return tags;
}

Tags with_cover(const fs::path& cover) {
  Tags tags;
  tags.cover = cover;
  return tags;
}

}  // namespace

TEST_CASE("render_id3v2 writes an ID3v2.4 tag with only the fields given", "[encode]") {
  Tags tags;
  tags.title = "Morning news";
  tags.artist = "Ann";
  const std::string tag = render(tags);
  REQUIRE(tag.size() > 10);
  CHECK(tag.substr(0, 5) == std::string("ID3\x04\x00", 5));
  std::size_t size = 0;
  for (int i = 6; i < 10; ++i) size = size << 7 | (static_cast<unsigned char>(tag[i]) & 0x7F);
  CHECK(tag.size() == 10 + size);
  CHECK(tag.find("TIT2") != std::string::npos);
  CHECK(tag.find("Morning news") != std::string::npos);
  CHECK(tag.find("TPE1") != std::string::npos);
  for (const char* absent : {"TALB", "TDRC", "TLAN", "COMM", "TSSE", "APIC"}) {
    INFO(absent);
    CHECK(tag.find(absent) == std::string::npos);
  }
}

TEST_CASE("ID3v2 tags round-trip through a file in UTF-8", "[encode]") {
  TempDir dir;
  Tags tags = test::sample_tags();
  tags.album = "Jour après jour";
  tags.language = "fra";
  tags.comment = "briefcast 0.1.0, voix fr";
  test::write_file(dir / "tag.mp3", render(tags));
  const ReadTags read = read_id3v2(dir / "tag.mp3");
  test::check_id3v2_text_fields(read, tags);
  CHECK_FALSE(read.has_cover);
}

TEST_CASE("the COMM language is an ISO 639-2 code", "[encode]") {
  CHECK(comment_language(render(with_comment("fra"))) == "fra");
  // A voice code does not fit COMM's three letters.
  CHECK(comment_language(render(with_comment("en-us"))) == "eng");
  CHECK(comment_language(render(with_comment(""))) == "eng");
}

TEST_CASE("the cover's MIME type comes from its bytes, not its name", "[encode]") {
  TempDir dir;
  SECTION("PNG named .jpg") {
    test::write_file(dir / "cover.jpg", tiny_png);
    const std::string tag = render(with_cover(dir / "cover.jpg"));
    CHECK(tag.find("image/png") != std::string::npos);
    CHECK(tag.find("image/jpeg") == std::string::npos);
    CHECK(tag.find(tiny_png) != std::string::npos);
    test::write_file(dir / "tag.mp3", tag);
    CHECK(read_id3v2(dir / "tag.mp3").has_cover);
  }
  SECTION("JPEG named .png") {
    test::write_file(dir / "cover.png", jpeg_start);
    const std::string tag = render(with_cover(dir / "cover.png"));
    CHECK(tag.find("image/jpeg") != std::string::npos);
    CHECK(tag.find(jpeg_start) != std::string::npos);
    // APIC: encoding, MIME type + NUL, picture type 3 (front cover), empty description.
    const std::size_t type = tag.find("image/jpeg") + std::string("image/jpeg").size() + 1;
    CHECK(tag[type] == 3);
  }
}

TEST_CASE("an unusable cover is an input error naming the file", "[encode]") {
  TempDir dir;
  SECTION("not an image") {
    test::write_file(dir / "cover.png", "GIF89a not supported");
    const Error e = error_from([&] { render_id3v2(with_cover(dir / "cover.png")); });
    CHECK(e.code() == ExitCode::input);
    CHECK(std::string(e.what()) ==
          "'" + (dir / "cover.png").string() + "': cover is not a JPEG or PNG image");
  }
  SECTION("missing") {
    const Error e = error_from([&] { render_id3v2(with_cover(dir / "none.png")); });
    CHECK(e.code() == ExitCode::input);
    CHECK(std::string(e.what()) ==
          "'" + (dir / "none.png").string() + "': cannot read: No such file or directory");
  }
}

TEST_CASE("read_id3v2 on files without a tag or without a file", "[encode]") {
  TempDir dir;
  test::write_file(dir / "plain.mp3", std::string(1000, '\0'));
  CHECK(read_id3v2(dir / "plain.mp3").id3_version == 0);
  const Error e = error_from([&] { read_id3v2(dir / "none.mp3"); });
  CHECK(e.code() == ExitCode::input);
  CHECK(std::string(e.what()).find((dir / "none.mp3").string()) != std::string::npos);
}

}  // namespace briefcast

namespace briefcast {
namespace {

std::string render(const Tags& tags, const std::vector<Id3Chapter>& chapters) {
  const std::vector<char> bytes = render_id3v2(tags, chapters);
  return std::string(bytes.begin(), bytes.end());
}

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

std::vector<Id3Chapter> three_chapters() {
  return {{"Headlines", "https://example.org/news/1", 0, 61250},
          {"Café économie – Zoë", "", 61250, 125000},
          {"", "https://example.org/weather", 125000, 180003}};
}

}  // namespace

TEST_CASE("ID3v2 chapters round-trip: titles, URLs, times", "[assemble]") {
  TempDir dir;
  Tags tags;
  tags.title = "Morning briefing";
  const std::vector<Id3Chapter> chapters = three_chapters();
  test::write_file(dir / "tag.mp3", render(tags, chapters));
  const ReadTags read = read_id3v2(dir / "tag.mp3");
  CHECK(read.tags.title == "Morning briefing");
  REQUIRE(read.chapters.size() == chapters.size());
  for (std::size_t i = 0; i < chapters.size(); ++i) {
    INFO("chapter " << i);
    CHECK(read.chapters[i].title == chapters[i].title);
    CHECK(read.chapters[i].url == chapters[i].url);
    CHECK(read.chapters[i].start_ms == chapters[i].start_ms);
    CHECK(read.chapters[i].end_ms == chapters[i].end_ms);
  }
}

TEST_CASE("ID3v2 chapters are a top-level ordered CTOC and CHAP frames without offsets",
          "[assemble]") {
  const std::string tag = render(Tags{}, three_chapters());
  // CTOC: 10-byte frame header, element ID "toc", flags 0x03 (top-level, ordered), 3 children.
  const std::size_t toc = tag.find("CTOC");
  REQUIRE(toc != std::string::npos);
  CHECK(tag.substr(toc + 10, 4 + 2 + 15) == std::string("toc\0\x03\x03"
                                                        "chp0\0chp1\0chp2\0",
                                                        21));
  // CHAP: element ID, start and end time, start and end offset 0xFFFFFFFF (unused).
  const std::vector<Id3Chapter> chapters = three_chapters();
  std::size_t at = 0;
  for (std::size_t i = 0; i < chapters.size(); ++i) {
    const std::size_t chap = tag.find("CHAP", at);
    REQUIRE(chap != std::string::npos);
    CHECK(tag.substr(chap + 10, 5) == "chp" + std::to_string(i) + std::string(1, '\0'));
    CHECK(tag.substr(chap + 10 + 5, 16) ==
          be32(chapters[i].start_ms) + be32(chapters[i].end_ms) + std::string(8, '\xFF'));
    at = chap + 4;
  }
  // Sub-frames: TIT2 only with a title, WXXX only with a URL.
  const std::size_t first = tag.find("CHAP"), second = tag.find("CHAP", first + 4),
                    third = tag.find("CHAP", second + 4);
  CHECK(tag.substr(first, second - first).find("WXXX") != std::string::npos);
  CHECK(tag.substr(second, third - second).find("WXXX") == std::string::npos);
  CHECK(tag.substr(third).find("TIT2") == std::string::npos);
  CHECK(tag.substr(third).find("https://example.org/weather") != std::string::npos);
}

TEST_CASE("no chapters, no CTOC or CHAP, the one-argument render is unchanged", "[assemble]") {
  Tags tags;
  tags.title = "t";
  const std::string plain = render(tags);
  CHECK(render(tags, {}) == plain);
  CHECK(plain.find("CTOC") == std::string::npos);
  CHECK(plain.find("CHAP") == std::string::npos);
}

TEST_CASE("chapter URLs outside ASCII are percent-encoded", "[assemble]") {
  TempDir dir;
  test::write_file(dir / "tag.mp3",
                   render(Tags{}, {{"t", "https://example.org/café story", 0, 1000}}));
  CHECK(read_id3v2(dir / "tag.mp3").chapters.at(0).url == "https://example.org/caf%C3%A9%20story");
}

TEST_CASE("unusable chapters are refused with the encode exit code", "[assemble]") {
  SECTION("ends before it starts") {
    const Error e = error_from([&] { render_id3v2(Tags{}, {{"Late", "", 5000, 4000}}); });
    CHECK(e.code() == ExitCode::encode);
    CHECK(std::string(e.what()) ==
          "ID3 chapters: chapter 1 ('Late') ends at 4000 ms, before its start at 5000 ms");
  }
  SECTION("more than a CTOC can list") {
    const std::vector<Id3Chapter> many(256, Id3Chapter{"c", "", 0, 1});
    const Error e = error_from([&] { render_id3v2(Tags{}, many); });
    CHECK(e.code() == ExitCode::encode);
    CHECK(std::string(e.what()) ==
          "ID3 chapters: 256 chapters, at most 255 fit in a table of contents");
  }
}

}  // namespace briefcast
