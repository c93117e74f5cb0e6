// `briefcast say INPUT... [-o OUTPUT]`: text to one audio file (pipeline/say.hpp), and
// `briefcast voices`: the voice profiles and the installed eSpeak NG voices.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

#include "base/data_dir.hpp"
#include "base/error.hpp"
#include "base/strings.hpp"
#include "briefing/briefing_day.hpp"
#include "cli/cli_commands.hpp"
#include "net/url_tools.hpp"
#include "pipeline/say.hpp"
#include "pipeline/text_frontend.hpp"
#include "spoken/normalizer.hpp"
#include "voice/speech_engine.hpp"
#include "voice/voice_profile.hpp"

namespace briefcast {

namespace fs = std::filesystem;

namespace {

constexpr const char* kDefaultVoice = "en-us-news";

// Flags given on the command line; unset optionals leave the voice profile's value in place.
struct SayFlags {
  std::vector<std::string> inputs;
  std::string output;
  std::string title, author, album = "briefcast";
  std::string voice;  // empty: the voice of the first input's language
  std::optional<int> rate_wpm, pitch;
  int bitrate_kbps = Mp3Config{}.bitrate_kbps;
  std::optional<int> vbr_quality;
  std::optional<unsigned> sample_rate_hz;  // unset: SayRequest's, 48000 for Opus
  double loudness_lufs = LoudnessConfig{}.target_lufs;
  bool no_loudness = false;
  std::string cover;
  bool quiet = false, verbose = false;
  std::string input_format;  // --format: "" sniffs
  unsigned jobs = 0;
};

// ISO 639-2 code for the ID3 TLAN frame from a BCP 47 tag ("en-US" → "eng").
std::string iso639_2(const std::string& bcp47) {
  static const std::map<std::string, std::string> codes = {
      {"en", "eng"}, {"de", "deu"}, {"fr", "fra"}, {"es", "spa"}, {"it", "ita"}, {"nl", "nld"},
      {"pt", "por"}, {"pl", "pol"}, {"sv", "swe"}, {"da", "dan"}, {"fi", "fin"}, {"nb", "nor"},
      {"ru", "rus"}, {"cs", "ces"}, {"tr", "tur"}, {"el", "ell"}, {"hu", "hun"}, {"ro", "ron"}};
  std::string primary = bcp47.substr(0, bcp47.find('-'));
  auto it = codes.find(primary);
  return it == codes.end() ? primary : it->second;
}

// "notes" for "notes.txt"; for a URL its last path segment's stem, else its host
// ("https://news.example/2026/ferry.html" → "ferry").
std::string default_output_stem(const std::string& input) {
  if (!is_http_url(input)) return fs::path(input).stem().string();
  UrlParts u = split_url(input);
  std::string path = u.path;
  while (!path.empty() && path.back() == '/') path.pop_back();
  std::string stem = fs::path(path).filename().stem().string();
  if (stem.empty() || stem == "." || stem == "..") stem = u.host;
  return stem.empty() ? "page" : stem;
}

VoiceProfile resolve_voice(const std::string& voice) {
  if (auto profile = find_voice_profile(voice, default_voices_dir())) return *profile;
  // Not a profile: a raw eSpeak NG voice name with the default profile's pauses and settings.
  VoiceProfile p;
  p.name = voice;
  p.espeak_voice = voice;
  p.language = voice;
  p.lexicon.clear();
  return p;
}

int run_say(const SayFlags& f, std::ostream& err) {
  SayRequest r;
  r.inputs = f.inputs;
  if (f.output.empty()) {
    if (f.inputs.front() == "-")
      throw Error(ExitCode::usage, "reading standard input needs -o FILE (or -o - for stdout)");
    r.output = default_output_stem(f.inputs.front()) + ".mp3";
  } else {
    r.output = f.output;
  }
  auto format = format_for_output(r.output);
  if (!format)
    throw Error(
        ExitCode::usage,
        "'" + r.output + "': unknown output extension (use .mp3, .wav, .flac, .ogg or .opus)");
  r.format = *format;
  if (r.output == "-" && isatty(STDOUT_FILENO))
    throw Error(ExitCode::usage, "refusing to write MP3 to a terminal; redirect or pipe -o -");

  if (!f.input_format.empty()) r.input_format = parse_input_format(f.input_format);
  // Without --voice the first input's language picks the voice (its readers are opened here, so
  // the input is read once); a streamed large text file keeps the default voice.
  std::vector<std::unique_ptr<ScriptReader>> readers;
  std::string voice_note;
  if (f.voice.empty()) {
    r.voice = resolve_voice(kDefaultVoice);
    if (!streams_input(f.inputs.front(), r.input_format)) {
      Article first = read_article(f.inputs.front(), r.input_format);
      r.voice = voice_for_article(first, default_voices_dir(), r.voice, &voice_note);
      ScriptOptions options;
      options.language = r.voice.language;
      options.lexicon = r.voice.lexicon;
      const std::string& spec = f.inputs.front();
      readers.push_back(
          script_from_article(std::move(first), options, spec == "-" ? "<stdin>" : spec, true));
      for (std::size_t i = 1; i < f.inputs.size(); ++i)
        readers.push_back(open_script(f.inputs[i], options, r.input_format));
    }
  } else {
    r.voice = resolve_voice(f.voice);
  }
  if (f.rate_wpm) r.voice.rate_wpm = *f.rate_wpm;
  if (f.pitch) r.voice.pitch = *f.pitch;
  r.mp3.bitrate_kbps = f.bitrate_kbps;
  r.mp3.vbr_quality = f.vbr_quality;
  if (r.format == OutputFormat::opus) {
    r.sample_rate_hz = f.sample_rate_hz.value_or(48000);
    if (r.sample_rate_hz != 16000 && r.sample_rate_hz != 24000 && r.sample_rate_hz != 48000)
      throw Error(ExitCode::usage, "--sample-rate " + std::to_string(r.sample_rate_hz) +
                                       ": Opus takes 16000, 24000 or 48000 Hz");
  } else {
    r.sample_rate_hz = f.sample_rate_hz.value_or(SayRequest{}.sample_rate_hz);
  }
  r.loudness.enabled = !f.no_loudness;
  r.loudness.target_lufs = f.loudness_lufs;
  r.tags.title = f.title;
  r.tags.artist = f.author;  // empty: the page's author, else "briefcast"
  r.fallback_artist = "briefcast";
  r.tags.album = f.album;
  r.tags.date = today_local();
  r.tags.language = iso639_2(r.voice.language);
  r.tags.comment = std::string("briefcast ") + BRIEFCAST_VERSION + ", voice " + r.voice.name;
  if (!f.cover.empty()) r.tags.cover = f.cover;
  r.verbose = f.verbose && !f.quiet;
  r.progress = !f.quiet && isatty(STDERR_FILENO);
  r.jobs = f.jobs;

  if (r.verbose && !voice_note.empty()) err << "briefcast: " << voice_note << "\n";
  SayReport rep = readers.empty() ? say(r, err) : say(r, std::move(readers), err);

  if (r.verbose) {
    err << "briefcast: voice " << r.voice.name << " (eSpeak NG " << r.voice.espeak_voice
        << (r.voice.variant.empty() ? "" : "+" + r.voice.variant) << ", " << r.voice.rate_wpm
        << " wpm)\n";
    char line[200];
    std::snprintf(line, sizeof line,
                  "briefcast: loudness: speech %.1f LUFS -> output %.1f LUFS (target %.1f), true "
                  "peak %.1f dBTP (ceiling %.1f)%s\n",
                  rep.input.integrated_lufs, rep.output.integrated_lufs, r.loudness.target_lufs,
                  rep.output.true_peak_dbtp, r.loudness.true_peak_dbtp,
                  r.loudness.enabled ? "" : " [normalization off]");
    err << line;
    if (r.format == OutputFormat::mp3) {
      err << "briefcast: encoder: LAME, " << r.sample_rate_hz << " Hz mono, "
          << (r.mp3.vbr_quality ? "VBR quality " + std::to_string(*r.mp3.vbr_quality)
                                : "CBR " + std::to_string(r.mp3.bitrate_kbps) + " kbps")
          << "\n";
      err << (rep.encode.info_frame_written
                  ? "briefcast: Info/Xing frame written (duration and seeking)\n"
                  : "briefcast: Info/Xing frame skipped: output is not seekable\n");
    }
  }
  if (!f.quiet) {
    char line[256];
    std::snprintf(line, sizeof line,
                  "briefcast: wrote %s (%s, %zu sentences, %.0f KB) in %.1f s, %.0fx real-time\n",
                  r.output == "-" ? "<stdout>" : r.output.c_str(),
                  clock_time(std::lround(rep.audio_seconds)).c_str(), rep.sentences,
                  static_cast<double>(rep.encode.bytes) / 1024.0, rep.wall_seconds,
                  rep.wall_seconds > 0 ? rep.audio_seconds / rep.wall_seconds : 0.0);
    err << line;
  }
  return 0;
}

int run_voices(std::ostream& out) {
  fs::path dir = default_voices_dir();
  out << "Voice profiles (" << dir.string() << "):\n";
  for (auto& p : load_voice_profiles(dir)) {
    char line[256];
    std::snprintf(line, sizeof line, "  %-14s %-10s %3d wpm  %s%s\n", p.name.c_str(),
                  (p.espeak_voice + (p.variant.empty() ? "" : "+" + p.variant)).c_str(), p.rate_wpm,
                  p.description.c_str(), p.name == kDefaultVoice ? " (default)" : "");
    out << line;
  }
  out << "\nSpoken-form rules (numbers, dates, times, money; " << (dir / "lang").string()
      << "):\n ";
  for (auto& code : normalizer_languages(dir)) out << " " << code;
  out << "\n  Other languages are read as written (eSpeak NG reads their digits).\n";
  SpeechEngine engine;
  out << "\neSpeak NG voices (" << engine.version() << "), usable with --voice LANGUAGE:\n";
  for (auto& v : engine.installed_voices()) {
    char line[256];
    std::snprintf(line, sizeof line, "  %-14s %s\n", v.language.c_str(), v.name.c_str());
    out << line;
  }
  return 0;
}

}  // namespace

void add_say_commands(CLI::App& app, CliStreams io, SubcommandList& commands) {
  // CLI::Range lets NaN through (every comparison with it is false); infinities name no loudness.
  const CLI::Validator finite_number(
      [](std::string& text) {
        double n = 0;
        try {
          n = std::stod(text);
        } catch (const std::exception&) {
          return std::string();  // not a number at all: the option's own conversion reports it
        }
        return std::isfinite(n) ? std::string() : "expected a finite number, got " + text;
      },
      "FINITE");
  auto f = std::make_shared<SayFlags>();
  auto* say_cmd = app.add_subcommand("say", "Convert text files to one audio file");
  say_cmd
      ->add_option("INPUT", f->inputs,
                   "Text, Markdown or HTML file(s), http(s):// URL(s), or - for standard input")
      ->required();
  say_cmd->add_option(
      "-o,--output", f->output,
      "Output file; extension picks .mp3 .wav .flac .ogg (Vorbis) .opus; - for MP3 on "
      "stdout "
      "[default: <input stem>.mp3]");
  say_cmd->add_option("--title", f->title, "Title tag [default: first line of the input]");
  say_cmd->add_option("--author", f->author,
                      "Artist tag [default: the page's author, else briefcast]");
  say_cmd->add_option("--album", f->album, "Album tag")->capture_default_str();
  say_cmd->add_option("-v,--voice", f->voice,
                      "Voice profile name or .json file, or an eSpeak NG voice (see `voices`) "
                      "[default: the first input's language (declared or guessed), else " +
                          std::string(kDefaultVoice) + "]");
  say_cmd
      ->add_option("-s,--rate", f->rate_wpm, "Words per minute, 80-450 [default: from the voice]")
      ->check(CLI::Range(80, 450));
  say_cmd->add_option("-p,--pitch", f->pitch, "Pitch 0-100 [default: from the voice]")
      ->check(CLI::Range(0, 100));
  say_cmd->add_option("-b,--bitrate", f->bitrate_kbps, "MP3 CBR bitrate, kbps")
      ->capture_default_str()
      ->check(CLI::IsMember(
          {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}));
  say_cmd->add_option("-V,--vbr", f->vbr_quality, "MP3 VBR quality 0 (best) - 9 instead of CBR")
      ->check(CLI::Range(0, 9));
  say_cmd
      ->add_option("--sample-rate", f->sample_rate_hz,
                   "Output sample rate, Hz [default: 44100; 48000 for .opus]")
      ->check(CLI::IsMember({16000u, 22050u, 24000u, 32000u, 44100u, 48000u}));
  say_cmd->add_option("--loudness", f->loudness_lufs, "Integrated loudness target, LUFS")
      ->capture_default_str()
      ->check(finite_number & CLI::Range(-40.0, -5.0));
  say_cmd->add_flag("--no-loudness", f->no_loudness, "Keep eSpeak NG's level (no normalization)");
  say_cmd->add_option("--cover", f->cover, "JPEG or PNG image embedded as the cover");
  say_cmd->add_flag("-q,--quiet", f->quiet, "No progress or summary on stderr");
  say_cmd->add_flag("--verbose", f->verbose,
                    "Print measured loudness, encoder details and each dropped input line");
  say_cmd->add_option("--format", f->input_format, "Input format, instead of sniffing the input")
      ->check(CLI::IsMember({"text", "markdown", "html"}));
  say_cmd
      ->add_option(
          "-j,--jobs", f->jobs,
          "Threads: speech on one, loudness on another, MP3 encoding on N [default: cores]")
      ->check(CLI::Range(1, 64));

  auto* voices_cmd =
      app.add_subcommand("voices", "List voice profiles and installed eSpeak NG voices");
  commands.push_back({say_cmd, [f, io] { return run_say(*f, io.err); }});
  commands.push_back({voices_cmd, [io] { return run_voices(io.out); }});
}

}  // namespace briefcast
