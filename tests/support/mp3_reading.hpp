#pragma once
// Reading MP3 files byte by byte in the tests, independently of src/audio/mp3_frames: the ID3v2
// tag size, MPEG-1 Layer III frame lengths, LAME's Info/Xing frame; MP3 parts encoded with the
// project's encoder; mpg123's verdict on a file; small cover images for ID3 tags.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "audio/id3_tags.hpp"
#include "audio/mp3_encoder.hpp"

namespace briefcast::test {

// A valid 1x1 PNG (IHDR, IDAT, IEND with correct CRCs), 67 bytes.
extern const std::string tiny_png;
// The start of a JFIF file (22 bytes): all a JPEG signature check needs.
extern const std::string jpeg_start;

// The bytes of `s`, for the functions that take unsigned bytes.
std::span<const unsigned char> bytes_of(const std::string& s);

// The unsigned big-endian number of `bytes` (1-4) bytes at `at`.
std::uint32_t big_endian(const std::string& b, std::size_t at, int bytes);

// Size of the ID3v2 tag at the start of `b`: 10-byte header + syncsafe size (+ 10-byte footer).
// The test fails unless `b` starts with "ID3".
std::size_t id3v2_size(const std::string& b);

// Length of the MPEG-1 Layer III frame whose header starts at `at`, 0 when there is none.
std::size_t mpeg1_frame_length(const std::string& b, std::size_t at);

// The number of MPEG-1 Layer III frames from `at` on; CHECKs that the walk ends exactly at the
// end of `b`.
std::size_t count_frames(const std::string& b, std::size_t at);

// What the LAME tag in an MPEG-1 mono frame says about the stream.
struct InfoFrame {
  std::string marker;        // "Info" (CBR) or "Xing" (VBR)
  std::uint32_t frames = 0;  // audio frames after this one
  unsigned delay = 0;        // encoder delay, samples
  unsigned padding = 0;      // padding at the end, samples
};
// Reads the Info/Xing frame starting at `frame_start`; the test fails unless it has a frame
// count and a LAME extension.
InfoFrame read_info_frame(const std::string& b, std::size_t frame_start);

// Tags with only a title.
Tags titled(const std::string& title);

// Every text field set, with characters outside ASCII: title "Café – news", artist "Zoë
// Reporter", album "Morning Briefing", date "2026-03-03", language "eng", comment
// "briefcast 0.1.0"; no cover.
Tags sample_tags();

// CHECKs that `read` is an ID3v2.4 tag holding each text field of `written`.
void check_id3v2_text_fields(const ReadTags& read, const Tags& written);

// Encodes `seconds` of a sine tone (`freq_hz`, amplitude 0.5, at config.sample_rate_hz) to
// `path` with the project's MP3 encoder and `tags`; returns the encoder's report.
EncodeReport encode_tone_mp3(const std::filesystem::path& path, double freq_hz, double seconds,
                             const Mp3Config& config = {}, const Tags& tags = {});

// `mpg123 -t -q FILE`: decodes the whole file without output; complaints go to `err` (written
// through a file in `scratch_dir`).
struct Mpg123Result {
  int exit_code;
  std::string err;
};
Mpg123Result mpg123_test(const std::filesystem::path& mp3,
                         const std::filesystem::path& scratch_dir);

}  // namespace briefcast::test
