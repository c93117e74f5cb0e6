// End to end through the library: text → eSpeak NG → soxr → libebur128 → LAME/libsndfile, read
// back with libsndfile and TagLib.
#include "pipeline/say.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "audio/id3_tags.hpp"
#include "audio/loudness.hpp"
#include "audio/sound_file.hpp"
#include "base/error.hpp"
#include "support/signal_measures.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
namespace fs = std::filesystem;

namespace {

SayRequest request_for(const fs::path& input, const fs::path& output) {
  SayRequest r;
  r.inputs = {input.string()};
  r.output = output.string();
  r.format = *format_for_output(r.output);
  r.voice = *find_voice_profile("en-us-news", test::source_dir() / "voices");
  r.tags.artist = "Test Desk";
  r.tags.album = "briefcast tests";
  r.tags.date = "2026-11-23";
  r.tags.language = "eng";
  return r;
}

const fs::path kArticle = test::source_dir() / "examples" / "articles" / "markets-and-earnings.txt";

}  // namespace

TEST_CASE("say: an example article becomes a tagged MP3 at -16 LUFS", "[e2e]") {
  test::TempDir d;
  std::ostringstream log;
  std::vector<TimedSentence> timeline;
  SayReport rep = say(request_for(kArticle, d / "article.mp3"), log,
                      [&](const TimedSentence& t) { timeline.push_back(t); });
  UNSCOPED_INFO(log.str());

  REQUIRE(fs::exists(d / "article.mp3"));
  CHECK(test::files_in(d.path()).size() == 1);  // no temporary left behind
  CHECK(rep.encode.info_frame_written);
  CHECK(rep.encode.bytes == fs::file_size(d / "article.mp3"));

  DecodedAudio mp3 = read_sound_file(d / "article.mp3");
  CHECK(mp3.sample_rate_hz == 44100);
  CHECK(mp3.channels == 1);
  double synthesized = rep.audio_seconds;
  INFO("decoded " << mp3.seconds() << " s, synthesized " << synthesized << " s");
  CHECK(std::abs(mp3.seconds() - synthesized) / synthesized < 0.02);
  CHECK(synthesized > 60.0);

  LoudnessStats l = measure_loudness(mp3.samples, mp3.sample_rate_hz);
  WARN("decoded MP3: " << l.integrated_lufs << " LUFS, true peak " << l.true_peak_dbtp << " dBTP");
  CHECK(std::abs(l.integrated_lufs - -16.0) <= 0.5);
  CHECK(l.true_peak_dbtp <= -1.0);

  // The Info frame (CBR) sits right after the ID3v2 tag.
  std::string bytes = test::read_file(d / "article.mp3");
  REQUIRE(bytes.substr(0, 3) == "ID3");
  std::size_t tag_size =
      10 + ((std::size_t(bytes[6]) & 0x7f) << 21 | (std::size_t(bytes[7]) & 0x7f) << 14 |
            (std::size_t(bytes[8]) & 0x7f) << 7 | (std::size_t(bytes[9]) & 0x7f));
  std::string first_frame = bytes.substr(tag_size, 417);
  CHECK(static_cast<unsigned char>(first_frame[0]) == 0xFF);
  CHECK(first_frame.find("Info") != std::string::npos);

  ReadTags tags = read_id3v2(d / "article.mp3");
  CHECK(tags.id3_version == 4);
  CHECK(tags.tags.title == "Markets Rally as Chipmakers Beat Forecasts; Oil Slips Below US$70");
  CHECK(tags.tags.artist == "Test Desk");
  CHECK(tags.tags.album == "briefcast tests");
  CHECK(tags.tags.date == "2026-11-23");

  // The timeline covers the audio in order, with word positions inside each sentence.
  REQUIRE(timeline.size() == rep.sentences);
  CHECK(timeline.front().text == tags.tags.title);
  for (std::size_t i = 1; i < timeline.size(); ++i)
    CHECK(timeline[i].start_seconds >= timeline[i - 1].end_seconds);
  CHECK(timeline.back().end_seconds <= synthesized);
  for (auto& t : timeline) {
    REQUIRE_FALSE(t.words.empty());
    CHECK(t.words.front().start_seconds >= t.start_seconds - 0.05);
    CHECK(t.words.back().start_seconds <= t.end_seconds);
  }
}

TEST_CASE("say: the published MP3 meets the loudness target at every rate and bitrate", "[e2e]") {
  // Measured on the decoded file: the encoder's low-pass and its own peaks are accounted for.
  test::TempDir d;
  struct Setting {
    unsigned rate;
    int kbps;
    std::optional<int> vbr;
  };
  for (Setting s : {Setting{22050, 64, {}}, Setting{48000, 128, {}}, Setting{16000, 32, {}},
                    Setting{44100, 64, 4}}) {
    auto r = request_for(test::source_dir() / "examples" / "articles" / "science-deep-sea.txt",
                         d / "a.mp3");
    r.sample_rate_hz = s.rate;
    r.mp3.bitrate_kbps = s.kbps;
    r.mp3.vbr_quality = s.vbr;
    std::ostringstream log;
    say(r, log);
    DecodedAudio mp3 = read_sound_file(d / "a.mp3");
    LoudnessStats l = measure_loudness(mp3.samples, mp3.sample_rate_hz);
    INFO(s.rate << " Hz " << s.kbps << " kbps vbr " << s.vbr.value_or(-1) << ": "
                << l.integrated_lufs << " LUFS, " << l.true_peak_dbtp << " dBTP");
    CHECK(mp3.sample_rate_hz == s.rate);
    CHECK(std::abs(l.integrated_lufs - -16.0) <= 0.5);
    CHECK(l.true_peak_dbtp <= -1.0);
  }
}

TEST_CASE("say: loudness is a static gain, the limiter touches only rare peaks", "[e2e]") {
  // The same speech with and without normalization, window by window (10 ms): most voiced
  // windows get the static gain, few are cut, and the high-pass leaves no subsonic energy.
  // Each in a process of its own: eSpeak NG carries a little state from one text to the next,
  // so two runs in one process can differ by a few milliseconds.
  test::TempDir d;
  REQUIRE(test::run_briefcast({"say", "--quiet", kArticle.string(), "-o", (d / "on.wav").string()})
              .exit_code == 0);
  REQUIRE(test::run_briefcast({"say", "--quiet", "--no-loudness", kArticle.string(), "-o",
                               (d / "off.wav").string()})
              .exit_code == 0);
  DecodedAudio a = read_sound_file(d / "on.wav");
  DecodedAudio b = read_sound_file(d / "off.wav");
  REQUIRE(a.samples.size() == b.samples.size());
  const double gain_db = measure_loudness(a.samples, a.sample_rate_hz).integrated_lufs -
                         measure_loudness(b.samples, b.sample_rate_hz).integrated_lufs;
  test::WindowGains g = test::window_gains(a.samples, b.samples, gain_db, a.sample_rate_hz);
  const double subsonic = test::energy_below_db(a.samples, 20.0, a.sample_rate_hz);
  WARN("static gain " << gain_db << " dB; voiced windows " << g.voiced << ": " << g.within_1db
                      << " within 1 dB, " << g.cut_3db << " cut > 3 dB, " << g.boost_3db
                      << " boosted > 3 dB; below 20 Hz " << subsonic << " dB");
  // Issue 10's targets: at least 70% within 1 dB, at most 10% cut by more than 3 dB, -40 dB or
  // less below 20 Hz (measured here with the zero-phase 30 Hz high-pass: 85%, 1%, -54 dB; the
  // causal first-order 20 Hz filter before it gave 66% and -38.7 dB).
  CHECK(g.voiced > 1000);
  CHECK(g.within_1db >= 0.70);
  CHECK(g.cut_3db <= 0.10);
  CHECK(g.boost_3db <= 0.05);
  CHECK(subsonic <= -40.0);
}

TEST_CASE("say: WAV and FLAC and Ogg outputs read back", "[e2e]") {
  test::TempDir d;
  auto input = test::source_dir() / "examples" / "articles" / "short-note.txt";
  for (std::string ext : {"wav", "flac", "ogg"}) {
    std::ostringstream log;
    auto r = request_for(input, d / ("note." + ext));
    r.sample_rate_hz = ext == "ogg" ? 48000 : 44100;
    SayReport rep = say(r, log);
    DecodedAudio a = read_sound_file(d / ("note." + ext));
    INFO(ext);
    CHECK(a.sample_rate_hz == r.sample_rate_hz);
    CHECK(a.channels == 1);
    CHECK(std::abs(a.seconds() - rep.audio_seconds) < 0.05);
    LoudnessStats l = measure_loudness(a.samples, a.sample_rate_hz);
    CHECK(std::abs(l.integrated_lufs - -16.0) <= 1.0);  // a short note: under 30 s
    CHECK(l.true_peak_dbtp <= -1.0);
  }
  CHECK(test::files_in(d.path()).size() == 3);
}

TEST_CASE("say: several inputs become one file with a paragraph pause between", "[e2e]") {
  test::TempDir d;
  test::write_file(d / "a.txt", "First story.\n");
  test::write_file(d / "b.txt", "Second story.\n");
  std::ostringstream log;
  auto r = request_for(d / "a.txt", d / "ab.wav");
  r.inputs.push_back((d / "b.txt").string());
  r.loudness.enabled = false;
  std::vector<TimedSentence> t;
  SayReport rep = say(r, log, [&](const TimedSentence& s) { t.push_back(s); });
  REQUIRE(t.size() == 2);
  CHECK(t[1].input == 1);
  CHECK(t[1].paragraph == 1);
  double gap = t[1].start_seconds - t[0].end_seconds;
  CHECK(gap == Approx(r.voice.paragraph_pause_ms / 1000.0).margin(0.01));
  CHECK(rep.paragraphs == 2);
}

TEST_CASE("say: the lexicon changes what eSpeak NG is given", "[e2e]") {
  test::TempDir d;
  test::write_file(d / "a.txt", "GSIM met Nguyen.\n");
  std::ostringstream log;
  std::vector<TimedSentence> t;
  say(request_for(d / "a.txt", d / "a.wav"), log, [&](const TimedSentence& s) { t.push_back(s); });
  REQUIRE(t.size() == 1);
  CHECK(t[0].text == "GSIM met Nguyen.");
  CHECK(t[0].spoken == "G sim met [[w'In]].");
}

TEST_CASE("say: failures leave no file behind", "[e2e]") {
  test::TempDir d;
  test::write_file(d / "empty.txt", "  \n\n\t\n");
  std::ostringstream log;
  auto r = request_for(d / "empty.txt", d / "x.mp3");
  try {
    say(r, log);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::input);
    CHECK(std::string(e.what()) ==
          "'" + (d / "empty.txt").string() + "': no text to speak (empty or only whitespace)");
  }
  test::write_file(d / "ok.txt", "Fine text.\n");
  r = request_for(d / "ok.txt", d / "x.mp3");
  r.voice.espeak_voice = "xx-nonexistent";
  try {
    say(r, log);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::voice);
  }
  CHECK(test::files_in(d.path()).size() == 2);  // only the two inputs
}

TEST_CASE("say: the eSpeak NG settings are the voice profile's", "[say]") {
  VoiceProfile v;
  v.espeak_voice = "en-gb-x-rp";
  v.variant = "m3";
  v.rate_wpm = 190;
  v.pitch = 30;
  v.range = 70;
  v.volume = 120;
  v.word_gap_ms = 20;
  v.sentence_pause_ms = 111;  // pauses are the pipeline's, not eSpeak's
  SynthesisConfig s = synthesis_config(v);
  CHECK(s.voice == "en-gb-x-rp");
  CHECK(s.variant == "m3");
  CHECK(s.rate_wpm == 190);
  CHECK(s.pitch == 30);
  CHECK(s.range == 70);
  CHECK(s.volume == 120);
  CHECK(s.word_gap_ms == 20);
}

TEST_CASE("say: MP3 encoded in segments on two cores joins seamlessly, --jobs 1 is the same file",
          "[e2e][say]") {
  // Real speech without normalization, so the MP3 and the WAV carry the same samples: the
  // decoded MP3 must keep every 10 ms window of speech in place (a join that added LAME's delay
  // and padding would shift everything after it by 26 ms or more) and every pause quiet (no
  // click where segments meet). Separate processes: eSpeak NG keeps a little state per process.
  test::TempDir d;
  const auto run = [&](const std::string& jobs, const fs::path& out) {
    return test::run_briefcast({"say", "--quiet", "--no-loudness", "--jobs", jobs,
                                kArticle.string(), "-o", out.string()})
        .exit_code;
  };
  REQUIRE(run("2", d / "two.mp3") == 0);
  REQUIRE(run("1", d / "one.mp3") == 0);
  REQUIRE(run("1", d / "speech.wav") == 0);
  CHECK(test::read_file(d / "two.mp3") == test::read_file(d / "one.mp3"));

  const DecodedAudio mp3 = read_sound_file(d / "two.mp3");
  const DecodedAudio wav = read_sound_file(d / "speech.wav");
  REQUIRE(wav.seconds() > 60.0);  // several segments of at most 20 s
  // Gapless: the Info frame's delay and padding leave exactly the input's length.
  CHECK(mp3.samples.size() == wav.samples.size());
  const std::size_t window = wav.sample_rate_hz / 100;
  std::size_t voiced = 0, in_place = 0, quiet = 0, clicks = 0;
  const auto peak = [&](const std::vector<float>& s, std::size_t from) {
    float p = 0;
    for (std::size_t i = from; i < std::min(s.size(), from + window); ++i)
      p = std::max(p, std::fabs(s[i]));
    return p;
  };
  std::vector<float> w, m;  // window peaks
  for (std::size_t at = 0; at + window <= wav.samples.size(); at += window) {
    w.push_back(peak(wav.samples, at));
    m.push_back(peak(mp3.samples, at));
  }
  for (std::size_t i = 2; i + 2 < w.size(); ++i) {
    if (w[i] > 0.0316f) {  // −30 dBFS
      ++voiced;
      if (std::fabs(20 * std::log10(std::max(m[i], 1e-6f) / w[i])) <= 3.0) ++in_place;
    }
    // Inside a pause: this window and two on each side below −60 dBFS (the codec smears speech
    // into the windows right beside it; joins lie 20 ms or more inside the pause).
    if (std::all_of(w.begin() + long(i) - 2, w.begin() + long(i) + 3,
                    [](float p) { return p < 0.001f; })) {
      ++quiet;
      if (m[i] > 0.0056f) ++clicks;  // −45 dBFS
    }
  }
  WARN("voiced windows " << voiced << ", within 3 dB " << in_place << "; pause windows " << quiet
                         << ", louder than -45 dBFS " << clicks);
  CHECK(voiced > 1000);
  CHECK(quiet > 500);
  CHECK(double(in_place) / double(voiced) >= 0.95);
  CHECK(clicks == 0);
}
