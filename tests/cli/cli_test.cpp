// The `briefcast` binary as a user runs it: help and version, usage errors and "did you mean",
// exit codes and one-line messages for bad inputs, files never left behind.
#include <signal.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>

#include "support/test_support.hpp"

using namespace briefcast;
using test::run_briefcast;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kNote = (test::source_dir() / "examples/articles/short-note.txt").string();

}  // namespace

TEST_CASE("cli: --version and --help with the defaults", "[cli]") {
  auto v = run_briefcast({"--version"});
  CHECK(v.exit_code == 0);
  CHECK(v.out == std::string("briefcast ") + BRIEFCAST_VERSION + "\n");
  auto h = run_briefcast({"say", "--help"});
  CHECK(h.exit_code == 0);
  CHECK(h.out.find("--bitrate") != std::string::npos);
  CHECK(h.out.find("=64") != std::string::npos);
  CHECK(h.out.find("default: 44100") != std::string::npos);
  CHECK(h.out.find("=-16") != std::string::npos);
  CHECK(h.out.find("else en-us-news]") != std::string::npos);
}

TEST_CASE("cli: usage errors exit 2", "[cli]") {
  CHECK(run_briefcast({}).exit_code == 2);
  CHECK(run_briefcast({"say"}).exit_code == 2);
  CHECK(run_briefcast({"say", kNote, "--bitrate", "65"}).exit_code == 2);
  TempDir d;
  auto r = run_briefcast({"say", kNote, "-o", (d / "x.aiff").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "briefcast: '" + (d / "x.aiff").string() +
                     "': unknown output extension (use .mp3, .wav, .flac, .ogg or .opus)\n");
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

TEST_CASE("cli: covers are regular files of at most 10 MB", "[cli]") {
  TempDir d;
  // /dev/zero was read until memory ran out; a FIFO would block forever.
  auto r = run_briefcast({"say", kNote, "--cover", "/dev/zero", "-o", (d / "a.mp3").string()});
  CHECK(r.exit_code == 3);
  CHECK(r.err == "briefcast: '/dev/zero': not a regular file\n");
  std::string big(10 * 1000 * 1000 + 1, '\0');
  big.replace(0, 3, "\xFF\xD8\xFF");  // a JPEG signature
  test::write_file(d / "big.jpg", big);
  r = run_briefcast(
      {"say", kNote, "--cover", (d / "big.jpg").string(), "-o", (d / "a.mp3").string()});
  CHECK(r.exit_code == 3);
  CHECK(r.err == "briefcast: '" + (d / "big.jpg").string() + "': larger than 10000000 bytes\n");
  CHECK(test::files_in(d.path()).size() == 1);
}

TEST_CASE("cli: a write error names the output, not a temporary file", "[cli]") {
  TempDir d;
  const std::string cmd = std::string(BRIEFCAST_BINARY) + " say " + kNote +
                          " -o - --quiet >/dev/full 2>" + (d / "err.txt").string();
  const int rc = std::system(cmd.c_str());
  CHECK(WEXITSTATUS(rc) == 7);
  CHECK(test::read_file(d / "err.txt") ==
        "briefcast: standard output: cannot write output: No space left on device\n");
}

TEST_CASE("cli: non-finite numbers are refused before anything is written", "[cli]") {
  TempDir d;
  for (const char* bad : {"nan", "NaN", "inf", "-inf", "-nan"}) {
    auto r = run_briefcast({"say", kNote, "--loudness", bad, "-o", (d / "a.mp3").string()});
    INFO(bad);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("finite") != std::string::npos);
    CHECK(test::files_in(d.path()).empty());  // no .o.mp3.tmp-* left behind
  }
}

TEST_CASE("cli: a failed write names the user's file, never the hidden temporary one", "[cli]") {
  // "cannot write output: No space left on device" once named no file. A full disk is injected
  // with the file size limit (ulimit -f; SIGXFSZ ignored, so write() fails with EFBIG) on the
  // temporary file `say` writes beside the output.
  TempDir d;
  fs::create_directory(d / "out");
  for (const char* name : {"o.mp3", "o.wav", "o.flac", "o.ogg"}) {
    const std::string out = (d / "out" / name).string();
    auto r =
        test::run_shell("ulimit -f 8; trap '' XFSZ; exec " + test::shell_quote(BRIEFCAST_BINARY) +
                        " say " + test::shell_quote(kNote) + " -o " + test::shell_quote(out));
    INFO(name << ": " << r.err);
    CHECK(r.exit_code == 7);
    // One line of ours (eSpeak NG's PulseAudio client, which it loads, also says the limit
    // stopped it from making its shared memory).
    std::vector<std::string> ours;
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);)
      if (line.starts_with("briefcast:")) ours.push_back(line);
    REQUIRE(ours.size() == 1);
    CHECK(ours[0].starts_with("briefcast: '" + out + "': "));
    // libsndfile's Vorbis writer loses the reason ("Unspecified internal error").
    if (std::string(name) != "o.ogg") CHECK(ours[0].find("too large") != std::string::npos);
    CHECK(r.err.find(".tmp-") == std::string::npos);
    CHECK(test::files_in(d / "out").empty());
  }
}

TEST_CASE("cli: a mistyped subcommand or option gets \"did you mean\"", "[cli]") {
  auto r = run_briefcast({"buidl", "feeds/example.json"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("(did you mean 'build'?)") != std::string::npos);
  r = run_briefcast({"say", kNote, "--vocie", "en-us-news"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("(did you mean '--voice'?)") != std::string::npos);
  r = run_briefcast({"serve", "public", "--prot=8080"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("(did you mean '--port'?)") != std::string::npos);
  // Nothing near: no guess.
  r = run_briefcast({"say", kNote, "--zzzzzzzz"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("did you mean") == std::string::npos);
}
