#include "audio/sound_file.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "base/error.hpp"
#include "support/mp3_reading.hpp"
#include "support/signal_measures.hpp"
#include "support/test_support.hpp"

namespace briefcast {
namespace {

namespace fs = std::filesystem;
using test::rms;
using test::TempDir;

constexpr unsigned rate = 44100;

struct FormatCase {
  SoundFormat format;
  const char* name;
  std::string magic;  // what the file starts with
  std::size_t magic_at;
};

EncodeReport write_sound(const fs::path& path, SoundFormat format,
                         const std::vector<float>& samples, const Tags& tags = {}) {
  auto writer = open_sound_file_writer(path, format, rate, tags);
  writer->write(samples);
  return writer->finish();
}

}  // namespace

TEST_CASE("WAV, FLAC and Ogg Vorbis files read back with rate, length and tags", "[encode]") {
  const FormatCase c = GENERATE(values<FormatCase>({{SoundFormat::wav, "wav", "WAVE", 8},
                                                    {SoundFormat::flac, "flac", "fLaC", 0},
                                                    {SoundFormat::ogg, "ogg", "OggS", 0}}));
  INFO(c.name);
  TempDir dir;
  const fs::path path = dir / (std::string("episode.") + c.name);
  const Tags tags = test::sample_tags();
  const std::vector<float> tone = test::sine(440, 0.5, 10, rate);
  const EncodeReport report = write_sound(path, c.format, tone, tags);
  CHECK(report.frames == tone.size());
  CHECK(report.bytes == fs::file_size(path));
  CHECK_FALSE(report.info_frame_written);

  const std::string bytes = test::read_file(path);
  CHECK(bytes.substr(c.magic_at, 4) == c.magic);
  // libsndfile stores these as RIFF INFO chunks (WAV) or Vorbis comments (FLAC, Ogg); it has no
  // field for the language.
  for (const std::string& value : {tags.title, tags.artist, tags.album, tags.date, tags.comment}) {
    INFO(value);
    CHECK(bytes.find(value) != std::string::npos);
  }

  const DecodedAudio audio = read_sound_file(path);
  CHECK(audio.sample_rate_hz == rate);
  CHECK(audio.channels == 1);
  CHECK(audio.seconds() == Approx(10.0).epsilon(0.01));
  CHECK(rms(audio.samples) == Approx(0.5 / std::sqrt(2.0)).epsilon(0.02));
  if (c.format != SoundFormat::ogg) {
    // 16-bit PCM is lossless up to one quantization step.
    REQUIRE(audio.samples.size() == tone.size());
    float worst = 0;
    for (std::size_t i = 0; i < tone.size(); ++i)
      worst = std::max(worst, std::abs(audio.samples[i] - tone[i]));
    CHECK(worst <= 1.0f / 32768);
  }

  const SoundFileInfo info = probe_sound_file(path);
  CHECK(info.sample_rate_hz == rate);
  CHECK(info.channels == 1);
  CHECK(info.header_frames == static_cast<long long>(tone.size()));
}

TEST_CASE("PCM output clips samples beyond full scale instead of wrapping", "[encode]") {
  TempDir dir;
  const fs::path path = dir / "loud.wav";
  write_sound(path, SoundFormat::wav, test::sine(441, 1.5, 0.1, rate));
  const DecodedAudio audio = read_sound_file(path);
  REQUIRE(audio.samples.size() == 4410);
  // 441 Hz at 44100: the positive peak of the first period is sample 25.
  CHECK(audio.samples[25] > 0.99f);
  CHECK(audio.samples[75] < -0.99f);
  const auto [lo, hi] = std::minmax_element(audio.samples.begin(), audio.samples.end());
  CHECK(*lo >= -1.0f);
  CHECK(*hi <= 1.0f);
}

TEST_CASE("a sound file in a missing folder is an output error naming it", "[encode]") {
  TempDir dir;
  const fs::path path = dir / "missing" / "episode.wav";
  try {
    open_sound_file_writer(path, SoundFormat::wav, rate, Tags{});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::output);
    const std::string message = e.what();
    CHECK(message.rfind("'" + path.string() + "': ", 0) == 0);
    CHECK(message.find("No such file or directory") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(path));
}

TEST_CASE("reading something that is not audio is an input error naming it", "[encode]") {
  TempDir dir;
  test::write_file(dir / "notes.wav", "these are not samples");
  for (const fs::path& path : {dir / "notes.wav", dir / "absent.wav"}) {
    INFO(path);
    try {
      read_sound_file(path);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::input);
      CHECK(std::string(e.what()).rfind("'" + path.string() + "': ", 0) == 0);
    }
    CHECK_THROWS_AS(probe_sound_file(path), Error);
  }
}

}  // namespace briefcast
