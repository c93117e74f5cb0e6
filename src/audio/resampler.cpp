#include "audio/resampler.hpp"

#include <soxr.h>

#include <cmath>
#include <string>
#include <type_traits>

#include "base/c_deleter.hpp"
#include "base/error.hpp"

namespace briefcast {

namespace {

using SoxrPtr = std::unique_ptr<std::remove_pointer_t<soxr_t>, CDeleter<soxr_delete>>;

void check(soxr_error_t error) {
  if (error) throw Error(ExitCode::encode, std::string("resampling failed: ") + error);
}

}  // namespace

struct Resampler::Impl {
  SoxrPtr soxr;  // null when the rates are equal
  double ratio = 1.0;
  bool flushed = false;

  // Runs soxr until it has taken all of `in` (or, with in == nullptr, drained its tail) and
  // appends what it produced to `out`.
  void run(const float* in, std::size_t len, std::vector<float>& out) {
    // Sized for the whole expected output so one call usually suffices; the loop covers the rest.
    const std::size_t block = static_cast<std::size_t>(std::ceil(double(len) * ratio)) + 1024;
    std::size_t consumed = 0;
    for (;;) {
      const std::size_t old_size = out.size();
      out.resize(old_size + block);
      std::size_t idone = 0;
      std::size_t odone = 0;
      soxr_error_t error = soxr_process(soxr.get(), in ? in + consumed : nullptr, len - consumed,
                                        &idone, out.data() + old_size, block, &odone);
      out.resize(old_size + odone);
      check(error);
      consumed += idone;
      if (!in) {
        if (odone == 0) return;
      } else if (consumed == len && odone < block) {
        return;
      } else if (idone == 0 && odone == 0) {
        // soxr neither took nor gave anything: looping again could not make progress.
        throw Error(ExitCode::encode, "resampling failed: soxr stalled");
      }
    }
  }
};

Resampler::Resampler(double in_rate_hz, double out_rate_hz) : impl_(std::make_unique<Impl>()) {
  if (!(in_rate_hz > 0) || !(out_rate_hz > 0) || !std::isfinite(in_rate_hz) ||
      !std::isfinite(out_rate_hz))
    throw Error(ExitCode::encode, "resampling failed: invalid sample rates " +
                                      std::to_string(in_rate_hz) + " -> " +
                                      std::to_string(out_rate_hz) + " Hz");
  if (in_rate_hz == out_rate_hz) return;
  impl_->ratio = out_rate_hz / in_rate_hz;
  soxr_error_t error = nullptr;
  const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
  const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
  impl_->soxr.reset(soxr_create(in_rate_hz, out_rate_hz, 1, &error, &io, &quality, nullptr));
  check(error);
  if (!impl_->soxr) throw Error(ExitCode::encode, "resampling failed: cannot create resampler");
}

Resampler::~Resampler() = default;

std::vector<float> Resampler::process(std::span<const float> in) {
  if (!impl_->soxr) return {in.begin(), in.end()};
  if (impl_->flushed) throw Error(ExitCode::encode, "resampling failed: input after flush");
  std::vector<float> out;
  // A null input pointer means end of stream to soxr, so an empty chunk must not reach it.
  if (in.empty()) return out;
  impl_->run(in.data(), in.size(), out);
  return out;
}

std::vector<float> Resampler::flush() {
  std::vector<float> out;
  if (!impl_->soxr || impl_->flushed) return out;
  impl_->flushed = true;
  impl_->run(nullptr, 0, out);
  return out;
}

}  // namespace briefcast
