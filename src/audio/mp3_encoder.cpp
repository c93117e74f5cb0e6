#include "audio/mp3_encoder.hpp"

#include <fcntl.h>
#include <lame/lame.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdarg>
#include <cstring>
#include <string>
#include <vector>

#include "audio/id3_tags.hpp"
#include "base/c_deleter.hpp"
#include "base/error.hpp"
#include "base/fd_write.hpp"

namespace briefcast {

namespace {

using LamePtr = std::unique_ptr<lame_global_flags, CDeleter<lame_close>>;

// Samples handed to LAME per call; keeps the output buffer small and the count within int.
constexpr std::size_t chunk_samples = 8192;
// Worst case per lame.h: 1.25 * num_samples + 7200.
constexpr std::size_t chunk_buffer_bytes = chunk_samples * 5 / 4 + 7200;
// 7200: worst-case flush size, lame.h.
constexpr std::size_t flush_buffer_bytes = 7200;

// LAME prints warnings and errors to stderr by default; the CLI owns stderr and reports failures
// itself, from the checks below.
void silent(const char*, va_list) {}

void check(int lame_result, const std::string& what) {
  if (lame_result < 0) throw Error(ExitCode::encode, "LAME: " + what);
}

LamePtr configure_lame(const Mp3Config& config, bool info_frame) {
  LamePtr lame(lame_init());
  if (!lame) throw Error(ExitCode::encode, "LAME: cannot initialize the encoder");
  lame_global_flags* gfp = lame.get();
  lame_set_errorf(gfp, silent);
  lame_set_debugf(gfp, silent);
  lame_set_msgf(gfp, silent);

  const int rate = static_cast<int>(config.sample_rate_hz);
  const std::string rate_text = std::to_string(config.sample_rate_hz) + " Hz";
  check(lame_set_num_channels(gfp, 1), "cannot set mono input");
  check(lame_set_mode(gfp, MONO), "cannot set mono output");
  check(lame_set_in_samplerate(gfp, rate), "cannot set the input rate " + rate_text);
  check(lame_set_out_samplerate(gfp, rate), rate_text + " is not an MP3 sample rate");
  // lame_set_quality clamps silently; an out-of-range value is the caller's mistake.
  if (config.quality < 0 || config.quality > 9)
    throw Error(ExitCode::encode,
                "LAME: quality " + std::to_string(config.quality) + " is not in 0..9");
  check(lame_set_quality(gfp, config.quality), "cannot set the quality");
  if (config.vbr_quality) {
    const int q = *config.vbr_quality;
    if (q < 0 || q > 9)
      throw Error(ExitCode::encode, "LAME: VBR quality " + std::to_string(q) + " is not in 0..9");
    check(lame_set_VBR(gfp, vbr_mtrh), "cannot select VBR");
    check(lame_set_VBR_quality(gfp, static_cast<float>(q)), "cannot set the VBR quality");
  } else {
    check(lame_set_VBR(gfp, vbr_off), "cannot select CBR");
    check(lame_set_brate(gfp, config.bitrate_kbps),
          "cannot set the bitrate " + std::to_string(config.bitrate_kbps) + " kbps");
  }
  if (config.lowpass_hz > 0.0)
    check(lame_set_lowpassfreq(gfp, static_cast<int>(std::lround(config.lowpass_hz))),
          "cannot set the low-pass");
  lame_set_write_id3tag_automatic(gfp, 0);
  // On a pipe the Info/Xing frame could never be filled in; a placeholder left in the stream
  // makes decoders guess the length from it, so none is written at all.
  check(lame_set_bWriteVbrTag(gfp, info_frame ? 1 : 0), "cannot set the Info/Xing frame");
  check(lame_init_params(gfp), "rejected the settings (" + rate_text + ")");

  // lame_init_params does not fail on a rate or bitrate MP3 lacks: it resamples or picks the
  // nearest bitrate instead, which would silently give the user something else.
  if (lame_get_out_samplerate(gfp) != rate)
    throw Error(ExitCode::encode, "LAME: " + rate_text + " is not an MP3 sample rate");
  if (!config.vbr_quality && lame_get_brate(gfp) != config.bitrate_kbps)
    throw Error(ExitCode::encode, "LAME: " + std::to_string(config.bitrate_kbps) +
                                      " kbps is not an MP3 bitrate at " + rate_text);
  return lame;
}

// pwrite ignores its offset on an O_APPEND descriptor (Linux), so such a file counts as a pipe.
bool is_seekable(int fd) {
  const int flags = ::fcntl(fd, F_GETFL);
  return ::lseek(fd, 0, SEEK_CUR) >= 0 && flags >= 0 && (flags & O_APPEND) == 0;
}

class Mp3Encoder final : public AudioEncoder {
 public:
  Mp3Encoder(int fd, const Mp3Config& config, const Tags& tags)
      : fd_(fd),
        seekable_(is_seekable(fd)),
        lame_(configure_lame(config, seekable_)),
        buffer_(chunk_buffer_bytes) {
    // Rendered before anything is written, so a bad cover leaves the output untouched.
    const std::vector<char> id3 = render_id3v2(tags);
    const off_t start = ::lseek(fd_, 0, SEEK_CUR);
    emit(reinterpret_cast<const unsigned char*>(id3.data()), id3.size());
    info_offset_ = seekable_ ? start + static_cast<off_t>(id3.size()) : 0;
  }

  void write(std::span<const float> samples) override {
    if (!lame_) throw Error(ExitCode::failure, "write after finish");
    while (!samples.empty()) {
      const std::size_t n = std::min(samples.size(), chunk_samples);
      // Mono: LAME reads only the left channel.
      const int written =
          lame_encode_buffer_ieee_float(lame_.get(), samples.data(), nullptr, static_cast<int>(n),
                                        buffer_.data(), static_cast<int>(buffer_.size()));
      if (written < 0)
        throw Error(ExitCode::encode, "LAME: encoding failed (" + std::to_string(written) + ")");
      emit(buffer_.data(), static_cast<std::size_t>(written));
      frames_ += n;
      samples = samples.subspan(n);
    }
  }

  EncodeReport finish() override {
    if (!lame_) throw Error(ExitCode::failure, "finish called twice");
    std::vector<unsigned char> flushed(flush_buffer_bytes);
    const int written =
        lame_encode_flush(lame_.get(), flushed.data(), static_cast<int>(flushed.size()));
    if (written < 0)
      throw Error(ExitCode::encode, "LAME: flushing failed (" + std::to_string(written) + ")");
    emit(flushed.data(), static_cast<std::size_t>(written));

    EncodeReport report;
    report.frames = frames_;
    report.bytes = bytes_;
    if (seekable_) {
      // First call asks for the size, the second copies the frame (lame.h).
      const std::size_t size = lame_get_lametag_frame(lame_.get(), nullptr, 0);
      if (size > 0) {
        std::vector<unsigned char> tag(size);
        if (lame_get_lametag_frame(lame_.get(), tag.data(), tag.size()) != size)
          throw Error(ExitCode::encode, "LAME: cannot build the Info/Xing frame");
        pwrite_fd_all(fd_, tag.data(), tag.size(), info_offset_);
        report.info_frame_written = true;
      }
    }
    lame_.reset();
    return report;
  }

 private:
  void emit(const unsigned char* data, std::size_t size) {
    write_fd_all(fd_, data, size);
    bytes_ += size;
  }

  int fd_;
  bool seekable_;  // declared before lame_: configure_lame needs it
  LamePtr lame_;
  std::vector<unsigned char> buffer_;
  off_t info_offset_ = 0;
  std::uint64_t frames_ = 0;
  std::uint64_t bytes_ = 0;
};

}  // namespace

double mp3_lowpass_hz(const Mp3Config& config) {
  const LamePtr lame = configure_lame(config, false);
  const int hz = lame_get_lowpassfreq(lame.get());
  return hz > 0 ? double(hz) : 0.0;
}

Mp3Config mp3_for_source_rate(Mp3Config config, unsigned source_rate_hz) {
  const double source_band = source_rate_hz / 2.0;
  if (source_rate_hz == 0 || source_rate_hz >= config.sample_rate_hz) return config;
  const double lame_band = mp3_lowpass_hz(config);
  if (lame_band <= 0.0 || lame_band > source_band) config.lowpass_hz = source_band;
  return config;
}

Mp3Segment encode_mp3_segment(const Mp3Config& config, std::span<const std::int16_t> samples,
                              bool info_frame, std::vector<unsigned char> buffer) {
  const LamePtr lame = configure_lame(config, info_frame);
  Mp3Segment segment;
  segment.bytes = std::move(buffer);
  std::vector<unsigned char>& out = segment.bytes;
  out.clear();
  std::size_t used = 0;
  while (true) {
    const std::size_t n = std::min(samples.size(), chunk_samples);
    out.resize(used + (n > 0 ? chunk_buffer_bytes : flush_buffer_bytes));
    const int room = static_cast<int>(out.size() - used);
    const int written = n > 0 ? lame_encode_buffer(lame.get(), samples.data(), nullptr,
                                                   static_cast<int>(n), out.data() + used, room)
                              : lame_encode_flush(lame.get(), out.data() + used, room);
    if (written < 0)
      throw Error(ExitCode::encode, "LAME: encoding failed (" + std::to_string(written) + ")");
    used += static_cast<std::size_t>(written);
    if (n == 0) break;
    samples = samples.subspan(n);
  }
  out.resize(used);
  segment.frames = static_cast<std::uint64_t>(lame_get_frameNum(lame.get()));
  segment.encoder_delay = static_cast<unsigned>(lame_get_encoder_delay(lame.get()));
  segment.encoder_padding = static_cast<unsigned>(lame_get_encoder_padding(lame.get()));
  if (info_frame) {
    // LAME wrote a placeholder of the Info frame's size first: the frame replaces it, and the
    // joined stream gets one of its own.
    // None at all when the frame is too small for it (e.g. 32 kbps at 16 kHz).
    const std::size_t size = lame_get_lametag_frame(lame.get(), nullptr, 0);
    if (size == 0) return segment;
    segment.info_frame.resize(size);
    if (size > out.size() ||
        lame_get_lametag_frame(lame.get(), segment.info_frame.data(), size) != size)
      throw Error(ExitCode::encode, "LAME: cannot build the Info/Xing frame");
    out.erase(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(size));
  }
  return segment;
}

std::unique_ptr<AudioEncoder> open_mp3_encoder(int fd, const Mp3Config& config, const Tags& tags) {
  return std::make_unique<Mp3Encoder>(fd, config, tags);
}

}  // namespace briefcast
