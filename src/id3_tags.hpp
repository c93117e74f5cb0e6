#pragma once
// ID3v2.4 tags through TagLib: rendering a tag to prepend to an MP3 stream, and reading tags back.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "audio_encoder.hpp"

namespace briefcast {

// Renders a complete ID3v2.4 tag (header included) for `tags`: TIT2, TPE1, TALB, TDRC, TLAN, COMM,
// TSSE and, when tags.cover is set, APIC (type 3, front cover; MIME from the file's signature).
// Throws Error(ExitCode::input) when the cover file cannot be read or is not JPEG/PNG.
std::vector<char> render_id3v2(const Tags& tags);

// Reads the ID3v2 tag of an MP3 file. `has_cover` is true when an APIC frame is present.
struct ReadTags {
  Tags tags;
  bool has_cover = false;
  unsigned id3_version = 0;  // 4 for ID3v2.4, 0 when no tag
};
ReadTags read_id3v2(const std::filesystem::path& mp3);

}  // namespace briefcast
