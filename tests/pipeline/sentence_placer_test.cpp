#include "pipeline/sentence_placer.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <vector>

namespace briefcast {
namespace {

constexpr unsigned kRate = 22050;
constexpr std::size_t kMargin = kRate / 50;  // 441

// Feeds `s` in blocks of random size, as eSpeak NG's callback hands them over.
void feed(SentencePlacer& p, const std::vector<std::int16_t>& s, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> size(1, 3000);
  for (std::size_t at = 0; at < s.size();) {
    const std::size_t n = std::min(size(rng), s.size() - at);
    p.add(std::span<const std::int16_t>(s).subspan(at, n));
    at += n;
  }
}

// What is expected: from 20 ms before the first audible sample to 20 ms after the last.
std::vector<float> trimmed(const std::vector<std::int16_t>& s, std::size_t& begin) {
  auto audible = [](std::int16_t v) { return std::abs(int{v}) > SentencePlacer::kAudible; };
  const auto first = std::find_if(s.begin(), s.end(), audible);
  if (first == s.end()) return {};
  const auto last = std::find_if(s.rbegin(), s.rend(), audible);
  begin = static_cast<std::size_t>(first - s.begin());
  begin = begin > kMargin ? begin - kMargin : 0;
  const std::size_t end =
      std::min(s.size(), s.size() - static_cast<std::size_t>(last - s.rbegin()) + kMargin);
  std::vector<float> out;
  for (std::size_t i = begin; i < end; ++i) out.push_back(static_cast<float>(s[i]) / 32768.0f);
  return out;
}

void append(std::vector<std::int16_t>& s, std::size_t n, std::int16_t v) {
  s.insert(s.end(), n, v);
}

}  // namespace

TEST_CASE("sentence placer: the quiet around a sentence is cut to a 20 ms margin", "[say]") {
  std::vector<std::int16_t> s;
  append(s, 900, 12);     // eSpeak's lead-in: quiet, not digital silence
  append(s, 3000, 2000);  // speech
  append(s, 300, -40);    // a short pause inside the sentence stays
  append(s, 2500, -1500);
  append(s, 2000, 3);  // the tail
  std::vector<float> chunk;
  SentencePlacer p(
      chunk, [] { FAIL("no hand-over expected"); }, kRate, 100000);
  p.start();
  feed(p, s, 1);
  p.finish();
  std::size_t begin = 0;
  const std::vector<float> expected = trimmed(s, begin);
  CHECK(p.begin() == 900 - kMargin);
  CHECK(p.begin() == begin);
  CHECK(p.placed() == expected.size());
  CHECK(chunk == expected);

  // The next sentence starts over, appended to the same chunk.
  p.start();
  feed(p, s, 2);
  p.finish();
  CHECK(p.placed() == expected.size());
  CHECK(chunk.size() == 2 * expected.size());
}

TEST_CASE("sentence placer: a sentence without an audible sample places nothing", "[say]") {
  std::vector<float> chunk;
  SentencePlacer p(
      chunk, [] {}, kRate, 100000);
  p.start();
  const std::vector<std::int16_t> quiet(5000, 100);
  feed(p, quiet, 3);
  p.finish();
  CHECK(p.placed() == 0);
  CHECK(chunk.empty());
}

TEST_CASE("sentence placer: a long sentence is handed over in pauses, none of it held whole",
          "[say]") {
  // Bursts of sound with pauses of 70 ms (long enough to cut in) and of 20 ms (too short).
  std::vector<std::int16_t> s;
  append(s, 500, 0);
  for (int k = 0; k < 40; ++k) {
    append(s, 2000, static_cast<std::int16_t>(k % 2 ? 3000 : -2500));
    append(s, k % 3 ? 441 : 1544, 0);
  }
  const std::size_t max_chunk = 5000;
  std::vector<float> chunk;
  std::vector<std::vector<float>> handed;
  SentencePlacer p(
      chunk,
      [&] {
        handed.push_back(chunk);
        chunk.clear();
      },
      kRate, max_chunk);
  p.start();
  feed(p, s, 4);
  p.finish();
  REQUIRE(handed.size() >= 5);
  std::vector<float> all;
  for (const auto& c : handed) {
    // Each ends at rest: 50 ms of pause less the 20 ms that start the next chunk.
    REQUIRE(c.size() > kRate / 20 - kMargin);
    CHECK(std::all_of(c.end() - (kRate / 20 - kMargin), c.end(), [](float x) { return x == 0; }));
    // Handed over at the first long pause past the limit (every third pause is long): at most
    // three bursts, two short pauses and a long one more.
    CHECK(c.size() <= max_chunk + 3 * 2000 + 2 * 441 + 1544);
    all.insert(all.end(), c.begin(), c.end());
  }
  all.insert(all.end(), chunk.begin(), chunk.end());
  std::size_t begin = 0;
  CHECK(all == trimmed(s, begin));
  CHECK(p.placed() == all.size());
}

}  // namespace briefcast
