#pragma once
// Sound files through libsndfile: WAV/FLAC/Ogg Vorbis writing, and reading any format libsndfile
// knows (MP3 included, via its mpg123 backend) for verification.

#include <filesystem>
#include <memory>
#include <vector>

#include "audio/audio_encoder.hpp"

namespace briefcast {

enum class SoundFormat { wav, flac, ogg, opus };

// Writes mono audio at `sample_rate_hz` to `path` (16-bit PCM for WAV/FLAC, Vorbis quality 0.4 for
// Ogg, Ogg Opus at libsndfile's default bitrate for opus — Opus takes only 8, 12, 16, 24 or
// 48 kHz: another rate is refused by libsndfile and thrown as below). Tags go into the file's
// string chunk/comments. Throws Error(ExitCode::output) with sf_strerror and the path when the file
// cannot be created or written; messages name `shown_as` instead when it is not empty (the
// user's file, when `path` is the hidden temporary file renamed over it at the end).
std::unique_ptr<AudioEncoder> open_sound_file_writer(const std::filesystem::path& path,
                                                     SoundFormat format, unsigned sample_rate_hz,
                                                     const Tags& tags,
                                                     const std::filesystem::path& shown_as = {});

struct DecodedAudio {
  std::vector<float> samples;  // interleaved when channels > 1
  unsigned sample_rate_hz = 0;
  unsigned channels = 0;
  std::size_t frames() const { return channels ? samples.size() / channels : 0; }
  double seconds() const { return sample_rate_hz ? double(frames()) / sample_rate_hz : 0.0; }
};

// Decodes a whole file. Throws Error(ExitCode::input) with sf_strerror and the path.
DecodedAudio read_sound_file(const std::filesystem::path& path);

// Like read_sound_file, but only returns the header's rate, channels and frame count
// (samples left empty, frame count in `header_frames`).
struct SoundFileInfo {
  unsigned sample_rate_hz = 0;
  unsigned channels = 0;
  long long header_frames = 0;
  int format = 0;  // libsndfile SF_FORMAT_* bits
};
SoundFileInfo probe_sound_file(const std::filesystem::path& path);

}  // namespace briefcast
