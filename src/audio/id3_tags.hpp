#pragma once
// ID3v2.4 tags through TagLib: rendering a tag to prepend to an MP3 stream, and reading tags back.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "audio/audio_encoder.hpp"

namespace briefcast {
// The largest cover image read (10 MB): covers are regular files no larger.
inline constexpr std::size_t kMaxCoverBytes = 10 * 1000 * 1000;
}  // namespace briefcast

namespace briefcast {

// One chapter of an episode (id3.org "ID3v2 Id3Chapter Frame Addendum" 1.0).
struct Id3Chapter {
  std::string title;           // TIT2 inside the CHAP frame (UTF-8); none when empty
  std::string url;             // WXXX inside the CHAP frame when not empty; bytes outside
                               // printable ASCII are percent-encoded (URL frames are Latin-1)
  std::uint32_t start_ms = 0;  // from the start of the audio
  std::uint32_t end_ms = 0;    // >= start_ms
};

// Renders a complete ID3v2.4 tag (header included) for `tags`: TIT2, TPE1, TALB, TDRC, TLAN, COMM,
// TSSE and, when tags.cover is set, APIC (type 3, front cover; MIME from the file's signature).
// Throws Error(ExitCode::input) when the cover file cannot be read, is not a regular file of at
// most kMaxCoverBytes, or is not JPEG/PNG.
std::vector<char> render_id3v2(const Tags& tags);

// The same plus, when `chapters` is not empty, a CTOC frame (element ID "toc", flags top-level +
// ordered, children "chp0", "chp1", ... in the given order) and one CHAP frame per chapter
// (element ID "chp<N>", start/end in ms, start/end byte offsets 0xFFFFFFFF = unused) with TIT2 and
// WXXX sub-frames. Throws Error(ExitCode::encode) for more than 255 chapters (CTOC's entry count
// is one byte) or a chapter that ends before it starts.
std::vector<char> render_id3v2(const Tags& tags, const std::vector<Id3Chapter>& chapters);

// Reads the ID3v2 tag of an MP3 file. `has_cover` is true when an APIC frame is present.
// `chapters` follow the top-level CTOC's order (CHAP frames it does not list are left out); without
// a CTOC, every CHAP frame in start-time order.
struct ReadTags {
  Tags tags;
  bool has_cover = false;
  unsigned id3_version = 0;  // 4 for ID3v2.4, 0 when no tag
  std::vector<Id3Chapter> chapters;
};
ReadTags read_id3v2(const std::filesystem::path& mp3);

}  // namespace briefcast
