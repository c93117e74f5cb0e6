#pragma once
// MP3 encoding with the LAME library, tagged with ID3v2.4 (rendered by id3_tags).
//
// Layout of what is written to the file descriptor: ID3v2.4 tag, then LAME's placeholder
// "Info"/"Xing" frame, then the audio frames. On finish(): lame_encode_flush, then — when the
// descriptor is seekable — lame_get_lametag_frame written back over the placeholder so players
// know the duration and can seek. On a pipe the placeholder stays (report.info_frame_written
// false).

#include <memory>

#include "audio/audio_encoder.hpp"

namespace briefcast {

struct Mp3Config {
  unsigned sample_rate_hz = 44100;  // input and output rate (no resampling inside LAME)
  int bitrate_kbps = 64;            // CBR bitrate; with vbr set, the VBR maximum is not limited
  std::optional<int> vbr_quality;   // 0 (best) .. 9: VBR instead of CBR when set
  int quality = 5;                  // LAME algorithm quality 0 (best, slow) .. 9 (fast)
};

// `fd` stays owned by the caller and must stay open until finish() returns.
// Throws Error(ExitCode::encode) when LAME rejects the settings, Error(ExitCode::output) on
// write failures (with strerror).
std::unique_ptr<AudioEncoder> open_mp3_encoder(int fd, const Mp3Config& config, const Tags& tags);

// The low-pass LAME applies at these settings, Hz (0 when it keeps the whole band): loudness is
// measured on the band the published file keeps. Throws like open_mp3_encoder for bad settings.
double mp3_lowpass_hz(const Mp3Config& config);

}  // namespace briefcast
