// `briefcast say` as a user runs it: the MP3 a player decodes, interruption, flat memory, eSpeak
// NG's and LAME's short options, Opus, URLs, plain text spoken as written, --format, and the voice
// that follows the input's language.
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

#include "audio/id3_tags.hpp"
#include "audio/mp3_frames.hpp"
#include "audio/sound_file.hpp"
#include "support/loopback_server.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
using test::run_briefcast;
using test::TempDir;
using namespace std::chrono_literals;
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

}  // namespace

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
  // Under ASan the freed-memory quarantine (256 MiB by default) fills for minutes and would read
  // as growth: a small one lets the samples show the program's own memory.
  std::vector<std::string> env;
#ifdef __SANITIZE_ADDRESS__
  env.push_back(
      "ASAN_OPTIONS=detect_leaks=1:quarantine_size_mb=4:thread_local_quarantine_size_kb=64");
#endif
  test::ChildProcess say(
      {BRIEFCAST_BINARY, "say", (d / "big.txt").string(), "-o", (d / "out" / "big.mp3").string()},
      d / "err.txt", env);
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
  test::write_file(d / "short.md", "# A short read\n\n" + article_shaped(250));
  test::write_file(d / "long.md", "# A long read\n\n" + text);
  const auto mp3 = [&](const std::string& name) {
    return peak_rss_kib(
        {"say", "--quiet", (d / (name + ".txt")).string(), "-o", (d / (name + ".mp3")).string()},
        d.path());
  };
  const auto wav = [&](const std::string& name) {
    return peak_rss_kib({"say", "--quiet", "--no-loudness", (d / (name + ".md")).string(), "-o",
                         (d / (name + ".wav")).string()},
                        d.path());
  };
  const long short_mp3 = mp3("short");
  const long long_mp3 = mp3("long");
  const long short_wav = wav("short");
  const long long_wav = wav("long");
  WARN("peak RSS (MiB): MP3 with loudness " << short_mp3 / 1024 << " short, " << long_mp3 / 1024
                                            << " long; Markdown to WAV without loudness "
                                            << short_wav / 1024 << " short, " << long_wav / 1024
                                            << " long");
  // Under ASan the peak follows the freed-memory quarantine and shadow memory, not the program:
  // the plain build checks the figures, the sanitizer build checks the runs are clean. The two
  // formats differ by the encoders' own state (two LAME encoders on two threads), so each format
  // is compared with itself across lengths and both stay under the same ceiling.
#ifndef __SANITIZE_ADDRESS__
  CHECK(long_mp3 - short_mp3 < 6 * 1024);
  CHECK(long_wav - short_wav < 6 * 1024);
  CHECK(long_mp3 <= 64 * 1024);
  CHECK(long_wav <= 64 * 1024);
#endif
}

TEST_CASE("cli: a sentence eSpeak NG speaks for half a minute costs no more memory", "[cli]") {
  // Cyrillic through an English voice is spelled out: one sentence of 170 letters lasts over 30 s.
  // Its audio streams through like any other sentence's instead of being held whole.
  TempDir d;
  std::string spelled;
  for (int i = 0; i < 6; ++i) spelled += "защита данных требует внимания ";
  test::write_file(d / "spelled.txt", spelled + "\n");
  test::write_file(d / "short.txt", "Data protection needs attention. It is a short note.\n");
  const auto peak = [&](const std::string& name) {
    return peak_rss_kib({"say", "--quiet", "--no-loudness", "--voice", "en-us-news",
                         (d / (name + ".txt")).string(), "-o", (d / (name + ".wav")).string()},
                        d.path());
  };
  const long spelled_kib = peak("spelled");
  const long short_kib = peak("short");
  const DecodedAudio audio = read_sound_file(d / "spelled.wav");
  WARN("peak RSS (KiB): " << spelled_kib << " for " << audio.seconds() << " s in one sentence, "
                          << short_kib << " for two short sentences");
  CHECK(audio.seconds() > 25.0);
#ifndef __SANITIZE_ADDRESS__
  // Held whole, its samples (16-bit) and its chunk (32-bit float) would add 4 MiB or more.
  CHECK(spelled_kib - short_kib < 3584);
#endif
}

TEST_CASE("cli: say takes eSpeak NG's and LAME's short options", "[cli]") {
  TempDir d;
  test::write_file(d / "in.txt", "Short options work.\n");
  auto cbr = run_briefcast({"say", (d / "in.txt").string(), "-o", (d / "cbr.mp3").string(), "-v",
                            "en-us-news", "-s", "200", "-p", "40", "-b", "32", "-q"});
  INFO(cbr.err);
  REQUIRE(cbr.exit_code == 0);
  auto vbr = run_briefcast(
      {"say", (d / "in.txt").string(), "-o", (d / "vbr.mp3").string(), "-V", "4", "-q"});
  INFO(vbr.err);
  REQUIRE(vbr.exit_code == 0);
  // -b is LAME's constant bitrate; -V its VBR quality (frames of varying bitrates).
  Mp3StreamInfo cbr_info = scan_mp3(d / "cbr.mp3");
  CHECK(cbr_info.first.bitrate_kbps == 32);
  CHECK(cbr_info.constant_parameters);
  CHECK_FALSE(scan_mp3(d / "vbr.mp3").constant_parameters);
  // -s is the rate in words per minute: slower speech is longer.
  auto slow = run_briefcast(
      {"say", (d / "in.txt").string(), "-o", (d / "slow.wav").string(), "-s", "90", "-q"});
  auto fast = run_briefcast(
      {"say", (d / "in.txt").string(), "-o", (d / "fast.wav").string(), "-s", "400", "-q"});
  REQUIRE(slow.exit_code == 0);
  REQUIRE(fast.exit_code == 0);
  CHECK(read_sound_file(d / "slow.wav").samples.size() >
        2 * read_sound_file(d / "fast.wav").samples.size());
}

TEST_CASE("cli: say writes Ogg Opus for .opus", "[cli]") {
  TempDir d;
  auto r = run_briefcast({"say", kNote, "-o", (d / "note.opus").string(), "-q"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string bytes = test::read_file(d / "note.opus");
  CHECK(bytes.rfind("OggS", 0) == 0);
  CHECK(bytes.find("OpusHead") != std::string::npos);
  DecodedAudio audio = read_sound_file(d / "note.opus");
  CHECK(audio.sample_rate_hz == 48000);
  CHECK(audio.samples.size() > 48000);  // over a second of speech
  // Smaller than the same speech as 64 kbps MP3.
  REQUIRE(run_briefcast({"say", kNote, "-o", (d / "note.mp3").string(), "-q"}).exit_code == 0);
  CHECK(fs::file_size(d / "note.opus") < fs::file_size(d / "note.mp3"));
  r = run_briefcast(
      {"say", kNote, "-o", (d / "bad.opus").string(), "--sample-rate", "44100", "-q"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "briefcast: --sample-rate 44100: Opus takes 16000, 24000 or 48000 Hz\n");
  CHECK_FALSE(fs::exists(d / "bad.opus"));
}

TEST_CASE("cli: say reads an http(s) URL, and the page's author is the artist", "[cli]") {
  test::LoopbackServer http;
  http.server.Get("/story", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "<!doctype html><html lang=en><head><title>Harbour ferry returns</title>"
        "<meta name=\"author\" content=\"Jane Reporter\"></head><body><article>"
        "<h1>Harbour ferry returns</h1><p>The harbour ferry returned to service on Monday after "
        "a two-week repair, and officials said that twelve hundred passengers used it on the "
        "first day of the new timetable.</p></article></body></html>",
        "text/html; charset=utf-8");
  });
  http.server.Get("/picture", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("\x89PNG\r\n", "image/png");
  });
  http.start();
  TempDir d;
  auto r = run_briefcast({"say", http.url("/story"), "-o", (d / "story.mp3").string(), "-q"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  ReadTags tags = read_id3v2(d / "story.mp3");
  CHECK(tags.tags.artist == "Jane Reporter");
  CHECK(tags.tags.title == "Harbour ferry returns");
  // --author still wins; a file without an author keeps "briefcast".
  r = run_briefcast(
      {"say", http.url("/story"), "-o", (d / "a.mp3").string(), "--author", "Desk", "-q"});
  REQUIRE(r.exit_code == 0);
  CHECK(read_id3v2(d / "a.mp3").tags.artist == "Desk");
  REQUIRE(run_briefcast({"say", kNote, "-o", (d / "n.mp3").string(), "-q"}).exit_code == 0);
  CHECK(read_id3v2(d / "n.mp3").tags.artist == "briefcast");

  // Errors as build reports a source's: the URL and the reason, and no output.
  r = run_briefcast({"say", http.url("/missing"), "-o", (d / "m.mp3").string()});
  CHECK(r.exit_code == 9);
  CHECK(r.err.find(http.url("/missing")) != std::string::npos);
  CHECK(r.err.find("404") != std::string::npos);
  r = run_briefcast({"say", http.url("/picture"), "-o", (d / "p.mp3").string()});
  CHECK(r.exit_code == 3);
  CHECK(r.err == "briefcast: '" + http.url("/picture") +
                     "': not a web page or text (Content-Type image/png)\n");
  CHECK_FALSE(fs::exists(d / "m.mp3"));
  CHECK_FALSE(fs::exists(d / "p.mp3"));
}

TEST_CASE("cli: a one-line input is the body, spoken once", "[cli]") {
  TempDir d;
  test::write_file(d / "us.txt", "I live in the U.S. How about you?\n");
  auto r = run_briefcast({"sentences", "-"}, (d / "us.txt").string());
  CHECK(r.exit_code == 0);
  CHECK(r.out == "I live in the U.S.\nHow about you?\n");
  test::write_file(d / "km.txt", "2 km\n");
  r = run_briefcast({"script", "-"}, (d / "km.txt").string());
  CHECK(r.exit_code == 0);
  CHECK(r.out == "two kilometers\n");
  test::write_file(d / "year.txt", "Title\n\n2012\n");
  r = run_briefcast({"script", (d / "year.txt").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "Title\ntwenty twelve\n");
  r = run_briefcast({"clean", (d / "us.txt").string()});
  CHECK(r.out == "I live in the U.S. How about you?\n");
  r = run_briefcast({"say", "-", "-o", (d / "x.wav").string(), "-q"}, (d / "us.txt").string());
  CHECK(r.exit_code == 0);
  CHECK(fs::file_size(d / "x.wav") > 10000);
}

TEST_CASE("cli: dropped lines are counted, and listed with --verbose", "[cli]") {
  TempDir d;
  const std::string body =
      "The council voted on Monday to fund the new bridge across the river, ending a debate "
      "that had lasted more than a decade.";
  const fs::path page = d / "page.txt";
  test::write_file(page, "Bridge Vote\n\n12 Comments\n\nBridge Vote\n\n" + body + "\n");
  auto r = run_briefcast({"clean", page.string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "Bridge Vote\n\n" + body + "\n");
  CHECK(r.err == "briefcast: warning: '" + page.string() +
                     "': dropped 2 lines as boilerplate (see --verbose)\n");
  r = run_briefcast({"script", "--verbose", page.string()});
  CHECK(r.err ==
        "briefcast: dropped line 3: \"12 Comments\" (boilerplate)\n"
        "briefcast: dropped line 5: \"Bridge Vote\" (repeats the title)\n"
        "briefcast: warning: '" +
            page.string() +
            "': dropped 2 lines as boilerplate (see --verbose)\n"
            "briefcast: voice en-us-news (en-us) for language en (guessed from the text)\n");
  r = run_briefcast({"say", "--verbose", page.string(), "-o", (d / "x.wav").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("briefcast: '" + page.string() +
                   "': dropped line 3: \"12 Comments\" (boilerplate)\n") != std::string::npos);
  // Plain text without the signs of a scrape is spoken as written: nothing dropped.
  test::write_file(page, "Bridge Vote\n\n0\n\n" + body + "\n");
  r = run_briefcast({"sentences", page.string()});
  CHECK(r.err.empty());
  CHECK(r.out == "Bridge Vote\n0\n" + body + "\n");
}

TEST_CASE("cli: --format overrides sniffing on say, clean, sentences and script", "[cli]") {
  TempDir d;
  test::write_file(d / "frag.txt", "Hello <b>world</b> again\n");
  // Sniffed as HTML from the closing tag; as text when told.
  auto r = run_briefcast({"script", "-"}, (d / "frag.txt").string());
  CHECK(r.exit_code == 0);
  CHECK(r.out == "Hello world again\n");
  r = run_briefcast({"script", "--format", "html", (d / "frag.txt").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "Hello world again\n");
  test::write_file(d / "notes.md", "# Not a heading\n\nBody text here.\n");
  r = run_briefcast({"sentences", "--format", "text", (d / "notes.md").string()});
  CHECK(r.out == "# Not a heading\nBody text here.\n");
  r = run_briefcast({"clean", "--format", "markdown", "-"}, (d / "notes.md").string());
  CHECK(r.out == "Not a heading\n\nBody text here.\n");
  r = run_briefcast({"say", "--format", "html", "-", "-o", (d / "x.wav").string(), "-q"},
                    (d / "frag.txt").string());
  CHECK(r.exit_code == 0);
  r = run_briefcast({"script", "--format", "pdf", "-"}, (d / "frag.txt").string());
  CHECK(r.exit_code == 2);
}

TEST_CASE("cli: without --voice a page is read in its own language's voice and numbers",
          "[cli][language]") {
  TempDir d;
  const std::string page =
      "<!doctype html><html lang=\"fr\"><head><title>Vote au Sénat</title></head><body>"
      "<article><h1>Vote au Sénat</h1><p>Le texte a été adopté par 250 voix contre 30 à "
      "9h15, après un long débat.</p></article></body></html>";
  test::write_file(d / "vote.html", page);
  auto r = run_briefcast({"script", "--verbose", (d / "vote.html").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "Vote au Sénat\nLe texte a été adopté par deux cent cinquante voix contre trente à neuf "
        "heures quinze, après un long débat.\n");
  CHECK(r.err.find("briefcast: voice fr-news (fr) for language fr (declared by the input)") !=
        std::string::npos);
  // --voice wins over the page's language.
  auto en = run_briefcast({"script", "--voice", "en-us-news", (d / "vote.html").string()});
  REQUIRE(en.exit_code == 0);
  CHECK(en.out.find("two hundred fifty") != std::string::npos);

  // say: the French voice, the French language tag, and the choice on --verbose.
  auto say = run_briefcast(
      {"say", (d / "vote.html").string(), "-o", (d / "vote.mp3").string(), "--verbose"});
  INFO(say.err);
  REQUIRE(say.exit_code == 0);
  CHECK(say.err.find("briefcast: voice fr-news (fr) for language fr") != std::string::npos);
  CHECK(say.err.find("briefcast: voice fr-news (eSpeak NG fr+m3") != std::string::npos);
  CHECK(read_id3v2(d / "vote.mp3").tags.language == "fra");

  // Plain text declares nothing: its words tell (German here), and its numbers follow.
  test::write_file(d / "de.txt",
                   "Die Regierung hat den Haushalt vorgestellt. Die Ausgaben steigen am 5. März "
                   "um 2,5 Prozent, wie der Minister sagte.\n");
  auto de = run_briefcast({"script", "--verbose", (d / "de.txt").string()});
  REQUIRE(de.exit_code == 0);
  CHECK(de.out ==
        "Die Regierung hat den Haushalt vorgestellt.\nDie Ausgaben steigen am fünften März um "
        "zwei Komma fünf Prozent, wie der Minister sagte.\n");
  CHECK(de.err.find("voice de-news (de) for language de (guessed from the text)") !=
        std::string::npos);
  // A language with a voice but no spoken-form rules: eSpeak NG's own voice, text as written.
  test::write_file(d / "it.html",
                   "<html lang=\"it\"><body><article><p>Il governo ha approvato la legge con 250 "
                   "voti.</p></article></body></html>");
  auto it = run_briefcast({"script", "--verbose", (d / "it.html").string()});
  REQUIRE(it.exit_code == 0);
  CHECK(it.out == "Il governo ha approvato la legge con 250 voti.\n");
  CHECK(it.err.find("voice it (it) for language it") != std::string::npos);
}

TEST_CASE("cli: voices lists the languages with spoken-form rules", "[cli][language]") {
  auto r = run_briefcast({"voices"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Spoken-form rules (numbers, dates, times, money; ") != std::string::npos);
  CHECK(r.out.find("  de en es fr\n") != std::string::npos);
  CHECK(r.out.find("fr-news") != std::string::npos);
  CHECK(r.out.find("es-news") != std::string::npos);
}
