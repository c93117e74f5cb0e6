#include "audio/mp3_encoder.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <thread>

#include "audio/id3_tags.hpp"
#include "audio/sound_file.hpp"
#include "base/error.hpp"
#include "support/mp3_reading.hpp"
#include "support/signal_measures.hpp"
#include "support/test_support.hpp"

namespace briefcast {
namespace {

namespace fs = std::filesystem;
using test::big_endian;
using test::count_frames;
using test::id3v2_size;
using test::InfoFrame;
using test::mpeg1_frame_length;
using test::read_info_frame;
using test::TempDir;
using test::tiny_png;
using test::titled;
using test::zero_crossings;

constexpr unsigned rate = 44100;
constexpr std::size_t ten_seconds = 10 * rate;

struct Fd {
  int fd;
  ~Fd() { ::close(fd); }
};

// Ten seconds of a 440 Hz tone.
EncodeReport encode_file(const fs::path& path, const Mp3Config& config, const Tags& tags = {}) {
  return test::encode_tone_mp3(path, 440, 10, config, tags);
}

void check_stream_layout(const std::string& bytes, const std::string& marker) {
  const std::size_t tag = id3v2_size(bytes);
  REQUIRE(mpeg1_frame_length(bytes, tag) > 0);
  CHECK((static_cast<unsigned char>(bytes[tag + 3]) >> 6) == 3);  // channel mode: mono
  const InfoFrame info = read_info_frame(bytes, tag);
  CHECK(info.marker == marker);
  const std::size_t audio_frames = count_frames(bytes, tag + mpeg1_frame_length(bytes, tag));
  CHECK(info.frames == audio_frames);
  // What gapless players compute from the tag must be exactly what went in.
  CHECK(std::uint64_t{info.frames} * 1152 - info.delay - info.padding == ten_seconds);
}

}  // namespace

TEST_CASE("CBR MP3 decodes to the input's rate and length, with an Info frame", "[encode]") {
  TempDir dir;
  const fs::path mp3 = dir / "episode.mp3";
  Mp3Config config;
  config.bitrate_kbps = 64;
  const EncodeReport report = encode_file(mp3, config);
  CHECK(report.frames == ten_seconds);
  CHECK(report.bytes == fs::file_size(mp3));
  CHECK(report.info_frame_written);
  // 64 kbps for 10 s, plus one Info frame and LAME's delay/padding frames.
  CHECK(report.bytes == Approx(80000).epsilon(0.03));

  const std::string bytes = test::read_file(mp3);
  check_stream_layout(bytes, "Info");
  CHECK((big_endian(bytes, id3v2_size(bytes), 4) >> 12 & 0xF) == 5);  // bitrate index 5: 64 kbps

  const DecodedAudio audio = read_sound_file(mp3);
  CHECK(audio.sample_rate_hz == rate);
  CHECK(audio.channels == 1);
  CHECK(audio.seconds() == Approx(10.0).epsilon(0.005));
  // Still a 440 Hz tone: 880 sign changes a second.
  CHECK(zero_crossings(audio.samples) == Approx(8800).epsilon(0.01));
}

TEST_CASE("VBR MP3 carries a Xing frame whose frame count matches the stream", "[encode]") {
  TempDir dir;
  const fs::path mp3 = dir / "episode.mp3";
  Mp3Config config;
  config.vbr_quality = 4;
  const EncodeReport report = encode_file(mp3, config);
  CHECK(report.info_frame_written);
  CHECK(report.bytes == fs::file_size(mp3));
  check_stream_layout(test::read_file(mp3), "Xing");

  const DecodedAudio audio = read_sound_file(mp3);
  CHECK(audio.sample_rate_hz == rate);
  CHECK(audio.channels == 1);
  CHECK(audio.seconds() == Approx(10.0).epsilon(0.005));
}

TEST_CASE("MP3 tags and cover read back as ID3v2.4", "[encode]") {
  TempDir dir;
  test::write_file(dir / "cover.png", tiny_png);
  Tags tags = test::sample_tags();
  tags.comment = "briefcast 0.1.0, voice en-us";
  tags.cover = dir / "cover.png";
  const fs::path mp3 = dir / "episode.mp3";
  const EncodeReport report = encode_file(mp3, Mp3Config{}, tags);
  CHECK(report.info_frame_written);

  const ReadTags read = read_id3v2(mp3);
  test::check_id3v2_text_fields(read, tags);
  CHECK(read.has_cover);

  const std::string bytes = test::read_file(mp3);
  CHECK(bytes.find(tiny_png) < id3v2_size(bytes));
  // The Info frame goes after the (larger) tag, and decoders still find the audio.
  check_stream_layout(bytes, "Info");
  CHECK(read_sound_file(mp3).seconds() == Approx(10.0).epsilon(0.005));
}

TEST_CASE("an MP3 cover that is not an image is refused before anything is written", "[encode]") {
  TempDir dir;
  test::write_file(dir / "cover.jpg", "<html>not a picture</html>");
  Tags tags;
  tags.cover = dir / "cover.jpg";
  const fs::path mp3 = dir / "episode.mp3";
  Fd out{::open(mp3.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)};
  REQUIRE(out.fd >= 0);
  try {
    open_mp3_encoder(out.fd, Mp3Config{}, tags);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::input);
    CHECK(std::string(e.what()) ==
          "'" + (dir / "cover.jpg").string() + "': cover is not a JPEG or PNG image");
  }
  CHECK(fs::file_size(mp3) == 0);
}

TEST_CASE("MP3 written to a pipe is a decodable stream without an Info frame", "[encode]") {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  std::string received;
  // Drain concurrently: the stream is larger than the pipe's buffer.
  std::thread reader([&received, fd = ends[0]] {
    char block[4096];
    ssize_t n;
    while ((n = ::read(fd, block, sizeof block)) > 0)
      received.append(block, static_cast<std::size_t>(n));
    ::close(fd);
  });
  EncodeReport report;
  {
    Fd out{ends[1]};
    auto encoder = open_mp3_encoder(out.fd, Mp3Config{}, titled("Piped"));
    encoder->write(test::sine(440, 0.5, 10, rate));
    report = encoder->finish();
  }
  reader.join();
  CHECK_FALSE(report.info_frame_written);
  CHECK(report.frames == ten_seconds);
  CHECK(report.bytes == received.size());
  const std::size_t tag = id3v2_size(received);
  // No placeholder frame at all: nothing could fill it in on a pipe.
  CHECK(received.find("Info") == std::string::npos);
  CHECK(received.find("Xing") == std::string::npos);
  // Only LAME's encoder delay and padding are added to the audio.
  const std::size_t samples = count_frames(received, tag) * 1152;
  CHECK(samples >= ten_seconds);
  CHECK(samples <= ten_seconds + 2 * 1152);

  TempDir dir;
  test::write_file(dir / "piped.mp3", received);
  const DecodedAudio audio = read_sound_file(dir / "piped.mp3");
  CHECK(audio.sample_rate_hz == rate);
  CHECK(audio.channels == 1);
  CHECK(audio.seconds() == Approx(10.0).epsilon(0.02));
  CHECK(read_id3v2(dir / "piped.mp3").tags.title == "Piped");
}

TEST_CASE("MP3 of speech made at a lower rate: LAME's low-pass lowered to the speech's band",
          "[encode]") {
  // eSpeak NG speaks at 22.05 kHz: at a 44.1 kHz output nothing lies above 11.025 kHz.
  const Mp3Config own;
  REQUIRE(mp3_lowpass_hz(own) > 16000.0);  // LAME's own at 64 kbps
  const Mp3Config fitted = mp3_for_source_rate(own, 22050);
  CHECK(fitted.lowpass_hz == 11025.0);
  CHECK(mp3_lowpass_hz(fitted) == Approx(11025.0).margin(1.0));
  CHECK(fitted.bitrate_kbps == own.bitrate_kbps);
  CHECK(fitted.quality == own.quality);
  // Unchanged where LAME's own is already lower (32 kbps: 8.25 kHz), or the source is as wide.
  Mp3Config low;
  low.bitrate_kbps = 32;
  CHECK(mp3_for_source_rate(low, 22050).lowpass_hz == 0.0);
  CHECK(mp3_for_source_rate(own, 44100).lowpass_hz == 0.0);
  CHECK(mp3_for_source_rate(own, 0).lowpass_hz == 0.0);

  // Decoded: a 5 kHz tone passes both; a 14 kHz one (above the speech's band) only LAME's own.
  TempDir dir;
  auto level = [&](double hz, const Mp3Config& c) {
    const fs::path path = dir / "tone.mp3";
    test::encode_tone_mp3(path, hz, 2, c);
    const DecodedAudio d = read_sound_file(path);
    return 20.0 * std::log10(std::max(test::rms(d.samples), 1e-9));
  };
  CHECK(level(5000, fitted) == Approx(level(5000, own)).margin(0.5));
  CHECK(level(14000, own) > -30.0);
  CHECK(level(14000, fitted) < -60.0);
}

TEST_CASE("MP3 settings LAME cannot honour fail with the encode exit code", "[encode]") {
  Mp3Config config;
  std::string expected;
  SECTION("bitrate") {
    config.bitrate_kbps = 7;
    expected = "LAME: 7 kbps is not an MP3 bitrate at 44100 Hz";
  }
  SECTION("sample rate") {
    config.sample_rate_hz = 44000;
    expected = "LAME: 44000 Hz is not an MP3 sample rate";
  }
  SECTION("VBR quality") {
    config.vbr_quality = 12;
    expected = "LAME: VBR quality 12 is not in 0..9";
  }
  TempDir dir;
  const fs::path mp3 = dir / "episode.mp3";
  Fd out{::open(mp3.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)};
  REQUIRE(out.fd >= 0);
  try {
    open_mp3_encoder(out.fd, config, titled("x"));
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::encode);
    CHECK(std::string(e.what()) == expected);
  }
  CHECK(fs::file_size(mp3) == 0);
}

TEST_CASE("an MP3 write failure reports the system's reason", "[encode]") {
  Fd full{::open("/dev/full", O_WRONLY | O_CLOEXEC)};
  REQUIRE(full.fd >= 0);
  try {
    auto encoder = open_mp3_encoder(full.fd, Mp3Config{}, titled("x"));
    encoder->write(test::sine(440, 0.5, 1, rate));
    encoder->finish();
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::output);
    CHECK(std::string(e.what()) == std::string("cannot write output: ") + std::strerror(ENOSPC));
  }
}

}  // namespace briefcast
