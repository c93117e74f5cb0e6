#include "voice/speech_engine.hpp"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <cctype>
#include <exception>

#include "base/error.hpp"
#include "base/strings.hpp"

namespace briefcast {

namespace {

std::atomic<bool> g_engine_alive{false};

// State shared with the synth callback for one speak() call (passed as eSpeak's user_data).
struct Collector {
  Speech speech;
  std::exception_ptr error;
  const std::atomic<bool>* cancel = nullptr;
  unsigned rate_hz = 22050;
  bool cancelled = false;
  std::vector<std::size_t> char_to_byte;           // eSpeak reports character positions
  const SpeechEngine::SampleSink* sink = nullptr;  // set: samples go here, not into `speech`
};

// eSpeak calls this from inside espeak_Synth; no exception may cross it.
int on_synth(short* wav, int count, espeak_EVENT* events) {
  if (!events) return 1;
  auto* c = static_cast<Collector*>(events->user_data);
  if (!c) return 1;
  try {
    if (c->cancel && c->cancel->load(std::memory_order_relaxed)) {
      c->cancelled = true;
      return 1;
    }
    for (espeak_EVENT* e = events; e->type != espeakEVENT_LIST_TERMINATED; ++e) {
      // audio_position is in ms within this speech; convert to samples at eSpeak's rate.
      auto sample = static_cast<std::uint64_t>(std::max(0, e->audio_position)) * c->rate_hz / 1000u;
      if (e->type == espeakEVENT_WORD) {
        // text_position is 1-based and counts characters.
        auto ch = static_cast<std::size_t>(std::max(1, e->text_position) - 1);
        auto len = static_cast<std::size_t>(std::max(0, e->length));
        auto& map = c->char_to_byte;
        std::size_t begin = map[std::min(ch, map.size() - 1)];
        std::size_t end = map[std::min(ch + len, map.size() - 1)];
        c->speech.words.push_back({begin, end - begin, sample});
      } else if (e->type == espeakEVENT_SENTENCE) {
        c->speech.sentences.push_back(sample);
      }
    }
    if (wav && count > 0) {
      if (c->sink)
        (*c->sink)(std::span<const std::int16_t>(wav, static_cast<std::size_t>(count)));
      else
        c->speech.samples.insert(c->speech.samples.end(), wav, wav + count);
    }
    return 0;
  } catch (...) {
    c->error = std::current_exception();
    return 1;
  }
}

}  // namespace

// eSpeak NG 1.51 hangs when initialized again after espeak_Terminate, so the library itself is
// initialized once per process (on first use) and terminated at exit; SpeechEngine is the one
// live owner that may use it at any time.
class EspeakLibrary {
 public:
  static int sample_rate() {
    static EspeakLibrary lib;
    return lib.rate_;
  }

 private:
  // 200 ms buffers: callbacks often enough to poll the cancel flag, few enough to be cheap.
  EspeakLibrary() : rate_(espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, nullptr, 0)) {}
  ~EspeakLibrary() {
    if (rate_ > 0) espeak_Terminate();
  }
  int rate_;
};

SpeechEngine::SpeechEngine(const std::atomic<bool>* cancel) : cancel_(cancel) {
  if (g_engine_alive.exchange(true))
    throw Error(ExitCode::synthesis, "eSpeak NG is already in use in this process");
  int rate = EspeakLibrary::sample_rate();
  if (rate <= 0) {
    g_engine_alive = false;
    throw Error(ExitCode::synthesis, "cannot initialize eSpeak NG (is espeak-ng-data installed?)");
  }
  sample_rate_hz_ = static_cast<unsigned>(rate);
  espeak_SetSynthCallback(on_synth);
}

SpeechEngine::~SpeechEngine() { g_engine_alive = false; }

void SpeechEngine::configure(const SynthesisConfig& config) {
  std::string name = config.voice;
  if (!config.variant.empty()) name += "+" + config.variant;
  // The voice is switched only when it changes (a story in another language): selecting one
  // reloads its data files.
  if (!configured_ || name != voice_name_) select_voice(config, name);
  auto set = [&](espeak_PARAMETER p, int value, const char* what) {
    if (espeak_SetParameter(p, value, 0) != EE_OK)
      throw Error(ExitCode::voice,
                  std::string("eSpeak NG rejected ") + what + " " + std::to_string(value));
  };
  set(espeakRATE, config.rate_wpm, "rate");
  set(espeakPITCH, config.pitch, "pitch");
  set(espeakRANGE, config.range, "range");
  set(espeakVOLUME, config.volume, "volume");
  set(espeakWORDGAP, (config.word_gap_ms + 5) / 10, "word gap");
  configured_ = true;
}

void SpeechEngine::select_voice(const SynthesisConfig& config, const std::string& name) {
  // espeak_SetVoiceByName falls back to a default voice for names it does not know, so the name
  // is checked against the installed voices first.
  auto voices = installed_voices();
  bool known = std::any_of(voices.begin(), voices.end(), [&](const InstalledVoice& v) {
    auto same = [](const std::string& a, const std::string& b) {
      return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                        [](char x, char y) { return std::tolower(x) == std::tolower(y); });
    };
    std::string file = v.identifier.substr(v.identifier.rfind('/') + 1);
    return same(v.name, config.voice) || same(v.language, config.voice) || same(file, config.voice);
  });
  if (!known)
    throw Error(ExitCode::voice, "voice '" + config.voice + "': eSpeak NG has no such voice");
  voice_name_.clear();  // unknown until eSpeak NG has taken the new one
  if (espeak_SetVoiceByName(name.c_str()) != EE_OK)
    throw Error(ExitCode::voice, "voice '" + name + "': eSpeak NG has no such voice or variant");
  voice_name_ = name;
}

Speech SpeechEngine::speak(std::string_view text) { return speak(text, {}); }

Speech SpeechEngine::speak(std::string_view text, const SampleSink& on_samples) {
  Collector c;
  if (on_samples) c.sink = &on_samples;
  c.cancel = cancel_;
  c.rate_hz = sample_rate_hz_;
  // Map character index -> byte offset (UTF-8 lead bytes), plus the end.
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!is_utf8_continuation(text[i])) c.char_to_byte.push_back(i);
  c.char_to_byte.push_back(text.size());
  std::string buffer(text);  // eSpeak wants NUL-terminated text
  espeak_ERROR rc = espeak_Synth(buffer.c_str(), buffer.size() + 1, 0, POS_CHARACTER, 0,
                                 espeakCHARS_UTF8, nullptr, &c);
  if (c.error) std::rethrow_exception(c.error);
  if (c.cancelled) throw Error(ExitCode::interrupted, "interrupted; nothing was written");
  if (rc != EE_OK) throw Error(ExitCode::synthesis, "eSpeak NG failed to synthesize a sentence");
  return std::move(c.speech);
}

std::string SpeechEngine::phonemes(std::string_view text) {
  if (!configured_) configure({});
  std::string buffer(text);  // NUL-terminated; eSpeak advances `ptr` clause by clause
  const void* ptr = buffer.c_str();
  std::string out;
  // espeak_TextToPhonemes sets ptr to NULL after the last clause. The guard bounds the loop in
  // case a clause ever fails to advance the pointer.
  for (std::size_t guard = 0; ptr && guard <= buffer.size(); ++guard) {
    const void* before = ptr;
    const char* ph = espeak_TextToPhonemes(&ptr, espeakCHARS_UTF8, 0);
    if (ph && *ph) {
      if (!out.empty()) out += ' ';
      out += ph;
    }
    if (ptr == before) break;
  }
  return out;
}

std::vector<InstalledVoice> SpeechEngine::installed_voices() const {
  std::vector<InstalledVoice> v;
  const espeak_VOICE** list = espeak_ListVoices(nullptr);
  for (; list && *list; ++list) {
    const espeak_VOICE* e = *list;
    InstalledVoice iv;
    iv.name = e->name ? e->name : "";
    // languages: priority byte, then a NUL-terminated name; the first is the main language.
    if (e->languages && e->languages[0]) iv.language = e->languages + 1;
    iv.identifier = e->identifier ? e->identifier : "";
    v.push_back(std::move(iv));
  }
  std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.language < b.language; });
  return v;
}

std::string SpeechEngine::version() const {
  const char* path = nullptr;
  const char* v = espeak_Info(&path);
  return std::string("eSpeak NG ") + (v ? v : "?");
}

}  // namespace briefcast
