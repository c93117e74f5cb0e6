#include "support/mp3_reading.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>

#include "support/test_support.hpp"

namespace briefcast::test {

const std::string tiny_png(
    "\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1F\x15\xC4\x89"
    "\0\0\0\x0AIDATx\x9C\x63\0\x01\0\0\x05\0\x01\x0D\x0A\x2D\xB4\0\0\0\0IEND\xAE\x42\x60\x82",
    67);
const std::string jpeg_start("\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xFF\xD9", 22);

std::span<const unsigned char> bytes_of(const std::string& s) {
  return {reinterpret_cast<const unsigned char*>(s.data()), s.size()};
}

std::uint32_t big_endian(const std::string& b, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) v = v << 8 | static_cast<unsigned char>(b.at(at + i));
  return v;
}

std::size_t id3v2_size(const std::string& b) {
  REQUIRE(b.substr(0, 3) == "ID3");
  std::size_t size = 0;
  for (int i = 6; i < 10; ++i) size = size << 7 | (static_cast<unsigned char>(b[i]) & 0x7F);
  return 10 + size + ((static_cast<unsigned char>(b[5]) & 0x10) ? 10 : 0);
}

std::size_t mpeg1_frame_length(const std::string& b, std::size_t at) {
  if (at + 4 > b.size()) return 0;
  const std::uint32_t h = big_endian(b, at, 4);
  if ((h & 0xFFFE0000) != 0xFFFA0000) return 0;  // sync, MPEG-1, Layer III
  static const int kbps[] = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
  static const int hz[] = {44100, 48000, 32000};
  const unsigned bitrate_index = h >> 12 & 0xF, rate_index = h >> 10 & 0x3;
  if (bitrate_index == 0 || bitrate_index == 15 || rate_index == 3) return 0;
  return static_cast<std::size_t>(144000 * kbps[bitrate_index] / hz[rate_index]) + (h >> 9 & 1);
}

std::size_t count_frames(const std::string& b, std::size_t at) {
  std::size_t n = 0;
  while (std::size_t len = mpeg1_frame_length(b, at)) {
    at += len;
    ++n;
  }
  CHECK(at == b.size());  // the walk must end exactly at the end of the file
  return n;
}

InfoFrame read_info_frame(const std::string& b, std::size_t frame_start) {
  // MPEG-1 mono: 4-byte header + 17 bytes side information.
  const std::size_t at = frame_start + 4 + 17;
  InfoFrame info;
  info.marker = b.substr(at, 4);
  const std::uint32_t flags = big_endian(b, at + 4, 4);
  REQUIRE((flags & 1) != 0);
  info.frames = big_endian(b, at + 8, 4);
  const std::size_t lame =
      at + 8 + 4 + ((flags & 2) ? 4 : 0) + ((flags & 4) ? 100 : 0) + ((flags & 8) ? 4 : 0);
  REQUIRE(b.substr(lame, 4) == "LAME");
  const std::uint32_t delay_padding = big_endian(b, lame + 21, 3);
  info.delay = delay_padding >> 12;
  info.padding = delay_padding & 0xFFF;
  return info;
}

Tags titled(const std::string& title) {
  Tags tags;
  tags.title = title;
  return tags;
}

Tags sample_tags() {
  Tags tags;
  tags.title = "Café – news";
  tags.artist = "Zoë Reporter";
  tags.album = "Morning Briefing";
  tags.date = "2026-03-03";
  tags.language = "eng";
  tags.comment = "briefcast 0.1.0";
  return tags;
}

void check_id3v2_text_fields(const ReadTags& read, const Tags& written) {
  CHECK(read.id3_version == 4);
  CHECK(read.tags.title == written.title);
  CHECK(read.tags.artist == written.artist);
  CHECK(read.tags.album == written.album);
  CHECK(read.tags.date == written.date);
  CHECK(read.tags.language == written.language);
  CHECK(read.tags.comment == written.comment);
}

EncodeReport encode_tone_mp3(const std::filesystem::path& path, double freq_hz, double seconds,
                             const Mp3Config& config, const Tags& tags) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  REQUIRE(fd >= 0);
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  auto encoder = open_mp3_encoder(fd, config, tags);
  encoder->write(sine(freq_hz, 0.5, seconds, config.sample_rate_hz));
  return encoder->finish();
}

Mpg123Result mpg123_test(const std::filesystem::path& mp3,
                         const std::filesystem::path& scratch_dir) {
  const std::string cmd =
      "mpg123 -t -q '" + mp3.string() + "' 2>'" + (scratch_dir / "mpg123.err").string() + "'";
  const int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(scratch_dir / "mpg123.err")};
}

}  // namespace briefcast::test
