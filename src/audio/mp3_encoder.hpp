#pragma once
// MP3 encoding with the LAME library, tagged with ID3v2.4 (rendered by id3_tags).
//
// Layout of what is written to the file descriptor: ID3v2.4 tag, then LAME's placeholder
// "Info"/"Xing" frame, then the audio frames. On finish(): lame_encode_flush, then — when the
// descriptor is seekable — lame_get_lametag_frame written back over the placeholder so players
// know the duration and can seek. On a pipe the placeholder stays (report.info_frame_written
// false).

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "audio/audio_encoder.hpp"

namespace briefcast {

struct Mp3Config {
  unsigned sample_rate_hz = 44100;  // input and output rate (no resampling inside LAME)
  int bitrate_kbps = 64;            // CBR bitrate; with vbr set, the VBR maximum is not limited
  std::optional<int> vbr_quality;   // 0 (best) .. 9: VBR instead of CBR when set
  int quality = 5;                  // LAME algorithm quality 0 (best, slow) .. 9 (fast)
  double lowpass_hz = 0.0;          // LAME's low-pass (0: LAME's own for the bitrate)
};

// `fd` stays owned by the caller and must stay open until finish() returns.
// Throws Error(ExitCode::encode) when LAME rejects the settings, Error(ExitCode::output) on
// write failures (with strerror).
std::unique_ptr<AudioEncoder> open_mp3_encoder(int fd, const Mp3Config& config, const Tags& tags);

// The low-pass LAME applies at these settings, Hz (0 when it keeps the whole band): loudness is
// measured on the band the published file keeps. Throws like open_mp3_encoder for bad settings.
double mp3_lowpass_hz(const Mp3Config& config);

// `config` for audio made at `source_rate_hz` and resampled up: the low-pass lowered to the
// source's Nyquist frequency when LAME's own lies above it (eSpeak NG speaks at 22.05 kHz, so a
// 44.1 kHz stream holds nothing above 11.025 kHz: LAME spends neither bits nor a quarter of its
// time on that empty band). Unchanged when the source is not narrower than the output.
Mp3Config mp3_for_source_rate(Mp3Config config, unsigned source_rate_hz);

// One stretch of audio encoded by a LAME encoder of its own, to be joined with others (the joined
// encoder, mp3_joined_encoder.hpp): whole audio frames, no tags, no Info frame in `bytes`.
struct Mp3Segment {
  std::vector<unsigned char> bytes;  // the audio frames
  std::uint64_t frames = 0;          // MP3 frames in `bytes`
  unsigned encoder_delay = 0;        // samples LAME put before the audio
  unsigned encoder_padding = 0;      // samples LAME put after it
  // LAME's Info frame for the segment, when asked for and LAME writes one (not when the frame is
  // too small for it, e.g. 32 kbps at 16 kHz).
  std::vector<unsigned char> info_frame;
};

// Encodes `samples` (mono 16-bit, config.sample_rate_hz) with a fresh encoder, flushed at the end.
// `buffer`'s capacity is reused for `bytes`. Throws like open_mp3_encoder.
Mp3Segment encode_mp3_segment(const Mp3Config& config, std::span<const std::int16_t> samples,
                              bool info_frame, std::vector<unsigned char> buffer = {});

}  // namespace briefcast
