#pragma once
// Episode assembly from cached story MP3s without re-encoding: CBR Layer III streams encoded with
// identical parameters concatenate frame by frame, so an episode is its ID3v2 tag, one new Info
// frame for the whole stream, and every part's audio frames copied byte for byte.
//
// Output layout (all offsets in the report are bytes from the start of the output file):
//   [ID3v2 tag, verbatim]                      id3_bytes
//   [Info frame]                               info_frame_bytes
//   [part 0 audio frames][part 1 audio frames]...
// Each part's own ID3v2/ID3v1/APE tags and its own Xing/Info/VBRI frame are left out.
//
// The Info frame (Xing header with the "Info" marker, as LAME writes for CBR):
//   - MPEG header: the first audio frame's version, rate and channel mode, no padding, no CRC;
//     the stream's bitrate when the frame fits at it, otherwise the smallest bitrate that fits
//     (only at very low bitrates, e.g. MPEG-1 32 kbps at 48 kHz);
//   - side information: zeros;
//   - Xing fields, flags 0x0F: frame count (audio frames of all parts), byte count (Info frame +
//     audio frames, no ID3), 100-entry TOC (byte position of the frame at each 1 % of the
//     frames, counted from the first audio frame, * 256 / audio bytes, as LAME computes it),
//     quality (the first part's, else 0);
//   - LAME extension, written only when the first part has one: its bytes copied, then
//     encoder delay = the first part's delay, padding = the last part's padding (so gapless
//     players trim exactly the silence a single encode would have had at the ends), peak =
//     largest of the parts' peaks when all parts give one (else 0 = unknown), ReplayGain fields
//     cleared (per-part gains do not hold for the whole), music length = byte count, music CRC
//     over all audio frames, tag CRC over the frame up to that field (CRC-16/ARC, as LAME does).
// Between parts, each part's own padding and the next part's delay stay in the stream as silence
// (one encode each: about 25 + 13 ms at 44.1 kHz for LAME's defaults).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace briefcast {

// Where one part landed in the episode.
//
// The timeline is what a gapless player plays: sample 0 is the first sample after the first
// part's encoder delay. A part starts where its own audio starts (after its own encoder delay);
// it ends where the next part starts, so the silence between parts belongs to the earlier part
// and chapters built from these times are contiguous. The last part ends at the duration.
// Parts without a LAME tag count as delay 0 / padding 0.
struct AssembledPart {
  std::filesystem::path path;
  std::uint64_t offset_bytes = 0;  // first byte of the part's audio frames in the output file
  std::uint64_t bytes = 0;         // bytes of its audio frames
  std::uint64_t frames = 0;        // its audio frames
  unsigned encoder_delay = 0;      // samples, from its LAME tag
  unsigned encoder_padding = 0;    // samples, from its LAME tag
  std::uint64_t start_sample = 0;  // on the gapless timeline (per channel)
  std::uint64_t end_sample = 0;
  std::uint32_t start_ms = 0;  // start_sample in milliseconds, rounded to nearest
  std::uint32_t end_ms = 0;
};

struct Mp3Assembly {
  std::vector<AssembledPart> parts;
  std::string format;  // describe() of the stream, e.g. "64 kbps, 44100 Hz, mono, MPEG-1"
  unsigned sample_rate_hz = 0;
  unsigned samples_per_frame = 0;  // 1152 or 576
  std::uint64_t id3_bytes = 0;     // size of the tag written first
  std::uint64_t info_frame_bytes = 0;
  std::uint64_t audio_frames = 0;  // all parts, Info frame excluded (= the Info frame's count)
  std::uint64_t audio_bytes = 0;
  std::uint64_t total_bytes = 0;  // the output file's size
  unsigned encoder_delay = 0;     // written into the LAME extension (first part's)
  unsigned encoder_padding = 0;   // written into the LAME extension (last part's)
  bool lame_extension = false;    // whether the Info frame carries a LAME extension
  std::uint64_t samples = 0;      // playable samples: frames * samples_per_frame - delay - padding
  std::uint32_t duration_ms = 0;  // samples in milliseconds, rounded to nearest
};

// Scans and checks `parts` and computes the report assemble_mp3 would return for a tag of
// `id3_tag_bytes`, writing nothing. Lets a caller put chapter times (which do not depend on the
// tag) into the tag before assembling. Throws like assemble_mp3.
Mp3Assembly plan_mp3_assembly(const std::vector<std::filesystem::path>& parts,
                              std::size_t id3_tag_bytes = 0);

// Writes `id3_tag` (a complete ID3v2 tag, or empty), one Info frame and the audio frames of
// `parts` in order to `out`, through a temporary file renamed into place when complete. Parts are
// only read (they may be shared by other episodes).
//
// Throws, naming the part, before anything is created:
//   Error(ExitCode::input)  a part cannot be read or holds no MP3 frames;
//   Error(ExitCode::encode) a part's frames differ in MPEG version, sample rate, bitrate or
//                           channel mode from each other (not CBR) or from the first part's, or a
//                           part is damaged: bytes that are not whole frames, e.g. a frame cut
//                           short. Damaged parts are refused rather than trimmed, since a
//                           cached part that is not exactly what the encoder wrote should be
//                           encoded again, not published with a hole;
//   Error(ExitCode::encode) no parts, or more than 4 GiB of audio (Xing fields are 32-bit);
// and Error(ExitCode::output) when the output cannot be written or renamed (nothing is left at
// `out` then), Error(ExitCode::interrupted) when SIGINT/SIGTERM arrived (checked between parts).
Mp3Assembly assemble_mp3(const std::vector<std::filesystem::path>& parts,
                         const std::vector<char>& id3_tag, const std::filesystem::path& out);

}  // namespace briefcast
