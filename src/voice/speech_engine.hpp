#pragma once
// Speech synthesis through the eSpeak NG C library (synchronous mode, synth callback).
//
// eSpeak NG keeps its state global to the process and is not thread-safe, so exactly one
// SpeechEngine may exist at a time: constructing a second one throws. Every call blocks until the
// text is spoken. Errors throw Error(ExitCode::synthesis) (or ExitCode::voice for voice
// selection); a cancellation flag set from a signal handler stops synthesis between buffers and
// throws Error(ExitCode::interrupted).

#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace briefcast {

struct SynthesisConfig {
  std::string voice = "en-us";  // eSpeak NG voice name
  std::string variant;          // eSpeak NG variant ("m3"); empty for the voice's default
  int rate_wpm = 165;           // words per minute, 80-450
  int pitch = 45;               // 0-100
  int range = 50;               // 0-100
  int volume = 100;             // 0-200
  int word_gap_ms = 0;          // extra gap between words, ms (rounded to 10 ms units)
};

// A word eSpeak NG spoke, located in the input text and in the audio.
struct WordEvent {
  std::size_t text_offset = 0;  // byte offset of the word in the UTF-8 text handed to speak()
  std::size_t text_length = 0;  // bytes
  std::uint64_t sample = 0;     // first sample of the word, counted from the start of this speech
};

// The audio and events of one speak() call.
struct Speech {
  std::vector<std::int16_t> samples;     // mono, at SpeechEngine::sample_rate_hz()
  std::vector<WordEvent> words;          // in order
  std::vector<std::uint64_t> sentences;  // first sample of each sentence eSpeak detected
};

struct InstalledVoice {
  std::string name;        // as accepted by SynthesisConfig::voice, e.g. "en-us"
  std::string language;    // first language code, e.g. "en-us"
  std::string identifier;  // file within espeak-ng-data/voices
};

class SpeechEngine {
 public:
  // Initializes eSpeak NG (default data path). `cancel`, when given, is polled during synthesis.
  explicit SpeechEngine(const std::atomic<bool>* cancel = nullptr);
  ~SpeechEngine();
  SpeechEngine(const SpeechEngine&) = delete;
  SpeechEngine& operator=(const SpeechEngine&) = delete;

  unsigned sample_rate_hz() const { return sample_rate_hz_; }

  // Selects the voice and sets the parameters. Called again with another voice (a story in
  // another language), it switches eSpeak NG's voice; the same voice is not loaded again. Throws
  // Error(ExitCode::voice) for an unknown voice (the engine then has no voice selected until a
  // later configure() succeeds).
  void configure(const SynthesisConfig& config);

  // Speaks UTF-8 text (eSpeak phoneme input "[[...]]" allowed). Blocks until done.
  Speech speak(std::string_view text);
  // The same, handing the samples to `on_samples` as eSpeak NG makes them (a few hundred
  // milliseconds at a time) instead of keeping them: Speech::samples stays empty, so a sentence
  // of any length costs no more memory than a short one.
  using SampleSink = std::function<void(std::span<const std::int16_t>)>;
  Speech speak(std::string_view text, const SampleSink& on_samples);

  // The phonemes eSpeak NG would speak for UTF-8 `text` with the configured voice (the default
  // SynthesisConfig when configure() was never called), as the mnemonics `espeak-ng -q -x` prints:
  // stress marks ' and , and pauses such as _: included. Clauses are joined by one space.
  // No audio is made. Throws Error(ExitCode::synthesis) if eSpeak NG cannot set the voice.
  std::string phonemes(std::string_view text);

  // The voices eSpeak NG has installed, sorted by language code (voices of one language in no
  // particular order).
  std::vector<InstalledVoice> installed_voices() const;

  // "eSpeak NG 1.51" (from espeak_Info).
  std::string version() const;

 private:
  unsigned sample_rate_hz_ = 0;
  const std::atomic<bool>* cancel_ = nullptr;
  bool configured_ = false;  // configure() has selected a voice
  std::string voice_name_;   // "voice+variant" eSpeak NG has selected; "" none

  void select_voice(const SynthesisConfig& config, const std::string& name);
};

}  // namespace briefcast
