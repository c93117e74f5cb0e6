#include "audio/mp3_frames.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "audio/id3_tags.hpp"
#include "audio/mp3_encoder.hpp"
#include "base/error.hpp"
#include "support/error_capture.hpp"
#include "support/mp3_reading.hpp"
#include "support/test_support.hpp"

namespace briefcast {
namespace {

namespace fs = std::filesystem;
using test::bytes_of;
using test::error_from;
using test::TempDir;

constexpr unsigned rate = 44100;

std::optional<Mp3FrameHeader> header(const char (&b)[5]) {
  return parse_frame_header(
      std::span<const unsigned char>(reinterpret_cast<const unsigned char*>(b), 4));
}

// Encodes `seconds` of a 440 Hz tone with the project's encoder, titled "Story".
void encode(const fs::path& path, double seconds, const Mp3Config& config = {}) {
  test::encode_tone_mp3(path, 440, seconds, config, test::titled("Story"));
}

}  // namespace

TEST_CASE("Layer III frame headers of all three MPEG versions", "[assemble]") {
  SECTION("MPEG-1, 64 kbps, 44.1 kHz, mono (what LAME writes for briefcast)") {
    const auto h = header("\xFF\xFB\x50\xC4");
    REQUIRE(h);
    CHECK(h->version == MpegVersion::mpeg1);
    CHECK(h->bitrate_kbps == 64);
    CHECK(h->sample_rate_hz == 44100);
    CHECK(h->channel_mode == ChannelMode::mono);
    CHECK_FALSE(h->padding);
    CHECK_FALSE(h->crc_protected);
    CHECK(h->frame_bytes == 208);  // 144 * 64000 / 44100
    CHECK(h->samples_per_frame == 1152);
    CHECK(h->side_info_bytes == 17);
    CHECK(describe(*h) == "64 kbps, 44100 Hz, mono, MPEG-1");
  }
  SECTION("MPEG-1, 128 kbps, 48 kHz, joint stereo, padded, CRC") {
    const auto h = header("\xFF\xFA\x96\x40");
    REQUIRE(h);
    CHECK(h->bitrate_kbps == 128);
    CHECK(h->sample_rate_hz == 48000);
    CHECK(h->channel_mode == ChannelMode::joint_stereo);
    CHECK(h->padding);
    CHECK(h->crc_protected);
    CHECK(h->frame_bytes == 385);  // 144 * 128000 / 48000 + 1
    CHECK(h->side_info_bytes == 32);
  }
  SECTION("MPEG-2, 64 kbps, 22.05 kHz, stereo") {
    const auto h = header("\xFF\xF3\x80\x00");
    REQUIRE(h);
    CHECK(h->version == MpegVersion::mpeg2);
    CHECK(h->bitrate_kbps == 64);
    CHECK(h->sample_rate_hz == 22050);
    CHECK(h->frame_bytes == 208);  // 72 * 64000 / 22050
    CHECK(h->samples_per_frame == 576);
    CHECK(h->side_info_bytes == 17);
  }
  SECTION("MPEG-2.5, 8 kbps, 8 kHz, mono") {
    const auto h = header("\xFF\xE3\x18\xC0");
    REQUIRE(h);
    CHECK(h->version == MpegVersion::mpeg25);
    CHECK(h->bitrate_kbps == 8);
    CHECK(h->sample_rate_hz == 8000);
    CHECK(h->frame_bytes == 72);
    CHECK(h->samples_per_frame == 576);
    CHECK(h->side_info_bytes == 9);
  }
  SECTION("not Layer III frames") {
    CHECK_FALSE(header("\xFF\xFD\x50\xC4"));  // Layer II
    CHECK_FALSE(header("\xFF\xEB\x50\xC4"));  // reserved version
    CHECK_FALSE(header("\xFF\xFB\x00\xC4"));  // free format
    CHECK_FALSE(header("\xFF\xFB\xF0\xC4"));  // bitrate index 15
    CHECK_FALSE(header("\xFF\xFB\x5C\xC4"));  // sample rate index 3
    CHECK_FALSE(header("\xFF\xFB\x50\xC6"));  // reserved emphasis
    CHECK_FALSE(header("\x7F\xFB\x50\xC4"));  // no sync
    CHECK_FALSE(parse_frame_header(bytes_of(std::string("\xFF\xFB\x50", 3))));
  }
}

TEST_CASE("frame headers render back to the bytes they were parsed from", "[assemble]") {
  for (const char* bytes : {"\xFF\xFB\x50\xC0", "\xFF\xFA\x96\x40", "\xFF\xF3\x80\x00",
                            "\xFF\xE3\x18\xC0", "\xFF\xFB\xE2\x80"}) {
    const std::string original(bytes, 4);
    const auto h = parse_frame_header(bytes_of(original));
    REQUIRE(h);
    const auto rendered = render_frame_header(*h);
    REQUIRE(rendered);
    CHECK(std::string(rendered->begin(), rendered->end()) == original);
  }
  Mp3FrameHeader odd = *header("\xFF\xFB\x50\xC4");
  odd.bitrate_kbps = 65;
  CHECK_FALSE(render_frame_header(odd));
}

TEST_CASE("LAME's CRC-16 is CRC-16/ARC", "[assemble]") {
  CHECK(lame_crc16(bytes_of("123456789")) == 0xBB3D);  // the catalogue check value
  CHECK(lame_crc16(bytes_of("56789"), lame_crc16(bytes_of("1234"))) == 0xBB3D);
}

TEST_CASE("scan_mp3 reads LAME's Info frame and counts the frames after it", "[assemble]") {
  TempDir dir;
  const fs::path mp3 = dir / "story.mp3";
  encode(mp3, 3.0);
  const std::string bytes = test::read_file(mp3);
  const Mp3StreamInfo info = scan_mp3(mp3);

  CHECK(info.file_bytes == bytes.size());
  CHECK(info.id3v2_bytes == render_id3v2(test::titled("Story")).size());
  CHECK(info.trailing_tag_bytes == 0);
  CHECK(info.skipped_bytes == 0);
  CHECK(describe(info.first) == "64 kbps, 44100 Hz, mono, MPEG-1");
  CHECK(info.constant_parameters);
  CHECK(info.unparsed_bytes == 0);
  REQUIRE(info.info);
  CHECK(info.info->marker == "Info");
  CHECK(info.info_offset == info.id3v2_bytes);
  CHECK(info.audio_offset == info.info_offset + info.info_bytes);
  CHECK(info.audio_offset + info.audio_bytes == bytes.size());
  CHECK(info.info->frames == info.audio_frames);
  CHECK(info.info->bytes == bytes.size() - info.id3v2_bytes);
  CHECK(info.info->has_toc);
  REQUIRE(info.info->lame);
  const LameExtension& lame = *info.info->lame;
  CHECK(lame.encoder.starts_with("LAME"));
  CHECK(lame.encoder_delay == 576);
  CHECK(lame.tag_crc_valid);
  CHECK(lame.music_length == bytes.size() - info.id3v2_bytes);
  CHECK(lame.music_crc == lame_crc16(bytes_of(bytes).subspan(info.audio_offset)));
  // Gapless: exactly the samples that went in.
  CHECK(info.playable_samples() == 3 * rate);
  CHECK(info.seconds() == 3.0);
}

TEST_CASE("scan_mp3 on a VBR file reports the Xing frame and mixed bitrates", "[assemble]") {
  TempDir dir;
  Mp3Config config;
  config.vbr_quality = 2;
  encode(dir / "vbr.mp3", 3.0, config);
  const Mp3StreamInfo info = scan_mp3(dir / "vbr.mp3");
  REQUIRE(info.info);
  CHECK(info.info->marker == "Xing");
  CHECK(info.info->frames == info.audio_frames);
  CHECK_FALSE(info.constant_parameters);
  CHECK(info.unparsed_bytes == 0);
}

TEST_CASE("scan_mp3 skips trailing ID3v1 and APEv2 tags", "[assemble]") {
  TempDir dir;
  encode(dir / "story.mp3", 1.0);
  const Mp3StreamInfo plain = scan_mp3(dir / "story.mp3");
  std::string bytes = test::read_file(dir / "story.mp3");
  // APEv2 with header and footer and no items: size 32 (footer), flags bit 31 = has a header,
  // bit 29 set in the header only.
  auto ape = [](bool is_header) {
    std::string b = "APETAGEX";
    b += std::string("\xD0\x07\0\0", 4);  // version 2000
    b += std::string("\x20\0\0\0", 4);    // size 32
    b += std::string(4, '\0');            // item count
    b += std::string("\0\0\0", 3) + static_cast<char>(is_header ? 0xA0 : 0x80);
    b += std::string(8, '\0');
    return b;
  };
  bytes += ape(true) + ape(false);
  bytes += "TAG" + std::string(125, ' ');
  test::write_file(dir / "tagged.mp3", bytes);
  const Mp3StreamInfo info = scan_mp3(dir / "tagged.mp3");
  CHECK(info.trailing_tag_bytes == 64 + 128);
  CHECK(info.audio_frames == plain.audio_frames);
  CHECK(info.unparsed_bytes == 0);
}

TEST_CASE("scan_mp3 reports a frame cut short instead of counting it", "[assemble]") {
  TempDir dir;
  encode(dir / "story.mp3", 1.0);
  const Mp3StreamInfo whole = scan_mp3(dir / "story.mp3");
  std::string bytes = test::read_file(dir / "story.mp3");
  bytes.resize(bytes.size() - 100);  // frames are 208/209 bytes: the last one loses 100
  test::write_file(dir / "cut.mp3", bytes);
  const Mp3StreamInfo cut = scan_mp3(dir / "cut.mp3");
  CHECK(cut.audio_frames == whole.audio_frames - 1);
  CHECK(cut.unparsed_bytes > 0);
  CHECK(cut.unparsed_bytes < 208);
  CHECK(cut.unparsed_offset + cut.unparsed_bytes == bytes.size());
  CHECK(cut.audio_offset + cut.audio_bytes == cut.unparsed_offset);
}

TEST_CASE("scan_mp3 refuses files without MP3 frames, naming them", "[assemble]") {
  TempDir dir;
  test::write_file(dir / "text.mp3", std::string(5000, 'x'));
  Error e = error_from([&] { scan_mp3(dir / "text.mp3"); });
  CHECK(e.code() == ExitCode::input);
  CHECK(std::string(e.what()) ==
        "'" + (dir / "text.mp3").string() + "': no MP3 audio frames found");
  e = error_from([&] { scan_mp3(dir / "none.mp3"); });
  CHECK(e.code() == ExitCode::input);
  CHECK(std::string(e.what()) ==
        "'" + (dir / "none.mp3").string() + "': cannot open: No such file or directory");
}

}  // namespace briefcast
