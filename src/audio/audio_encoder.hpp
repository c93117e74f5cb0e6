#pragma once
// Encoders that turn mono float audio (-1..1) into an output file, and the metadata they tag it
// with. The MP3 encoder (LAME + ID3v2.4 via TagLib) lives in mp3_encoder.cpp, the libsndfile
// writer for WAV/FLAC/Ogg Vorbis in sound_file.cpp.
//
// Contract: write() any number of times, then finish() exactly once; finish() can fail and
// throws briefcast::Error. Destroying an encoder without finish() releases everything without
// throwing and leaves the output incomplete (the caller discards it).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>

namespace briefcast {

// Metadata written into the output (ID3v2.4 for MP3, libsndfile strings for the others).
struct Tags {
  std::string title;     // TIT2
  std::string artist;    // TPE1 (--author)
  std::string album;     // TALB
  std::string date;      // TDRC, "YYYY-MM-DD"
  std::string language;  // TLAN, ISO 639-2 ("eng") or the voice's language code
  std::string comment;   // COMM / TSSE: encoder and voice
  std::optional<std::filesystem::path> cover;  // APIC front cover (JPEG or PNG), MP3 only
};

struct EncodeReport {
  std::uint64_t frames = 0;         // samples written (mono)
  std::uint64_t bytes = 0;          // bytes in the output, tags included
  bool info_frame_written = false;  // MP3: LAME/Xing tag written over its placeholder
  std::uint64_t segments = 1;       // MP3: pieces encoded on their own and joined (1: one piece)
};

class AudioEncoder {
 public:
  virtual ~AudioEncoder() = default;
  virtual void write(std::span<const float> samples) = 0;
  virtual EncodeReport finish() = 0;
};

}  // namespace briefcast
