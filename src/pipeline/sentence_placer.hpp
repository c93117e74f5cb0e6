#pragma once
// One sentence's audio placed in `say`'s current chunk as eSpeak NG makes it: the quiet before
// its first audible sample and after its last is left out but for a 20 ms margin (consonant
// onsets and releases stay intact). Only quiet is held back, until the next audible sample shows
// it lies inside the sentence, so a sentence of any length streams; once the chunk holds
// `max_chunk` samples it is handed over inside a quiet stretch of 50 ms or more (the high-pass's
// backward pass starts at rest there, as at a sentence's end).

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <span>
#include <vector>

namespace briefcast {

class SentencePlacer {
 public:
  // `chunk` is appended to; `hand_over` empties it (hands it to the audio side).
  SentencePlacer(std::vector<float>& chunk, std::function<void()> hand_over, unsigned rate_hz,
                 std::size_t max_chunk);

  // A new sentence.
  void start();
  // eSpeak NG's next samples for the sentence.
  void add(std::span<const std::int16_t> samples);
  // The sentence is spoken: places the margin after its last audible sample.
  void finish();
  // Index (in eSpeak's output for the sentence) of the first sample placed, and how many were.
  std::uint64_t begin() const { return begin_; }
  std::uint64_t placed() const { return placed_; }

  // Samples above this magnitude are audible (≈ −46 dBFS: below anything eSpeak NG voices).
  static constexpr int kAudible = 164;

 private:
  void put(std::int16_t v);
  void release_tail();

  std::vector<float>& chunk_;
  std::function<void()> hand_over_;
  std::size_t margin_;
  std::size_t quiet_to_cut_;
  std::size_t max_held_;  // quiet held back at most (eSpeak's pauses are far shorter)
  std::size_t max_chunk_;
  bool started_ = false;
  std::deque<std::int16_t> lead_;   // the last quiet samples before the first audible one
  std::vector<std::int16_t> tail_;  // quiet after the last audible sample
  std::uint64_t seen_ = 0;
  std::uint64_t begin_ = 0;
  std::uint64_t placed_ = 0;
};

}  // namespace briefcast
