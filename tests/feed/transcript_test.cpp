// WebVTT and SubRip transcripts: exact text for short cues, caption limits for long sentences.
#include "feed/transcript.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;

namespace {

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> v;
  std::size_t b = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == '\n') {
      v.push_back(s.substr(b, i - b));
      b = i + 1;
    }
  return v;
}

const std::string kLong =
    "Markets rose sharply on Monday after the central bank held interest rates steady and "
    "signalled that cuts could come later this year.";

}  // namespace

TEST_CASE("transcript: WebVTT and SRT of short cues, byte for byte", "[feed]") {
  std::vector<TranscriptCue> cues = {
      {0.0, 2.5, "Good morning.", "", {}},
      {2.5, 3661.0456, "Rates <held> & steady.", "Anna", {}},
  };
  CHECK(render_webvtt(cues) ==
        "WEBVTT\n"
        "\n"
        "00:00:00.000 --> 00:00:02.500\n"
        "Good morning.\n"
        "\n"
        "00:00:02.500 --> 01:01:01.046\n"
        "<v Anna>Rates &lt;held&gt; &amp; steady.\n");
  CHECK(render_srt(cues) ==
        "1\n"
        "00:00:00,000 --> 00:00:02,500\n"
        "Good morning.\n"
        "\n"
        "2\n"
        "00:00:02,500 --> 01:01:01,046\n"
        "Anna: Rates <held> & steady.\n");
}

TEST_CASE("transcript: timestamps round to the millisecond", "[feed]") {
  CHECK(caption_timestamp(0, '.') == "00:00:00.000");
  CHECK(caption_timestamp(59.9996, '.') == "00:01:00.000");
  CHECK(caption_timestamp(3599.999, ',') == "00:59:59,999");
  CHECK(caption_timestamp(36000.5, ',') == "10:00:00,500");
  CHECK(caption_timestamp(-1, '.') == "00:00:00.000");
}

TEST_CASE("transcript: a long sentence becomes balanced captions within the limits", "[feed]") {
  std::vector<TranscriptCue> cues = {{10.0, 20.0, kLong, "", {}}};
  auto out = layout_captions(cues);
  REQUIRE(out.size() == 2);
  std::string rejoined;
  for (auto& c : out) {
    auto lines = lines_of(c.text);
    CHECK(lines.size() <= 2);
    for (auto& l : lines) CHECK(code_points(l) <= 42);
    for (auto& l : lines) rejoined += (rejoined.empty() ? "" : " ") + l;
  }
  CHECK(rejoined == kLong);
  // Balanced: greedy filling would give 84 + 48 characters; balanced parts differ by less.
  auto a = code_points(out[0].text), b = code_points(out[1].text);
  CHECK((a > b ? a - b : b - a) < 20);
  // Contiguous, covering the sentence, split in proportion to the characters.
  CHECK(out[0].start_s == 10.0);
  CHECK(out[1].end_s == 20.0);
  CHECK(out[0].end_s == out[1].start_s);
  double expected = 10.0 + 10.0 * static_cast<double>(kLong.find(lines_of(out[1].text)[0])) /
                               static_cast<double>(kLong.size());
  CHECK(out[1].start_s == Approx(expected).margin(1e-9));
}

TEST_CASE("transcript: word timings place the split where the word is spoken", "[feed]") {
  TranscriptCue cue{10.0, 20.0, kLong, "", {}};
  // One timing per word, deliberately uneven: the first half spoken fast.
  std::size_t i = 0, n = 0;
  while (i < kLong.size()) {
    std::size_t e = kLong.find(' ', i);
    if (e == std::string::npos) e = kLong.size();
    cue.words.push_back({i, e - i, 10.0 + 0.2 * static_cast<double>(n++)});
    i = e + 1;
  }
  auto out = layout_captions({cue});
  REQUIRE(out.size() == 2);
  std::size_t second = kLong.find(lines_of(out[1].text)[0]);
  double word_start = -1;
  for (auto& w : cue.words)
    if (w.offset == second) word_start = w.start_s;
  REQUIRE(word_start > 10.0);
  CHECK(out[1].start_s == word_start);
  CHECK(out[0].end_s == word_start);
}

TEST_CASE("transcript: wider layouts, overlaps, empty and zero-length cues", "[feed]") {
  std::vector<TranscriptCue> cues = {
      {5.0, 6.0, "Second.", "", {}},
      {0.0, 5.5, "First  one,\n  folded.", "", {}},  // overlaps the next: trimmed
      {7.0, 7.0, "Zero length.", "", {}},
      {8.0, 9.0, "   ", "", {}},
  };
  auto out = layout_captions(cues);
  REQUIRE(out.size() == 2);
  CHECK(out[0].text == "First one, folded.");
  CHECK(out[0].start_s == 0.0);
  CHECK(out[0].end_s == 5.5);
  CHECK(out[1].text == "Second.");
  CHECK(out[1].start_s == 5.5);
  CHECK(layout_captions({{0, 10, kLong, "", {}}}, {200, 1}).size() == 1);
  // One line of 20: every caption a single line; a word longer than the line stands alone.
  auto narrow =
      layout_captions({{0, 10, "a supercalifragilisticexpialidocious word", "", {}}}, {20, 1});
  REQUIRE(narrow.size() == 3);
  CHECK(narrow[1].text == "supercalifragilisticexpialidocious");
}

TEST_CASE("transcript: UTF-8 counts characters, not bytes", "[feed]") {
  // 40 characters of two-byte letters: one line at 42 characters although it is 80 bytes.
  std::string s;
  for (int i = 0; i < 20; ++i) s += "\xC3\xA9";  // é
  std::string text = s + " " + s.substr(0, 2 * 19);
  auto out = layout_captions({{0, 1, text, "", {}}});
  REQUIRE(out.size() == 1);
  CHECK(lines_of(out[0].text).size() == 1);
}
