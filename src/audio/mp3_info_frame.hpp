#pragma once
// The Info frame (a Xing header with the "Info" marker, as LAME writes for CBR) of a stream whose
// audio frames come from several encodes joined in order: the episode assembler (story parts
// read from files) and the joined MP3 encoder (segments encoded on several cores) both write one
// such frame for the whole stream.
//
// Frame layout: the MPEG header (the stream's parameters, no padding, no CRC; see
// info_frame_header), zeroed side information, the Xing fields with flags 0x0F (frame count,
// byte count, 100-entry TOC, quality) and, when the first run carries one, the LAME extension:
// its bytes copied, then encoder delay and padding, peak, cleared ReplayGain fields, music length
// and CRC and the tag CRC rewritten for the whole stream (CRC-16/ARC, as LAME does).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audio/mp3_frames.hpp"

namespace briefcast {

// Bytes of the Xing fields after the MPEG header and side information, marker included.
inline constexpr std::size_t kXingFieldBytes = 4 + 4 + 4 + 4 + 100 + 4;
// Bytes of the LAME extension after the Xing fields.
inline constexpr std::size_t kLameExtensionBytes = 36;

// The Info frame's own header: `stream`'s parameters at its bitrate when the Xing fields (and the
// LAME extension, when `lame_extension`) fit, otherwise at the smallest bitrate where they do.
// Throws Error(ExitCode::encode) naming `what` when no bitrate holds them.
Mp3FrameHeader info_frame_header(const Mp3FrameHeader& stream, bool lame_extension,
                                 const std::string& what);

// A run of consecutive audio frames from one encode (frames within a run differ in size by at
// most the padding byte, so the TOC interpolates inside it).
struct AudioRun {
  std::uint64_t bytes = 0;   // bytes of the run's audio frames
  std::uint64_t frames = 0;  // its audio frames
};

struct InfoFrameContent {
  Mp3FrameHeader header;       // from info_frame_header
  std::vector<AudioRun> runs;  // every audio frame of the stream, in order (at least one frame)
  // The first run's own Xing header, when it had one: its quality and LAME extension are kept.
  std::optional<XingHeader> first;
  unsigned encoder_delay = 0;    // samples, written into the LAME extension (the first run's)
  unsigned encoder_padding = 0;  // samples, written into the LAME extension (the last run's)
  std::uint32_t peak_bits = 0;   // LAME's peak field (big-endian float bits), 0 = unknown
  bool keep_mp3gain = true;      // false clears the MP3Gain field (runs disagree on it)
  std::uint16_t music_crc = 0;   // lame_crc16 over all audio frames in order
};

// The frame, header.frame_bytes long. Throws Error(ExitCode::encode) when the stream holds more
// than 4 GiB (the Xing fields are 32-bit) or has no audio frames.
std::vector<unsigned char> render_info_frame(const InfoFrameContent& content);

// The peak field of a LAME extension, as rendered by render_info_frame.
std::uint32_t lame_peak_bits(const LameExtension& lame);
// The MP3Gain byte of a LAME extension.
unsigned char lame_mp3gain_byte(const LameExtension& lame);

}  // namespace briefcast
