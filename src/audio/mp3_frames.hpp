#pragma once
// MPEG audio Layer III frames: parsing frame headers, the Xing/"Info" frame with its LAME
// extension, and scanning a whole MP3 file (tags, Info frame, audio frames) without decoding it.
// The episode assembler (mp3_assembler) builds on this; tests use it to check what LAME wrote.
//
// Only Layer III is recognized (MPEG-1, MPEG-2 and the unofficial MPEG-2.5); Layer I/II and
// free-format frames (bitrate index 0) count as "not a frame".

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>

namespace briefcast {

enum class MpegVersion { mpeg1, mpeg2, mpeg25 };
enum class ChannelMode { stereo, joint_stereo, dual_channel, mono };

// The 4-byte header at the start of every frame, decoded.
struct Mp3FrameHeader {
  MpegVersion version = MpegVersion::mpeg1;
  unsigned bitrate_kbps = 0;    // 8..320
  unsigned sample_rate_hz = 0;  // 8000..48000
  bool padding = false;         // one extra byte in this frame
  bool crc_protected = false;   // a 16-bit CRC follows the header
  ChannelMode channel_mode = ChannelMode::stereo;
  std::size_t frame_bytes = 0;      // whole frame, header included
  unsigned samples_per_frame = 0;   // per channel: 1152 (MPEG-1) or 576 (MPEG-2/2.5)
  std::size_t side_info_bytes = 0;  // 9, 17 or 32, after the header (and CRC)
};

// Decodes the header in the first 4 bytes of `bytes`; nullopt when they are not a Layer III frame
// header (no sync, reserved values, free format) or fewer than 4 bytes are given.
std::optional<Mp3FrameHeader> parse_frame_header(std::span<const unsigned char> bytes);

// The 4 header bytes for `header` (no private, copyright or original bits; mode extension 0;
// emphasis none). nullopt when its bitrate or sample rate has no code in its MPEG version.
// frame_bytes, samples_per_frame and side_info_bytes are ignored (they follow from the rest).
std::optional<std::array<unsigned char, 4>> render_frame_header(const Mp3FrameHeader& header);

// Layer III bitrates of `version`, ascending (kbps).
std::span<const unsigned> layer3_bitrates_kbps(MpegVersion version);

// True when two frames can follow each other in one CBR stream: same MPEG version, sample rate,
// bitrate and channel mode (padding, CRC and mode extension may differ).
bool same_stream_parameters(const Mp3FrameHeader& a, const Mp3FrameHeader& b);

// "64 kbps, 44100 Hz, mono, MPEG-1" — for error messages.
std::string describe(const Mp3FrameHeader& header);

// The LAME extension of an Info/Xing frame (LAME's "Info Tag", revision 0/1), 36 bytes after the
// Xing fields. Only what the assembler and tests need is decoded; `raw` keeps all of it.
struct LameExtension {
  std::string encoder;             // 9 bytes, e.g. "LAME3.100"
  unsigned encoder_delay = 0;      // samples the encoder added at the start (12 bits)
  unsigned encoder_padding = 0;    // samples added at the end (12 bits)
  std::uint32_t music_length = 0;  // bytes from the Info frame's first byte to the last audio byte
  std::uint16_t music_crc = 0;     // CRC-16 of the audio frames after the Info frame
  std::uint16_t tag_crc = 0;       // CRC-16 of the Info frame up to this field
  bool tag_crc_valid = false;      // tag_crc matches the frame's bytes
  std::array<unsigned char, 36> raw{};
};

// A Xing header ("Xing" for VBR, "Info" for CBR) in the first frame; it carries no audio.
struct XingHeader {
  std::string marker;                   // "Xing" or "Info"
  std::optional<std::uint32_t> frames;  // audio frames in the stream, this one excluded
  std::optional<std::uint32_t> bytes;   // stream bytes, this frame included, ID3v2 excluded
  bool has_toc = false;
  std::array<unsigned char, 100> toc{};  // seek table: byte position / bytes * 256 at each 1 %
  std::optional<std::uint32_t> quality;  // 0 (best) .. 100
  std::optional<LameExtension> lame;
};

// Looks for a Xing/Info header in `frame` (the whole first frame, header included).
std::optional<XingHeader> parse_xing_header(std::span<const unsigned char> frame,
                                            const Mp3FrameHeader& header);

// CRC-16 as LAME computes it for the Info tag and music CRC fields (polynomial 0x8005,
// reflected, initial value 0: "CRC-16/ARC"). `crc` continues a previous call.
std::uint16_t lame_crc16(std::span<const unsigned char> bytes, std::uint16_t crc = 0);

// What scan_mp3 found in a file. Offsets are bytes from the start of the file.
struct Mp3StreamInfo {
  std::uint64_t file_bytes = 0;
  std::uint64_t id3v2_bytes = 0;         // leading ID3v2 tag(s), header and footer included
  std::uint64_t trailing_tag_bytes = 0;  // ID3v1 ("TAG", 128 bytes) and APEv2 at the end
  std::uint64_t skipped_bytes = 0;       // junk between the ID3v2 tag and the first frame
  std::optional<XingHeader> info;        // the Xing/Info frame, when the first frame is one
  std::uint64_t info_offset = 0;         // where that frame starts (meaningful when info is set)
  std::uint64_t info_bytes = 0;          // its length (0 without one)
  bool vbri = false;                     // the first frame is a Fraunhofer VBRI frame (skipped)
  std::uint64_t audio_offset = 0;        // first audio frame
  std::uint64_t audio_bytes = 0;         // whole audio frames, contiguous from audio_offset
  std::uint64_t audio_frames = 0;
  Mp3FrameHeader first;             // header of the first audio frame
  bool constant_parameters = true;  // every audio frame has first's stream parameters (CBR)
  // Bytes between the last whole frame and the trailing tags that are not whole frames: a frame
  // cut short (truncated file) or garbage. Scanning stops at the first such byte.
  std::uint64_t unparsed_offset = 0;
  std::uint64_t unparsed_bytes = 0;

  // Samples per channel in the audio frames, before any gapless trimming.
  std::uint64_t samples() const { return audio_frames * first.samples_per_frame; }
  // What a gapless player plays: samples() minus the LAME tag's delay and padding (when known).
  std::uint64_t playable_samples() const;
  double seconds() const;  // playable_samples() / sample rate; 0 without frames
};

// Scans `path`. Throws Error(ExitCode::input) naming the file when it cannot be read or holds no
// Layer III frame at all. Damage after the first frame does not throw: it is reported in
// unparsed_offset/unparsed_bytes (and constant_parameters for mixed frames).
Mp3StreamInfo scan_mp3(const std::filesystem::path& path);
// The same on an open file descriptor (read with pread; its offset is left alone). `name` is used
// in error messages.
Mp3StreamInfo scan_mp3_fd(int fd, const std::filesystem::path& name);

}  // namespace briefcast
