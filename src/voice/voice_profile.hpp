#pragma once
// Voice profiles: `voices/NAME.json` files that choose an eSpeak NG voice, its parameters, the
// pauses between sentences and paragraphs, and a pronunciation lexicon.
//
// Every field is optional except "espeak_voice"; unknown fields are errors. Loading throws
// Error(ExitCode::voice) with "'<file>': field '<name>': <problem>".

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace briefcast {

struct VoiceProfile {
  std::string name = "en-us-news";     // profile name (file stem)
  std::string description;             // one line shown by `briefcast voices`
  std::string espeak_voice = "en-us";  // eSpeak NG voice name, e.g. "en-us", "en-gb-x-rp", "de"
  std::string variant;                 // eSpeak NG variant, e.g. "m3", "f2" (empty: none)
  std::string language = "en-US";      // BCP 47 tag, written to the tags / feed
  int rate_wpm = 165;                  // speaking rate, words per minute (80-450)
  int pitch = 45;                      // base pitch 0-100
  int range = 50;                      // pitch range 0-100 (0 monotone)
  int volume = 100;                    // eSpeak amplitude 0-200 (loudness is normalized later)
  int word_gap_ms = 0;                 // extra pause between words, ms (eSpeak uses 10 ms units)
  int sentence_pause_ms = 300;         // silence after each sentence, ms
  int paragraph_pause_ms = 800;        // silence after each paragraph (and between inputs), ms
  int story_pause_ms = 1800;           // silence after each story of an episode, ms
  bool story_tone = false;             // a short chime in the middle of that pause
  // Pronunciation lexicon: whole word → respelling, or eSpeak phonemes written as "[[...]]".
  std::vector<std::pair<std::string, std::string>> lexicon;
};

// Loads one profile file. The profile's name is the file stem. Throws Error(ExitCode::voice):
// "'FILE': cannot read: <reason>" (see read_file_bytes) or a problem parse_voice_profile names.
VoiceProfile load_voice_profile(const std::filesystem::path& file);

// Parses profile JSON text; `origin` names the file in messages.
VoiceProfile parse_voice_profile(const std::string& json_text, const std::string& origin,
                                 const std::string& name);

// All *.json profiles in `dir`, sorted by name. A bad file throws like load_voice_profile.
std::vector<VoiceProfile> load_voice_profiles(const std::filesystem::path& dir);

// Resolves --voice: a path to a .json file, a profile name in `dir`, or nullopt when neither exists
// (the caller may then try it as a raw eSpeak NG voice name).
std::optional<VoiceProfile> find_voice_profile(const std::string& voice,
                                               const std::filesystem::path& dir);

// The voice for an article written in `language` (BCP 47, e.g. "fr", "pt-BR"), when no voice was
// asked for: a profile in `dir` whose language is exactly that tag ("en-GB" -> en-gb-news); else
// `fallback` when its primary language matches; else the first profile (by name) of that
// primary language ("fr" -> fr-news); else, for a language eSpeak NG speaks, `fallback`'s
// settings with that language's eSpeak NG voice ("it" -> "it", "pt-BR" -> "pt-br"), named
// after it, without a lexicon. nullopt when `language` is empty or none of these fits.
std::optional<VoiceProfile> voice_for_language(const std::string& language,
                                               const std::filesystem::path& dir,
                                               const VoiceProfile& fallback);

}  // namespace briefcast
