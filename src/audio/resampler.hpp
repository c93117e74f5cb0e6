#pragma once
// Streaming sample-rate conversion of mono float audio (libsoxr, high quality).
// Feed any number of chunks with process(), then call flush() once to drain the filter's tail.
// Throws briefcast::Error(ExitCode::encode) with soxr's message when soxr fails.

#include <memory>
#include <span>
#include <vector>

namespace briefcast {

class Resampler {
 public:
  // Rates in Hz. Equal rates make process() a copy and flush() empty.
  Resampler(double in_rate_hz, double out_rate_hz);
  ~Resampler();
  Resampler(const Resampler&) = delete;
  Resampler& operator=(const Resampler&) = delete;

  // Returns the output samples available so far for this input (may be fewer than the ratio
  // implies: the filter holds back a short delay that flush() returns).
  std::vector<float> process(std::span<const float> in);
  // Ends the stream; returns the remaining samples. Call once.
  std::vector<float> flush();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace briefcast
