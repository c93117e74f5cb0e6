#include "audio/mp3_frames.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <vector>

#include "base/error.hpp"
#include "base/strings.hpp"

namespace briefcast {

namespace {

// Layer III bitrates by index (0 = free format, 15 = invalid), ISO 11172-3 and 13818-3.
constexpr unsigned mpeg1_kbps[16] = {0,   32,  40,  48,  56,  64,  80,  96,
                                     112, 128, 160, 192, 224, 256, 320, 0};
constexpr unsigned mpeg2_kbps[16] = {0,  8,  16, 24,  32,  40,  48,  56,
                                     64, 80, 96, 112, 128, 144, 160, 0};
constexpr unsigned mpeg1_hz[3] = {44100, 48000, 32000};

std::uint32_t big_endian(std::span<const unsigned char> b, std::size_t at, std::size_t n) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v = v << 8 | b[at + i];
  return v;
}

std::uint32_t little_endian32(std::span<const unsigned char> b, std::size_t at) {
  return std::uint32_t{b[at]} | std::uint32_t{b[at + 1]} << 8 | std::uint32_t{b[at + 2]} << 16 |
         std::uint32_t{b[at + 3]} << 24;
}

bool has_text(std::span<const unsigned char> b, std::size_t at, const char* text) {
  const std::size_t n = std::strlen(text);
  return at + n <= b.size() && std::memcmp(b.data() + at, text, n) == 0;
}

// Reads a file through pread in blocks; frames and tag headers are small, so a window of 64 KiB
// serves every request without holding the file in memory.
class BlockReader {
 public:
  BlockReader(int fd, std::uint64_t size, const std::filesystem::path& name)
      : fd_(fd), size_(size), name_(name), buffer_(block_bytes) {}

  // Up to `n` bytes at `offset` (fewer at the end of the file). Valid until the next call.
  std::span<const unsigned char> at(std::uint64_t offset, std::size_t n) {
    if (offset >= size_) return {};
    n = static_cast<std::size_t>(std::min<std::uint64_t>(n, size_ - offset));
    if (offset < start_ || offset + n > start_ + length_) fill(offset);
    return std::span<const unsigned char>(buffer_).subspan(
        static_cast<std::size_t>(offset - start_), n);
  }

 private:
  static constexpr std::size_t block_bytes = 65536;

  void fill(std::uint64_t offset) {
    start_ = offset;
    length_ = 0;
    const std::size_t want =
        static_cast<std::size_t>(std::min<std::uint64_t>(block_bytes, size_ - offset));
    while (length_ < want) {
      const ssize_t n = ::pread(fd_, buffer_.data() + length_, want - length_,
                                static_cast<off_t>(offset + length_));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0)
        throw Error(ExitCode::input, quoted(name_) + ": cannot read: " + std::strerror(errno));
      if (n == 0) throw Error(ExitCode::input, quoted(name_) + ": file shrank while being read");
      length_ += static_cast<std::size_t>(n);
    }
  }

  int fd_;
  std::uint64_t size_;
  const std::filesystem::path& name_;
  std::vector<unsigned char> buffer_;
  std::uint64_t start_ = 0;
  std::size_t length_ = 0;
};

// Size of an ID3v2 tag starting at `b`, 0 when there is none: 10-byte header, syncsafe size,
// 10-byte footer when flag 0x10 is set.
std::uint64_t id3v2_size(std::span<const unsigned char> b) {
  if (b.size() < 10 || !has_text(b, 0, "ID3") || b[3] == 0xFF || b[4] == 0xFF) return 0;
  std::uint64_t size = 0;
  for (std::size_t i = 6; i < 10; ++i) {
    if (b[i] & 0x80) return 0;
    size = size << 7 | b[i];
  }
  return 10 + size + ((b[5] & 0x10) ? 10 : 0);
}

bool plausible_encoder(std::span<const unsigned char> b) {
  for (std::size_t i = 0; i < 4; ++i)
    if (!std::isalnum(b[i])) return false;
  for (std::size_t i = 4; i < 9; ++i)
    if (b[i] != 0 && (b[i] < 0x20 || b[i] > 0x7E)) return false;
  return true;
}

}  // namespace

std::optional<Mp3FrameHeader> parse_frame_header(std::span<const unsigned char> b) {
  if (b.size() < 4) return std::nullopt;
  const std::uint32_t h = big_endian(b, 0, 4);
  if ((h & 0xFFE00000) != 0xFFE00000) return std::nullopt;  // 11 sync bits
  const unsigned version_bits = h >> 19 & 3, layer_bits = h >> 17 & 3;
  const unsigned bitrate_index = h >> 12 & 0xF, rate_index = h >> 10 & 3;
  if (version_bits == 1 || layer_bits != 1) return std::nullopt;  // reserved version; not Layer III
  if (bitrate_index == 0 || bitrate_index == 15 || rate_index == 3) return std::nullopt;
  if ((h & 3) == 2) return std::nullopt;  // reserved emphasis

  Mp3FrameHeader f;
  f.version = version_bits == 3   ? MpegVersion::mpeg1
              : version_bits == 2 ? MpegVersion::mpeg2
                                  : MpegVersion::mpeg25;
  const bool mpeg1 = f.version == MpegVersion::mpeg1;
  f.bitrate_kbps = mpeg1 ? mpeg1_kbps[bitrate_index] : mpeg2_kbps[bitrate_index];
  const unsigned divisor = mpeg1 ? 1 : f.version == MpegVersion::mpeg2 ? 2 : 4;
  f.sample_rate_hz = mpeg1_hz[rate_index] / divisor;
  f.crc_protected = (h >> 16 & 1) == 0;
  f.padding = (h >> 9 & 1) != 0;
  f.channel_mode = static_cast<ChannelMode>(h >> 6 & 3);
  f.samples_per_frame = mpeg1 ? 1152 : 576;
  // bytes = samples/8 * bitrate / rate (+ one padding byte): 144 or 72 * bitrate / rate.
  f.frame_bytes =
      (f.samples_per_frame / 8) * f.bitrate_kbps * 1000 / f.sample_rate_hz + (f.padding ? 1 : 0);
  const bool mono = f.channel_mode == ChannelMode::mono;
  f.side_info_bytes = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
  return f;
}

std::optional<std::array<unsigned char, 4>> render_frame_header(const Mp3FrameHeader& f) {
  const bool mpeg1 = f.version == MpegVersion::mpeg1;
  const unsigned* kbps = mpeg1 ? mpeg1_kbps : mpeg2_kbps;
  const unsigned divisor = mpeg1 ? 1 : f.version == MpegVersion::mpeg2 ? 2 : 4;
  unsigned bitrate_index = 0, rate_index = 0;
  while (bitrate_index < 15 && !(bitrate_index > 0 && kbps[bitrate_index] == f.bitrate_kbps))
    ++bitrate_index;
  while (rate_index < 3 && mpeg1_hz[rate_index] / divisor != f.sample_rate_hz) ++rate_index;
  if (bitrate_index == 15 || rate_index == 3) return std::nullopt;
  const unsigned version_bits = mpeg1 ? 3 : f.version == MpegVersion::mpeg2 ? 2 : 0;
  const std::uint32_t h = 0xFFE00000u | version_bits << 19 | 1u << 17 |
                          (f.crc_protected ? 0u : 1u) << 16 | bitrate_index << 12 |
                          rate_index << 10 | (f.padding ? 1u : 0u) << 9 |
                          static_cast<unsigned>(f.channel_mode) << 6;
  return std::array<unsigned char, 4>{
      static_cast<unsigned char>(h >> 24), static_cast<unsigned char>(h >> 16),
      static_cast<unsigned char>(h >> 8), static_cast<unsigned char>(h)};
}

std::span<const unsigned> layer3_bitrates_kbps(MpegVersion version) {
  return std::span<const unsigned>(version == MpegVersion::mpeg1 ? mpeg1_kbps : mpeg2_kbps)
      .subspan(1, 14);
}

bool same_stream_parameters(const Mp3FrameHeader& a, const Mp3FrameHeader& b) {
  return a.version == b.version && a.sample_rate_hz == b.sample_rate_hz &&
         a.bitrate_kbps == b.bitrate_kbps && a.channel_mode == b.channel_mode;
}

std::string describe(const Mp3FrameHeader& h) {
  static const char* modes[] = {"stereo", "joint stereo", "dual channel", "mono"};
  static const char* versions[] = {"MPEG-1", "MPEG-2", "MPEG-2.5"};
  return std::to_string(h.bitrate_kbps) + " kbps, " + std::to_string(h.sample_rate_hz) + " Hz, " +
         modes[static_cast<int>(h.channel_mode)] + ", " + versions[static_cast<int>(h.version)];
}

namespace {
// One byte's worth of the bitwise CRC at a time (the music CRC runs over every audio byte).
constexpr std::array<std::uint16_t, 256> kCrc16Table = [] {
  std::array<std::uint16_t, 256> t{};
  for (unsigned i = 0; i < 256; ++i) {
    unsigned crc = i;
    for (int bit = 0; bit < 8; ++bit) crc = (crc & 1) ? (crc >> 1) ^ 0xA001 : crc >> 1;
    t[i] = static_cast<std::uint16_t>(crc);
  }
  return t;
}();
}  // namespace

std::uint16_t lame_crc16(std::span<const unsigned char> bytes, std::uint16_t crc) {
  for (unsigned char byte : bytes)
    crc = static_cast<std::uint16_t>((crc >> 8) ^ kCrc16Table[(crc ^ byte) & 0xFF]);
  return crc;
}

std::optional<XingHeader> parse_xing_header(std::span<const unsigned char> frame,
                                            const Mp3FrameHeader& header) {
  std::size_t at = 4 + (header.crc_protected ? 2 : 0) + header.side_info_bytes;
  if (at + 8 > frame.size()) return std::nullopt;
  if (!has_text(frame, at, "Xing") && !has_text(frame, at, "Info")) return std::nullopt;
  XingHeader x;
  x.marker.assign(reinterpret_cast<const char*>(frame.data() + at), 4);
  const std::uint32_t flags = big_endian(frame, at + 4, 4);
  at += 8;
  auto field = [&](std::uint32_t flag) -> std::optional<std::uint32_t> {
    if (!(flags & flag) || at + 4 > frame.size()) return std::nullopt;
    at += 4;
    return big_endian(frame, at - 4, 4);
  };
  x.frames = field(1);
  x.bytes = field(2);
  if ((flags & 4) && at + 100 <= frame.size()) {
    x.has_toc = true;
    std::copy_n(frame.begin() + static_cast<std::ptrdiff_t>(at), 100, x.toc.begin());
    at += 100;
  }
  x.quality = field(8);
  if (at + 36 <= frame.size() && plausible_encoder(frame.subspan(at, 9))) {
    LameExtension lame;
    std::copy_n(frame.begin() + static_cast<std::ptrdiff_t>(at), 36, lame.raw.begin());
    std::size_t end = 9;
    while (end > 0 && lame.raw[end - 1] == 0) --end;
    lame.encoder.assign(reinterpret_cast<const char*>(lame.raw.data()), end);
    const std::uint32_t delay_padding = big_endian(lame.raw, 21, 3);
    lame.encoder_delay = delay_padding >> 12;
    lame.encoder_padding = delay_padding & 0xFFF;
    lame.music_length = big_endian(lame.raw, 28, 4);
    lame.music_crc = static_cast<std::uint16_t>(big_endian(lame.raw, 32, 2));
    lame.tag_crc = static_cast<std::uint16_t>(big_endian(lame.raw, 34, 2));
    lame.tag_crc_valid = lame_crc16(frame.first(at + 34)) == lame.tag_crc;
    x.lame = lame;
  }
  return x;
}

std::uint64_t Mp3StreamInfo::playable_samples() const {
  std::uint64_t trim = 0;
  if (info && info->lame) trim = info->lame->encoder_delay + info->lame->encoder_padding;
  return samples() > trim ? samples() - trim : 0;
}

double Mp3StreamInfo::seconds() const {
  return first.sample_rate_hz ? double(playable_samples()) / first.sample_rate_hz : 0.0;
}

Mp3StreamInfo scan_mp3_fd(int fd, const std::filesystem::path& name) {
  struct stat st {};
  if (::fstat(fd, &st) != 0)
    throw Error(ExitCode::input, quoted(name) + ": cannot read: " + std::strerror(errno));
  Mp3StreamInfo info;
  info.file_bytes = static_cast<std::uint64_t>(st.st_size);
  BlockReader reader(fd, info.file_bytes, name);

  std::uint64_t pos = 0;
  while (const std::uint64_t tag = id3v2_size(reader.at(pos, 10))) pos += tag;
  pos = std::min(pos, info.file_bytes);
  info.id3v2_bytes = pos;

  std::uint64_t end = info.file_bytes;
  if (end - pos >= 128 && has_text(reader.at(end - 128, 3), 0, "TAG")) end -= 128;
  if (end - pos >= 32) {
    const auto footer = reader.at(end - 32, 32);
    if (has_text(footer, 0, "APETAGEX")) {
      // Size counts items and footer; bit 31 of the flags announces a 32-byte header too.
      const std::uint64_t size = std::uint64_t{little_endian32(footer, 12)} +
                                 ((little_endian32(footer, 20) >> 31) ? 32 : 0);
      if (size <= end - pos) end -= size;
    }
  }
  info.trailing_tag_bytes = info.file_bytes - end;

  // The first frame: a header whose successor is a header too (or the end), so that a stray
  // 0xFF in junk after the tag is not taken for audio.
  auto header_at = [&](std::uint64_t at) { return parse_frame_header(reader.at(at, 4)); };
  std::optional<Mp3FrameHeader> first;
  const std::uint64_t search_end = std::min(end, pos + 65536);
  for (std::uint64_t at = pos; at < search_end; ++at) {
    first = header_at(at);
    if (!first) continue;
    const std::uint64_t next = at + first->frame_bytes;
    if (next == end || (next < end && header_at(next))) {
      info.skipped_bytes = at - pos;
      pos = at;
      break;
    }
    first.reset();
  }
  if (!first) throw Error(ExitCode::input, quoted(name) + ": no MP3 audio frames found");

  info.first = *first;
  if (pos + first->frame_bytes <= end) {
    const auto frame = reader.at(pos, first->frame_bytes);
    const std::size_t vbri_at = 4 + 32;
    if ((info.info = parse_xing_header(frame, *first))) {
      info.info_offset = pos;
      info.info_bytes = first->frame_bytes;
      pos += first->frame_bytes;
    } else if (has_text(frame, vbri_at, "VBRI")) {
      info.vbri = true;
      pos += first->frame_bytes;
    }
  }

  info.audio_offset = pos;
  bool have_audio_header = false;
  while (pos < end) {
    const auto h = header_at(pos);
    if (!h || h->frame_bytes > end - pos) {
      info.unparsed_offset = pos;
      info.unparsed_bytes = end - pos;
      break;
    }
    if (!have_audio_header) {
      info.first = *h;
      have_audio_header = true;
    } else if (!same_stream_parameters(info.first, *h)) {
      info.constant_parameters = false;
    }
    ++info.audio_frames;
    info.audio_bytes += h->frame_bytes;
    pos += h->frame_bytes;
  }
  return info;
}

Mp3StreamInfo scan_mp3(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(ExitCode::input, quoted(path) + ": cannot open: " + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  return scan_mp3_fd(fd, path);
}

}  // namespace briefcast
