#pragma once
// The listener and language score sets: case files of lines
//
//   HEAD[,FORMAT]|input~expected sentence | expected sentence
//
// (`\n` in the input is a line break; `#` starts a comment line), each input run through
// `briefcast script` as a user would, and the script compared with what was expected by how it
// sounds: sentence by sentence, by eSpeak NG's phonemes (scoring::phoneme_key).

#include <filesystem>
#include <string>
#include <vector>

#include "voice/speech_engine.hpp"

namespace briefcast::scoring {

struct ScriptCase {
  std::string head;    // what the case file puts before the format: a voice or a language
  std::string format;  // "text" unless given
  std::string input, expected;
  int line = 0;  // in the case file
};

// The cases of `file`; throws std::runtime_error naming the line of a malformed case.
std::vector<ScriptCase> read_script_cases(const std::filesystem::path& file);

// Phonemes of a line in an eSpeak NG voice; eSpeak NG allows one engine per process,
// reconfigured on a voice change.
class Ears {
 public:
  std::string key(const std::string& espeak_voice, const std::string& text);

 private:
  SpeechEngine engine_;
  std::string voice_;
};

// Runs `c.input` through `briefcast script` with `voice_args` (e.g. {"--voice", "fr-news"}, or
// none) in `dir`; true when it has the expected sentences and each sounds like the expected one
// in `espeak_voice`. `got` receives the script, or the exit code and error.
bool heard_as(Ears& ears, const std::filesystem::path& dir,
              const std::vector<std::string>& voice_args, const std::string& espeak_voice,
              const ScriptCase& c, std::string& got);

}  // namespace briefcast::scoring
