#include "audio/mp3_info_frame.hpp"

#include <algorithm>
#include <cstring>

#include "base/error.hpp"

namespace briefcast {

namespace {

// Offsets inside the LAME extension (LAME's "Info Tag" rev 1 layout).
constexpr std::size_t lame_peak = 11, lame_radio_gain = 15, lame_audiophile_gain = 17,
                      lame_delay_padding = 21, lame_mp3gain = 25, lame_music_length = 28,
                      lame_music_crc = 32, lame_tag_crc = 34;

void put_big_endian(std::vector<unsigned char>& b, std::size_t at, std::uint32_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i, v >>= 8) b[at + static_cast<std::size_t>(i)] = v & 0xFF;
}

}  // namespace

Mp3FrameHeader info_frame_header(const Mp3FrameHeader& stream, bool lame_extension,
                                 const std::string& what) {
  const std::size_t payload = kXingFieldBytes + (lame_extension ? kLameExtensionBytes : 0);
  Mp3FrameHeader h = stream;
  h.padding = false;
  h.crc_protected = false;
  for (unsigned kbps : layer3_bitrates_kbps(stream.version)) {
    if (kbps < stream.bitrate_kbps) continue;
    h.bitrate_kbps = kbps;
    const auto bytes = render_frame_header(h);
    const auto parsed = bytes ? parse_frame_header(*bytes) : std::nullopt;
    if (parsed && parsed->frame_bytes >= 4 + parsed->side_info_bytes + payload) return *parsed;
  }
  throw Error(ExitCode::encode,
              what + ": no MP3 frame at " + describe(stream) + " holds an Info frame");
}

std::uint32_t lame_peak_bits(const LameExtension& lame) {
  return std::uint32_t{lame.raw[lame_peak]} << 24 | std::uint32_t{lame.raw[lame_peak + 1]} << 16 |
         std::uint32_t{lame.raw[lame_peak + 2]} << 8 | lame.raw[lame_peak + 3];
}

unsigned char lame_mp3gain_byte(const LameExtension& lame) { return lame.raw[lame_mp3gain]; }

std::vector<unsigned char> render_info_frame(const InfoFrameContent& c) {
  std::uint64_t audio_frames = 0, audio_bytes = 0;
  for (const AudioRun& run : c.runs) {
    audio_frames += run.frames;
    audio_bytes += run.bytes;
  }
  if (audio_frames == 0) throw Error(ExitCode::encode, "no MP3 audio frames for the Info frame");
  const std::uint64_t stream_bytes = c.header.frame_bytes + audio_bytes;
  if (stream_bytes > 0xFFFFFFFF)
    throw Error(ExitCode::encode, "MP3 stream of more than 4 GiB, too much for one Info frame");

  std::vector<unsigned char> frame(c.header.frame_bytes, 0);
  const auto header = render_frame_header(c.header);
  if (!header) throw Error(ExitCode::encode, "no MP3 header for " + describe(c.header));
  std::copy(header->begin(), header->end(), frame.begin());

  std::size_t at = 4 + c.header.side_info_bytes;
  std::memcpy(frame.data() + at, "Info", 4);
  put_big_endian(frame, at + 4, 0x0F, 4);  // frames, bytes, TOC, quality
  put_big_endian(frame, at + 8, static_cast<std::uint32_t>(audio_frames), 4);
  put_big_endian(frame, at + 12, static_cast<std::uint32_t>(stream_bytes), 4);
  // TOC: where the frame at each whole percent starts, in 1/256 of the audio frames' bytes.
  // Like LAME, positions count from the first audio frame (entry 0 is 0); the Info frame in the
  // byte count makes seeking land at most one frame early, where decoders resync.
  std::size_t run = 0;
  std::uint64_t run_first_frame = 0, run_offset = 0;
  for (std::uint64_t i = 0; i < 100; ++i) {
    const std::uint64_t frame_index = i * audio_frames / 100;
    while (frame_index >= run_first_frame + c.runs[run].frames) {
      run_first_frame += c.runs[run].frames;
      run_offset += c.runs[run++].bytes;
    }
    const AudioRun& r = c.runs[run];
    // Within a run frames differ by at most the padding byte: interpolate.
    const std::uint64_t position =
        run_offset + (frame_index - run_first_frame) * r.bytes / r.frames;
    frame[at + 16 + i] =
        static_cast<unsigned char>(std::min<std::uint64_t>(255, position * 256 / audio_bytes));
  }
  put_big_endian(frame, at + 116, c.first && c.first->quality ? *c.first->quality : 0, 4);
  at += kXingFieldBytes;

  if (c.first && c.first->lame) {
    const LameExtension& source = *c.first->lame;
    std::copy(source.raw.begin(), source.raw.end(),
              frame.begin() + static_cast<std::ptrdiff_t>(at));
    put_big_endian(frame, at + lame_peak, c.peak_bits, 4);
    put_big_endian(frame, at + lame_radio_gain, 0, 2);
    put_big_endian(frame, at + lame_audiophile_gain, 0, 2);
    put_big_endian(frame, at + lame_delay_padding,
                   std::uint32_t{c.encoder_delay} << 12 | c.encoder_padding, 3);
    if (!c.keep_mp3gain) frame[at + lame_mp3gain] = 0;
    put_big_endian(frame, at + lame_music_length, static_cast<std::uint32_t>(stream_bytes), 4);
    put_big_endian(frame, at + lame_music_crc, c.music_crc, 2);
    const std::uint16_t tag_crc =
        lame_crc16(std::span<const unsigned char>(frame).first(at + lame_tag_crc));
    put_big_endian(frame, at + lame_tag_crc, tag_crc, 2);
  }
  return frame;
}

}  // namespace briefcast
