// The `briefcast` binary as a user runs it: messages, exit codes, files left behind.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "audio/sound_file.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
using test::run_briefcast;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kNote = (test::source_dir() / "examples/articles/short-note.txt").string();

long rss_kib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  long value = -1;
  while (in >> key) {
    if (key == "VmRSS:") {
      in >> value;
      break;
    }
    in.ignore(1 << 12, '\n');
  }
  return value;
}

// feeds/example.json copied into `d`, publishing to d/public; its relative paths made absolute.
fs::path copy_example(const TempDir& d) {
  const fs::path feeds = test::source_dir() / "feeds";
  auto j = nlohmann::json::parse(test::read_file(feeds / "example.json"));
  auto absolute = [&](const nlohmann::json& p) {
    return (feeds / p.get<std::string>()).lexically_normal().string();
  };
  j["output"] = (d / "public").string();
  j["show"]["cover"] = absolute(j["show"]["cover"]);
  for (auto& source : j["sources"]) source["path"] = absolute(source["path"]);
  test::write_file(d / "example.json", j.dump(2));
  return d / "example.json";
}

// A state.json as a build writes it, with one cached part whose timeline has two sentences.
nlohmann::json example_state() {
  return nlohmann::json::parse(R"({
    "version": 1, "next_episode_number": 2, "episodes": [], "broadcast": {},
    "cache": {"2f57b6": {"file": ".briefcast/cache/2f57b6.mp3", "duration_seconds": 5.1,
                         "last_used": "2026-11-27",
                         "timeline": [{"text": "Hello.", "spoken": "Hello.", "start": 0.0,
                                       "end": 0.6, "words": [[0, 5, 0.0]]},
                                      {"text": "Bye.", "spoken": "Bye.", "start": 0.9,
                                       "end": 1.4, "words": [[0, 3, 0.9]]}]}},
    "sources": {"feeds": {}}})");
}

}  // namespace

TEST_CASE("cli: --version and --help with the defaults", "[cli]") {
  auto v = run_briefcast({"--version"});
  CHECK(v.exit_code == 0);
  CHECK(v.out == std::string("briefcast ") + BRIEFCAST_VERSION + "\n");
  auto h = run_briefcast({"say", "--help"});
  CHECK(h.exit_code == 0);
  CHECK(h.out.find("--bitrate") != std::string::npos);
  CHECK(h.out.find("=64") != std::string::npos);
  CHECK(h.out.find("=44100") != std::string::npos);
  CHECK(h.out.find("=-16") != std::string::npos);
  CHECK(h.out.find("=en-us-news") != std::string::npos);
}

TEST_CASE("cli: usage errors exit 2", "[cli]") {
  CHECK(run_briefcast({}).exit_code == 2);
  CHECK(run_briefcast({"say"}).exit_code == 2);
  CHECK(run_briefcast({"say", kNote, "--bitrate", "65"}).exit_code == 2);
  TempDir d;
  auto r = run_briefcast({"say", kNote, "-o", (d / "x.aiff").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "briefcast: '" + (d / "x.aiff").string() +
                     "': unknown output extension (use .mp3, .wav, .flac or .ogg)\n");
  CHECK(test::files_in(d.path()).empty());
}

TEST_CASE("cli: bad inputs exit 3 with one line naming the file and leave no output", "[cli]") {
  TempDir d;
  test::write_file(d / "empty.txt", "");
  test::write_file(d / "blank.txt", "  \n\n\t \n");
  test::write_file(d / "binary.txt", std::string("GIF89a\0\0\1\0text", 15));
  fs::create_directory(d / "folder");
  struct Case {
    std::string input, reason;
  } cases[] = {
      {(d / "missing.txt").string(), "cannot read: No such file or directory"},
      {(d / "folder").string(), "cannot read: is a folder"},
      {(d / "empty.txt").string(), "no text to speak (empty or only whitespace)"},
      {(d / "blank.txt").string(), "no text to speak (empty or only whitespace)"},
      {(d / "binary.txt").string(), "binary file (NUL byte on line 1)"},
  };
  fs::create_directory(d / "out");
  for (auto& c : cases) {
    auto r = run_briefcast({"say", c.input, "-o", (d / "out" / "x.mp3").string()});
    INFO(c.input);
    CHECK(r.exit_code == 3);
    CHECK(r.err == "briefcast: '" + c.input + "': " + c.reason + "\n");
  }
  CHECK(test::files_in(d / "out").empty());
}

TEST_CASE("cli: invalid UTF-8 is repaired with a warning", "[cli]") {
  TempDir d;
  test::write_file(d / "latin1.txt", "Caf\xE9 prices rose.\n");
  auto r = run_briefcast({"say", (d / "latin1.txt").string(), "-o", (d / "a.wav").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("briefcast: warning: '" + (d / "latin1.txt").string() +
                   "': 1 invalid UTF-8 byte(s) repaired (read as Windows-1252)\n") == 0);
  CHECK(fs::file_size(d / "a.wav") > 10000);
}

TEST_CASE("cli: unknown voice exits 4 and bad profiles name the field", "[cli]") {
  TempDir d;
  auto r = run_briefcast({"say", kNote, "--voice", "no-such-voice", "-o", (d / "a.mp3").string()});
  CHECK(r.exit_code == 4);
  CHECK(r.err == "briefcast: voice 'no-such-voice': eSpeak NG has no such voice\n");
  test::write_file(d / "bad.json", R"({"espeak_voice": "en", "rate_wpm": 9000})");
  r = run_briefcast(
      {"say", kNote, "--voice", (d / "bad.json").string(), "-o", (d / "a.mp3").string()});
  CHECK(r.exit_code == 4);
  CHECK(r.err == "briefcast: '" + (d / "bad.json").string() +
                     "': field 'rate_wpm': 9000 is out of range 80-450\n");
  CHECK_FALSE(fs::exists(d / "a.mp3"));
}

TEST_CASE("cli: unwritable or missing output folders exit 7", "[cli]") {
  TempDir d;
  auto r = run_briefcast({"say", kNote, "-o", (d / "no/such/dir/a.mp3").string()});
  CHECK(r.exit_code == 7);
  CHECK(r.err ==
        "briefcast: '" + (d / "no/such/dir").string() + "': output folder does not exist\n");
  // sysfs refuses new files even to root, unlike permission bits.
  r = run_briefcast({"say", kNote, "-o", "/sys/briefcast-test.mp3"});
  CHECK(r.exit_code == 7);
  CHECK(r.err.rfind("briefcast: '/sys': cannot write output folder: ", 0) == 0);
}

TEST_CASE("cli: a bad cover image exits 3 and leaves no output", "[cli]") {
  TempDir d;
  test::write_file(d / "cover.jpg", "not an image");
  auto r = run_briefcast(
      {"say", kNote, "--cover", (d / "cover.jpg").string(), "-o", (d / "a.mp3").string()});
  CHECK(r.exit_code == 3);
  CHECK_FALSE(fs::exists(d / "a.mp3"));
  CHECK(test::files_in(d.path()).size() == 1);
}

TEST_CASE("cli: the MP3 decodes cleanly with mpg123 and -o - streams the same audio", "[cli]") {
  TempDir d;
  auto r = run_briefcast({"say", kNote, "-o", (d / "a.mp3").string(), "--quiet"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  int rc = std::system(
      ("mpg123 -q -t " + (d / "a.mp3").string() + " 2>" + (d / "mpg123.err").string()).c_str());
  CHECK(rc == 0);
  CHECK(test::read_file(d / "mpg123.err").empty());

  // The same text from standard input, as MP3 on standard output.
  // Through a pipe, so the encoder cannot seek back.
  std::string cmd = std::string(BRIEFCAST_BINARY) + " say - -o - --verbose <" + kNote + " 2>" +
                    (d / "piped.err").string() + " | cat >" + (d / "piped.mp3").string();
  REQUIRE(std::system(cmd.c_str()) == 0);
  CHECK(test::read_file(d / "piped.err").find("Info/Xing frame skipped: output is not seekable") !=
        std::string::npos);
  double file_s = read_sound_file(d / "a.mp3").seconds();
  double piped_s = read_sound_file(d / "piped.mp3").seconds();
  CHECK(std::abs(file_s - piped_s) < 0.1);
  CHECK(std::system(("mpg123 -q -t " + (d / "piped.mp3").string()).c_str()) == 0);
}

TEST_CASE("cli: SIGINT stops a long conversion with exit 130 and no file", "[cli]") {
  TempDir d;
  // ~50 MB of text: far longer than the test lets it run.
  std::string article = test::read_file(kNote) + "\n\n";
  {
    std::ofstream big(d / "big.txt");
    for (std::size_t n = 0; n < 50u * 1024 * 1024; n += article.size()) big << article;
  }
  fs::create_directory(d / "out");
  test::ChildProcess say(
      {BRIEFCAST_BINARY, "say", (d / "big.txt").string(), "-o", (d / "out" / "big.mp3").string()},
      d / "err.txt");
  // Sample memory once a second for 10 s while the 50 MB input streams through.
  std::vector<long> samples;
  for (int i = 0; i < 10; ++i) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    samples.push_back(rss_kib(say.pid()));
  }
  CHECK(say.stop(SIGINT, 60) == 130);
  CHECK(test::read_file(d / "err.txt") == "briefcast: interrupted; nothing was written\n");
  CHECK(test::files_in(d / "out").empty());
  // Memory stays flat: RSS moves with the audio chunk in flight (up to 30 s of samples, eSpeak's
  // buffers) but never approaches the input's size, which reading it whole would need twice over.
  std::string trace;
  for (long s : samples) trace += std::to_string(s / 1024) + " ";
  WARN("RSS once a second (MiB): " << trace);
  CHECK(samples.front() > 0);
  long early = *std::max_element(samples.begin(), samples.begin() + 5);
  long late = *std::max_element(samples.begin() + 5, samples.end());
  CHECK(late - early < 32 * 1024);  // no growth from the first five seconds to the last five
#ifndef __SANITIZE_ADDRESS__        // ASan's shadow memory and quarantine add hundreds of MiB
  CHECK(*std::max_element(samples.begin(), samples.end()) < 96 * 1024);
#endif
}

namespace {

// Article-shaped text (many short paragraphs) of about `words` words: the articleBody texts of the
// extraction corpus when it is present, else the example articles, repeated.
std::string article_shaped(std::size_t words) {
  std::vector<std::string> bodies;
  const fs::path truth = test::corpus_dir() / "extraction" / "ground-truth.json";
  nlohmann::json corpus;  // kept alive: items() refers into it
  if (fs::exists(truth)) corpus = nlohmann::json::parse(test::read_file(truth));
  if (corpus.is_object())
    for (auto& [key, doc] : corpus.items())
      if (doc.is_object() && doc.contains("articleBody") && doc["articleBody"].is_string())
        bodies.push_back(doc["articleBody"].get<std::string>());
  if (bodies.empty())
    for (auto& f : fs::directory_iterator(test::source_dir() / "examples" / "articles"))
      bodies.push_back(test::read_file(f.path()));
  std::string out;
  std::size_t n = 0;
  for (std::size_t k = 0; n < words; ++k) {
    std::istringstream lines(bodies[k % bodies.size()]);
    for (std::string line; std::getline(lines, line) && n < words;) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      out += line + "\n\n";
      n += static_cast<std::size_t>(std::count(line.begin(), line.end(), ' ')) + 1;
    }
  }
  return out;
}

// Peak RSS (KiB) of one complete `briefcast` run, from /usr/bin/time.
long peak_rss_kib(const std::vector<std::string>& args, const fs::path& dir) {
  std::string cmd = "/usr/bin/time -f %M -o '" + (dir / "rss.txt").string() + "' '" +
                    std::string(BRIEFCAST_BINARY) + "'";
  for (auto& a : args) cmd += " '" + a + "'";
  REQUIRE(std::system((cmd + " 2>/dev/null").c_str()) == 0);
  return std::stol(test::read_file(dir / "rss.txt"));
}

}  // namespace

TEST_CASE("cli: say's peak memory is small and flat in the input's length and format", "[cli]") {
  // ~1.5 and ~6 minutes of speech, shaped like real articles; MP3 with loudness, WAV without,
  // Markdown: the peak must not follow the length, the format or the loudness stage.
  TempDir d;
  const std::string text = article_shaped(1000);
  test::write_file(d / "short.txt", article_shaped(250));
  test::write_file(d / "long.txt", text);
  test::write_file(d / "long.md", "# A long read\n\n" + text);
  const long short_mp3 = peak_rss_kib(
      {"say", "--quiet", (d / "short.txt").string(), "-o", (d / "short.mp3").string()}, d.path());
  const long long_mp3 = peak_rss_kib(
      {"say", "--quiet", (d / "long.txt").string(), "-o", (d / "long.mp3").string()}, d.path());
  const long long_wav = peak_rss_kib({"say", "--quiet", "--no-loudness", (d / "long.md").string(),
                                      "-o", (d / "long.wav").string()},
                                     d.path());
  WARN("peak RSS (MiB): short MP3 " << short_mp3 / 1024 << ", long MP3 " << long_mp3 / 1024
                                    << ", long Markdown to WAV without loudness "
                                    << long_wav / 1024);
  CHECK(long_mp3 - short_mp3 < 6 * 1024);
  CHECK(std::abs(long_wav - long_mp3) < 8 * 1024);
#ifndef __SANITIZE_ADDRESS__  // ASan's shadow memory and quarantine add hundreds of MiB
  CHECK(long_mp3 <= 64 * 1024);
  CHECK(long_wav <= 64 * 1024);
#endif
}

TEST_CASE("cli: build refuses a damaged or unreadable state.json with exit 8, publishing nothing",
          "[cli]") {
  TempDir d;
  const fs::path feed = copy_example(d);
  const fs::path state = d / "public" / ".briefcast" / "state.json";
  fs::create_directories(state.parent_path());
  test::write_file(d / "public" / "feed.xml", "<rss>the published feed</rss>\n");
  const std::vector<std::string> build = {"build", feed.string(), "--date", "2026-11-28"};

  nlohmann::json damaged = example_state();
  damaged["cache"]["2f57b6"]["timeline"][1]["start"] = "0.9";
  test::write_file(state, damaged.dump(1));
  auto r = run_briefcast(build);
  CHECK(r.exit_code == 8);
  CHECK(r.err == "briefcast: '" + state.string() +
                     "': field 'cache.2f57b6.timeline[1].start': expected a number, got string\n");
  CHECK(test::read_file(state) == damaged.dump(1));
  CHECK(test::read_file(d / "public" / "feed.xml") == "<rss>the published feed</rss>\n");

  // Unreadable is not missing: no new history over the old one. (A folder: root reads any file.)
  fs::remove(state);
  fs::create_directory(state);
  r = run_briefcast(build);
  CHECK(r.exit_code == 8);
  CHECK(r.err == "briefcast: '" + state.string() + "': cannot read: Is a directory\n");
  CHECK(fs::is_directory(state));
  CHECK(test::read_file(d / "public" / "feed.xml") == "<rss>the published feed</rss>\n");
  CHECK_FALSE(fs::exists(d / "public" / "episodes" / "2026-11-28.mp3"));
}
