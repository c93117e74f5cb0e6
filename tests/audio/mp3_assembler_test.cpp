#include "audio/mp3_assembler.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "audio/id3_tags.hpp"
#include "audio/mp3_encoder.hpp"
#include "audio/mp3_frames.hpp"
#include "audio/sound_file.hpp"
#include "base/error.hpp"
#include "support/error_capture.hpp"
#include "support/mp3_reading.hpp"
#include "support/signal_measures.hpp"
#include "support/test_support.hpp"

namespace briefcast {
namespace {

namespace fs = std::filesystem;
using test::bytes_of;
using test::error_from;
using test::mpg123_test;
using test::Mpg123Result;
using test::rms;
using test::TempDir;

constexpr unsigned rate = 44100;

struct Tone {
  double freq_hz;
  double seconds;
};

// A cached story part: a tone, encoded by the project's encoder with its own ID3 tag.
void encode(const fs::path& path, Tone tone, const Mp3Config& config = {}) {
  test::encode_tone_mp3(path, tone.freq_hz, tone.seconds, config,
                        test::titled("Story " + path.stem().string()));
}

std::vector<fs::path> other_files(const fs::path& dir, const fs::path& except) {
  std::vector<fs::path> found;
  for (const fs::path& p : test::files_in(dir))
    if (p.extension() != ".mp3" || p.filename() == except.filename()) found.push_back(p);
  return found;
}

}  // namespace

TEST_CASE("three cached parts assemble into one stream with one Info frame and chapters",
          "[assemble]") {
  TempDir dir;
  const std::vector<Tone> tones = {{440, 2.0}, {660, 3.0}, {990, 1.5}};
  std::vector<fs::path> parts;
  for (std::size_t i = 0; i < tones.size(); ++i) {
    parts.push_back(dir / ("part" + std::to_string(i) + ".mp3"));
    encode(parts.back(), tones[i]);
  }
  std::vector<std::string> part_bytes;
  std::vector<Mp3StreamInfo> part_info;
  for (const fs::path& p : parts) {
    part_bytes.push_back(test::read_file(p));
    part_info.push_back(scan_mp3(p));
  }

  // Chapter times do not depend on the tag, so they can go into it before assembling.
  const Mp3Assembly plan = plan_mp3_assembly(parts);
  REQUIRE(plan.parts.size() == 3);
  std::vector<Id3Chapter> chapters;
  for (std::size_t i = 0; i < plan.parts.size(); ++i)
    chapters.push_back(Id3Chapter{"Story " + std::to_string(i + 1),
                                  "https://example.org/" + std::to_string(i),
                                  plan.parts[i].start_ms, plan.parts[i].end_ms});
  Tags tags;
  tags.title = "Morning briefing";
  tags.artist = "briefcast";
  const std::vector<char> tag = render_id3v2(tags, chapters);
  const fs::path episode = dir / "episode.mp3";
  const Mp3Assembly report = assemble_mp3(parts, tag, episode);

  // The report: sizes, offsets, counts.
  const std::string bytes = test::read_file(episode);
  CHECK(report.total_bytes == bytes.size());
  CHECK(report.id3_bytes == tag.size());
  CHECK(report.format == "64 kbps, 44100 Hz, mono, MPEG-1");
  CHECK(report.info_frame_bytes == 208);  // same bitrate as the audio: the file stays CBR
  CHECK(report.encoder_delay == 576);
  CHECK(report.encoder_padding == part_info[2].info->lame->encoder_padding);
  std::uint64_t frames = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    INFO("part " << i);
    const AssembledPart& p = report.parts[i];
    CHECK(p.frames == part_info[i].audio_frames);
    CHECK(p.bytes == part_info[i].audio_bytes);
    CHECK(p.start_ms == plan.parts[i].start_ms);
    CHECK(p.offset_bytes == plan.parts[i].offset_bytes + tag.size());
    // The part's audio frames, byte for byte, at the reported offset.
    CHECK(bytes.compare(p.offset_bytes, p.bytes, part_bytes[i], part_info[i].audio_offset,
                        part_info[i].audio_bytes) == 0);
    frames += p.frames;
  }
  CHECK(report.audio_frames == frames);
  CHECK(report.parts[0].offset_bytes == tag.size() + report.info_frame_bytes);
  CHECK(report.parts[2].offset_bytes + report.parts[2].bytes == bytes.size());
  // Parts are shared with other episodes: untouched.
  for (std::size_t i = 0; i < parts.size(); ++i) CHECK(test::read_file(parts[i]) == part_bytes[i]);
  // Nothing but the episode and its parts in the folder (the temporary file was renamed).
  CHECK(other_files(dir.path(), episode).size() == 1);

  // What a player reads from the Info frame.
  const Mp3StreamInfo info = scan_mp3(episode);
  CHECK(info.id3v2_bytes == tag.size());
  CHECK(info.constant_parameters);
  CHECK(info.unparsed_bytes == 0);
  CHECK(info.audio_frames == frames);
  REQUIRE(info.info);
  CHECK(info.info->marker == "Info");
  CHECK(info.info->frames == frames);
  CHECK(info.info->bytes == bytes.size() - tag.size());
  CHECK(info.info->quality == part_info[0].info->quality);
  REQUIRE(info.info->has_toc);
  CHECK(info.info->toc[0] == 0);
  CHECK(info.info->toc[50] == Approx(128).margin(2));
  CHECK(info.info->toc[99] == Approx(253).margin(2));
  REQUIRE(info.info->lame);
  const LameExtension& lame = *info.info->lame;
  CHECK(lame.encoder == part_info[0].info->lame->encoder);
  CHECK(lame.encoder_delay == 576);
  CHECK(lame.encoder_padding == report.encoder_padding);
  CHECK(lame.tag_crc_valid);
  CHECK(lame.music_length == bytes.size() - tag.size());
  CHECK(lame.music_crc == lame_crc16(bytes_of(bytes).subspan(info.audio_offset)));
  CHECK(info.playable_samples() == report.samples);
  CHECK(report.samples == frames * 1152 - 576 - report.encoder_padding);
  CHECK(report.duration_ms == (report.samples * 1000 + rate / 2) / rate);

  // Decoded with libsndfile (mpg123 inside, gapless): exactly the samples the Info frame promises;
  // against the parts, one delay + padding of silence more per join (well under 3 frames).
  const DecodedAudio audio = read_sound_file(episode);
  CHECK(audio.sample_rate_hz == rate);
  CHECK(audio.channels == 1);
  CHECK(audio.frames() == report.samples);
  std::size_t parts_samples = 0;
  for (const fs::path& p : parts) parts_samples += read_sound_file(p).frames();
  CHECK(parts_samples == std::size_t(6.5 * rate));
  CHECK(audio.frames() >= parts_samples);
  CHECK(audio.frames() <= parts_samples + 3 * parts.size() * 1152);

  // The reported times are where each tone is heard.
  for (std::size_t i = 0; i < parts.size(); ++i) {
    INFO("part " << i);
    const AssembledPart& p = report.parts[i];
    const double seconds = tones[i].seconds;
    // Each part starts where the previous one's tone started plus that tone's length, give or
    // take the silence LAME adds at a join.
    const double expected_start =
        i == 0 ? 0.0 : double(report.parts[i - 1].start_sample) / rate + tones[i - 1].seconds;
    CHECK(double(p.start_sample) / rate == Approx(expected_start).margin(0.05));
    CHECK(p.start_ms == (p.start_sample * 1000 + rate / 2) / rate);
    CHECK(test::crossings_per_second(audio.samples, p.start_sample + 2205,
                                     p.start_sample + std::uint64_t(seconds * rate) - 2205,
                                     rate) == Approx(2 * tones[i].freq_hz).epsilon(0.01));
    // Sound starts at the reported sample: quiet in the 100 samples (2.3 ms) before it, at full
    // level (0.5 / sqrt 2) in the 100 after it. Measured: below 0.004 before, 0.334 after.
    if (i > 0) CHECK(rms(audio.samples, p.start_sample - 100, p.start_sample) < 0.02);
    CHECK(rms(audio.samples, p.start_sample, p.start_sample + 100) > 0.3);
    if (i + 1 < parts.size()) {
      CHECK(p.end_sample == report.parts[i + 1].start_sample);
      CHECK(p.end_ms == report.parts[i + 1].start_ms);
    } else {
      CHECK(p.end_sample == report.samples);
      CHECK(p.end_ms == report.duration_ms);
    }
  }

  // mpg123 decodes it without a complaint.
  const Mpg123Result mpg123 = mpg123_test(episode, dir.path());
  CHECK(mpg123.exit_code == 0);
  CHECK(mpg123.err == "");

  // The tag reads back with TagLib, chapters included.
  const ReadTags read = read_id3v2(episode);
  CHECK(read.id3_version == 4);
  CHECK(read.tags.title == "Morning briefing");
  REQUIRE(read.chapters.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(read.chapters[i].title == chapters[i].title);
    CHECK(read.chapters[i].url == chapters[i].url);
    CHECK(read.chapters[i].start_ms == report.parts[i].start_ms);
    CHECK(read.chapters[i].end_ms == report.parts[i].end_ms);
  }
}

TEST_CASE("parts with different stream parameters are refused, naming the part", "[assemble]") {
  TempDir dir;
  encode(dir / "a.mp3", {440, 1.0});
  Mp3Config other;
  std::string expected;
  SECTION("bitrate") {
    other.bitrate_kbps = 96;
    expected = "96 kbps, 44100 Hz, mono, MPEG-1";
  }
  SECTION("sample rate") {
    other.sample_rate_hz = 48000;
    expected = "64 kbps, 48000 Hz, mono, MPEG-1";
  }
  encode(dir / "b.mp3", {660, 1.0}, other);
  const fs::path episode = dir / "episode.mp3";
  const Error e = error_from([&] { assemble_mp3({dir / "a.mp3", dir / "b.mp3"}, {}, episode); });
  CHECK(e.code() == ExitCode::encode);
  CHECK(std::string(e.what()) ==
        "'" + (dir / "b.mp3").string() + "': MP3 part is " + expected + ", but '" +
            (dir / "a.mp3").string() +
            "' is 64 kbps, 44100 Hz, mono, MPEG-1; parts must match to be joined");
  CHECK_FALSE(fs::exists(episode));
  CHECK(test::files_in(dir.path()).size() == 2);  // no temporary file left either
}

TEST_CASE("a part cut short mid-frame is refused, naming the part", "[assemble]") {
  TempDir dir;
  encode(dir / "a.mp3", {440, 1.0});
  encode(dir / "b.mp3", {660, 1.0});
  std::string b = test::read_file(dir / "b.mp3");
  const std::size_t cut_at = b.size() - 100;
  b.resize(cut_at);
  test::write_file(dir / "b.mp3", b);
  const fs::path episode = dir / "episode.mp3";
  const Error e = error_from([&] { assemble_mp3({dir / "a.mp3", dir / "b.mp3"}, {}, episode); });
  CHECK(e.code() == ExitCode::encode);
  const std::string message = e.what();
  CHECK(message.starts_with("'" + (dir / "b.mp3").string() + "': damaged MP3 part: "));
  CHECK(message.ends_with(" are not whole frames (truncated?); encode it again"));
  CHECK_FALSE(fs::exists(episode));
}

TEST_CASE("a VBR part is refused: its frames cannot share one CBR Info frame", "[assemble]") {
  TempDir dir;
  Mp3Config vbr;
  vbr.vbr_quality = 2;
  encode(dir / "a.mp3", {440, 2.0}, vbr);
  const Error e = error_from([&] { assemble_mp3({dir / "a.mp3"}, {}, dir / "episode.mp3"); });
  CHECK(e.code() == ExitCode::encode);
  CHECK(
      std::string(e.what()).starts_with("'" + (dir / "a.mp3").string() + "': MP3 part is not CBR"));
  CHECK_FALSE(fs::exists(dir / "episode.mp3"));
}

TEST_CASE("assembly without parts or with a missing part fails before writing", "[assemble]") {
  TempDir dir;
  Error e = error_from([&] { assemble_mp3({}, {}, dir / "episode.mp3"); });
  CHECK(e.code() == ExitCode::encode);
  CHECK(std::string(e.what()) == "no MP3 parts to assemble");
  e = error_from([&] { assemble_mp3({dir / "gone.mp3"}, {}, dir / "episode.mp3"); });
  CHECK(e.code() == ExitCode::input);
  CHECK(std::string(e.what()) ==
        "'" + (dir / "gone.mp3").string() + "': cannot open: No such file or directory");
  CHECK(test::files_in(dir.path()).empty());
}

TEST_CASE("an episode from one part equals that part's audio with a new tag", "[assemble]") {
  TempDir dir;
  encode(dir / "a.mp3", {440, 2.0});
  const Mp3Assembly report = assemble_mp3({dir / "a.mp3"}, {}, dir / "episode.mp3");
  const Mp3StreamInfo part = scan_mp3(dir / "a.mp3");
  CHECK(report.id3_bytes == 0);
  CHECK(report.samples == 2 * rate);
  CHECK(report.parts[0].start_ms == 0);
  CHECK(report.parts[0].end_ms == 2000);
  CHECK(report.duration_ms == 2000);
  // Same audio frames; the Info frame differs from LAME's only where LAME's is per-file.
  const std::string episode = test::read_file(dir / "episode.mp3");
  const std::string original = test::read_file(dir / "a.mp3");
  CHECK(episode.substr(part.info_bytes) == original.substr(part.audio_offset));
  CHECK(read_sound_file(dir / "episode.mp3").frames() == 2 * rate);
  CHECK(mpg123_test(dir / "episode.mp3", dir.path()).err == "");
}

TEST_CASE("parts' trailing ID3v1/APE tags stay out of the episode", "[assemble]") {
  TempDir dir;
  encode(dir / "a.mp3", {440, 1.0});
  encode(dir / "b.mp3", {660, 1.0});
  const std::string id3v1 = "TAG" + std::string(125, 'x');
  test::write_file(dir / "a.mp3", test::read_file(dir / "a.mp3") + id3v1);
  const Mp3Assembly report = assemble_mp3({dir / "a.mp3", dir / "b.mp3"}, {}, dir / "episode.mp3");
  const std::string episode = test::read_file(dir / "episode.mp3");
  CHECK(episode.find(id3v1) == std::string::npos);
  CHECK(episode.find("ID3") == std::string::npos);  // neither part's ID3v2 tag either
  CHECK(report.parts[0].bytes == scan_mp3(dir / "a.mp3").audio_bytes);
  const Mpg123Result mpg123 = mpg123_test(dir / "episode.mp3", dir.path());
  CHECK(mpg123.exit_code == 0);
  CHECK(mpg123.err == "");
}

TEST_CASE("an assembled episode can itself be a part", "[assemble]") {
  TempDir dir;
  encode(dir / "a.mp3", {440, 1.0});
  encode(dir / "b.mp3", {660, 1.0});
  encode(dir / "c.mp3", {990, 1.0});
  const Mp3Assembly ab = assemble_mp3({dir / "a.mp3", dir / "b.mp3"}, {}, dir / "ab.mp3");
  const Mp3Assembly abc = assemble_mp3({dir / "ab.mp3", dir / "c.mp3"}, {}, dir / "abc.mp3");
  const Mp3Assembly flat =
      assemble_mp3({dir / "a.mp3", dir / "b.mp3", dir / "c.mp3"}, {}, dir / "flat.mp3");
  // Its Info frame carries the first part's delay and the last part's padding, so nesting gives
  // the same stream as joining all three at once.
  CHECK(abc.parts[1].start_sample == flat.parts[2].start_sample);
  CHECK(abc.samples == flat.samples);
  CHECK(test::read_file(dir / "abc.mp3") == test::read_file(dir / "flat.mp3"));
  CHECK(ab.encoder_padding == scan_mp3(dir / "b.mp3").info->lame->encoder_padding);
}

TEST_CASE("speech from `briefcast say` assembles and decodes", "[assemble]") {
  TempDir dir;
  std::vector<fs::path> parts;
  for (const char* name : {"short-note", "short-note"}) {
    parts.push_back(dir / (std::string(name) + std::to_string(parts.size()) + ".mp3"));
    const test::RunResult run = test::run_briefcast(
        {"say", (test::source_dir() / "examples/articles" / (std::string(name) + ".txt")).string(),
         "-o", parts.back().string(), "--quiet"});
    REQUIRE(run.exit_code == 0);
  }
  const Mp3Assembly report = assemble_mp3(parts, {}, dir / "episode.mp3");
  const double part_seconds = read_sound_file(parts[0]).seconds();
  CHECK(report.parts[1].start_ms == Approx(part_seconds * 1000).margin(60));
  CHECK(read_sound_file(dir / "episode.mp3").frames() == report.samples);
  CHECK(read_sound_file(dir / "episode.mp3").seconds() == Approx(2 * part_seconds).margin(0.1));
  const Mpg123Result mpg123 = mpg123_test(dir / "episode.mp3", dir.path());
  CHECK(mpg123.exit_code == 0);
  CHECK(mpg123.err == "");
}

}  // namespace briefcast
