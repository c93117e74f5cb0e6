#include "pipeline/sentence_placer.hpp"

#include <algorithm>
#include <cstdlib>
#include <utility>

namespace briefcast {

SentencePlacer::SentencePlacer(std::vector<float>& chunk, std::function<void()> hand_over,
                               unsigned rate_hz, std::size_t max_chunk)
    : chunk_(chunk),
      hand_over_(std::move(hand_over)),
      margin_(rate_hz / 50),
      quiet_to_cut_(rate_hz / 20),
      max_held_(rate_hz),
      max_chunk_(max_chunk) {}

void SentencePlacer::start() {
  started_ = false;
  lead_.clear();
  tail_.clear();
  seen_ = begin_ = placed_ = 0;
}

void SentencePlacer::add(std::span<const std::int16_t> samples) {
  for (const std::int16_t v : samples) {
    const bool audible = std::abs(int{v}) > kAudible;
    const std::uint64_t index = seen_++;
    if (!started_) {
      if (!audible) {
        lead_.push_back(v);
        if (lead_.size() > margin_) lead_.pop_front();
        continue;
      }
      started_ = true;
      begin_ = index - lead_.size();
      for (const std::int16_t q : lead_) put(q);
      lead_.clear();
    } else if (!audible) {
      tail_.push_back(v);
      if (tail_.size() >= max_held_) release_tail();
      continue;
    }
    release_tail();
    put(v);
  }
}

void SentencePlacer::finish() {
  const std::size_t keep = std::min(margin_, tail_.size());
  for (std::size_t i = 0; i < keep; ++i) put(tail_[i]);
  tail_.clear();
}

void SentencePlacer::put(std::int16_t v) {
  chunk_.push_back(static_cast<float>(v) / 32768.0f);
  ++placed_;
}

void SentencePlacer::release_tail() {
  std::size_t from = 0;
  if (tail_.size() >= quiet_to_cut_ && chunk_.size() + tail_.size() > max_chunk_) {
    // The chunk ends at rest; the next starts a margin before the sound.
    for (; from + margin_ < tail_.size(); ++from) put(tail_[from]);
    hand_over_();
  }
  for (; from < tail_.size(); ++from) put(tail_[from]);
  tail_.clear();
}

}  // namespace briefcast
