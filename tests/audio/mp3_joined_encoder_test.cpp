// The joined MP3 encoder: segments encoded by separate LAME encoders, joined frame by frame,
// decoded back with libsndfile and compared with what went in.
#include "audio/mp3_joined_encoder.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

#include "audio/mp3_frames.hpp"
#include "audio/sound_file.hpp"
#include "support/mp3_reading.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
namespace fs = std::filesystem;

namespace {

constexpr unsigned kRate = 44100;

// Tone bursts of 0.3 s (a new pitch each) with 0.4 s of silence between, `seconds` long; the
// onsets (sample indexes) go to `onsets`.
std::vector<float> bursts(double seconds, std::vector<std::size_t>& onsets) {
  std::vector<float> s(static_cast<std::size_t>(seconds * kRate), 0.0f);
  const std::size_t burst = kRate * 3 / 10, gap = kRate * 4 / 10;
  for (std::size_t at = gap, k = 0; at + burst < s.size(); at += burst + gap, ++k) {
    onsets.push_back(at);
    const double hz = 300.0 + 40.0 * double(k % 9);
    for (std::size_t i = 0; i < burst; ++i)
      s[at + i] = static_cast<float>(0.3 * std::sin(2 * std::numbers::pi * hz * double(i) / kRate));
  }
  return s;
}

EncodeReport encode(const fs::path& path, const std::vector<float>& samples, unsigned jobs) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  REQUIRE(fd >= 0);
  Mp3Config config;
  auto encoder = open_joined_mp3_encoder(fd, config, {}, jobs);
  // Uneven slices, as the renderer hands them over.
  for (std::size_t at = 0; at < samples.size(); at += 3001)
    encoder->write(std::span<const float>(samples).subspan(
        at, std::min<std::size_t>(3001, samples.size() - at)));
  EncodeReport report = encoder->finish();
  ::close(fd);
  return report;
}

std::size_t first_above(const std::vector<float>& s, std::size_t from, float level) {
  while (from < s.size() && std::fabs(s[from]) <= level) ++from;
  return from;
}

}  // namespace

TEST_CASE("joined MP3: segments join where the input is quiet and decode at their own places",
          "[audio]") {
  test::TempDir d;
  std::vector<std::size_t> onsets;
  const std::vector<float> in = bursts(60.0, onsets);
  const EncodeReport two = encode(d / "two.mp3", in, 2);
  const EncodeReport one = encode(d / "one.mp3", in, 1);
  CHECK(two.segments >= 6);  // 6 s or more each
  CHECK(two.segments == one.segments);
  CHECK(two.frames == in.size());
  CHECK(test::read_file(d / "two.mp3") == test::read_file(d / "one.mp3"));

  // One Info frame for the whole stream: every frame counted, LAME's delay and the last
  // segment's padding, so a gapless player plays exactly the input's length.
  const Mp3StreamInfo info = scan_mp3(d / "two.mp3");
  REQUIRE(info.info);
  CHECK(info.info->marker == "Info");
  CHECK(info.info->frames == info.audio_frames);
  REQUIRE(info.info->lame);
  CHECK(info.info->lame->encoder_delay == 576);
  CHECK(info.info->lame->tag_crc_valid);
  CHECK(info.playable_samples() == in.size());
  CHECK(info.unparsed_bytes == 0);

  // The 0.4 s pauses after each cut are mostly written as silent frames (no audio data: all of the
  // side information zero), every one a whole CBR frame that mpg123 decodes without a complaint.
  const std::string bytes = test::read_file(d / "two.mp3");
  std::size_t silent = 0;
  for (std::uint64_t at = info.audio_offset; at < info.audio_offset + info.audio_bytes;) {
    const auto* frame = reinterpret_cast<const unsigned char*>(bytes.data() + at);
    const auto h = parse_frame_header(std::span<const unsigned char>(frame, 4));
    REQUIRE(h);
    const unsigned char* side = frame + 4;
    if (std::all_of(side, frame + h->frame_bytes, [](unsigned char b) { return b == 0; })) ++silent;
    at += h->frame_bytes;
  }
  CHECK(silent >= 8 * (two.segments - 1));  // 0.4 s less what is kept: 8 frames or more a pause
  const test::Mpg123Result decoded = test::mpg123_test(d / "two.mp3", d.path());
  CHECK(decoded.exit_code == 0);
  CHECK(decoded.err.empty());

  // Decoded: every burst starts where it started in the input (a join that added LAME's delay
  // and padding would shift all later bursts by 1152 samples or more), and the quiet between
  // bursts stays quiet (no click where segments meet).
  const DecodedAudio out = read_sound_file(d / "two.mp3");
  REQUIRE(out.sample_rate_hz == kRate);
  REQUIRE(out.samples.size() + 2304 >= in.size());
  const std::size_t margin = kRate / 50;  // 20 ms from each burst's edges
  for (std::size_t k = 0; k < onsets.size(); ++k) {
    const std::size_t at = onsets[k];
    const std::size_t found = first_above(out.samples, at - margin, 0.1f);
    INFO("burst " << k << " at sample " << at << " decoded at " << found);
    CHECK(std::llabs(static_cast<long long>(found) - static_cast<long long>(at)) <= 32);
    const std::size_t quiet_from = at + kRate * 3 / 10 + margin;
    const std::size_t quiet_to = std::min(out.samples.size(), at + kRate * 7 / 10 - margin);
    float loudest = 0;
    for (std::size_t i = quiet_from; i < quiet_to; ++i)
      loudest = std::max(loudest, std::fabs(out.samples[i]));
    CHECK(loudest < 0.003f);  // −50 dBFS
  }
}

TEST_CASE("joined MP3: audio without a quiet stretch is cut at the longest segment", "[audio]") {
  test::TempDir d;
  std::vector<float> tone(static_cast<std::size_t>(70.0 * kRate));
  for (std::size_t i = 0; i < tone.size(); ++i)
    tone[i] = static_cast<float>(0.3 * std::sin(2 * std::numbers::pi * 440.0 * double(i) / kRate));
  const EncodeReport r = encode(d / "tone.mp3", tone, 2);
  CHECK(r.segments == 4);  // 20 + 20 + 20 + 10 s
  const Mp3StreamInfo info = scan_mp3(d / "tone.mp3");
  CHECK(info.unparsed_bytes == 0);
  CHECK(info.info->frames == info.audio_frames);
  const DecodedAudio out = read_sound_file(d / "tone.mp3");
  CHECK(out.seconds() == Approx(70.0).margin(0.2));
}

TEST_CASE("joined MP3: VBR settings are refused", "[audio]") {
  test::TempDir d;
  const int fd = ::open((d / "v.mp3").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  REQUIRE(fd >= 0);
  Mp3Config config;
  config.vbr_quality = 4;
  CHECK_THROWS(open_joined_mp3_encoder(fd, config, {}, 2));
  ::close(fd);
}
