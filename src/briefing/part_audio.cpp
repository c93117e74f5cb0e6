#include "briefing/part_audio.hpp"

#include <deque>
#include <functional>
#include <future>
#include <latch>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <utility>

#include "audio/resampler.hpp"
#include "audio/sound_file.hpp"
#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "base/file_read.hpp"
#include "base/interrupt.hpp"
#include "base/progress.hpp"
#include "base/strings.hpp"
#include "base/uuid.hpp"
#include "pipeline/say.hpp"

namespace briefcast {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A ScriptReader over blocks already made (the build prepares every script before speaking).
class BlocksScript : public ScriptReader {
 public:
  BlocksScript(std::vector<ScriptBlock> blocks, std::string name)
      : blocks_(std::move(blocks)), name_(std::move(name)) {}
  std::optional<ScriptBlock> next() override {
    if (next_ >= blocks_.size()) return std::nullopt;
    return blocks_[next_++];
  }
  const std::string& title() const override { return title_; }
  const std::string& name() const override { return name_; }
  std::vector<std::string> warnings() const override { return {}; }
  std::optional<std::size_t> count_sentences() override {
    std::size_t n = 0;
    for (std::size_t i = next_; i < blocks_.size(); ++i) n += blocks_[i].sentences.size();
    return n;
  }

 private:
  std::vector<ScriptBlock> blocks_;
  std::string name_;
  std::string title_;
  std::size_t next_ = 0;
};

// The voice's part of a fingerprint.
json voice_settings(const VoiceProfile& v) {
  json settings =
      json::array({v.espeak_voice, v.variant, v.rate_wpm, v.pitch, v.range, v.volume, v.word_gap_ms,
                   v.sentence_pause_ms, v.paragraph_pause_ms, v.story_pause_ms});
  // Only when set, so the parts of voices without it keep the keys they always had.
  if (v.story_tone) settings.push_back("story_tone");
  return settings;
}

}  // namespace

AudioSettings part_audio_settings(const VoiceProfile& voice, const Mp3Config& mp3,
                                  const LoudnessConfig& loudness) {
  AudioSettings a;
  a.voice = voice;
  a.mp3 = mp3;
  a.mp3.vbr_quality.reset();
  a.sample_rate_hz = mp3.sample_rate_hz;
  a.loudness = loudness;
  return a;
}

std::string fingerprint_settings(const AudioSettings& audio, const std::string& engine_version) {
  const VoiceProfile& v = audio.voice;
  json settings = json::object();
  settings["engine"] = engine_version;
  settings["voice"] = voice_settings(v);
  settings["mp3"] = json::array({audio.mp3.bitrate_kbps, audio.mp3.quality});
  settings["rate"] = audio.sample_rate_hz;
  settings["loudness"] = json::array({audio.loudness.target_lufs, audio.loudness.true_peak_dbtp});
  // 2: static gain, high-pass and true-peak limiter; 3: zero-phase 30 Hz high-pass (the audio of
  // earlier formats is spoken again).
  settings["format"] = 3;
  return settings.dump();
}

std::string part_fingerprint(const EpisodePart& part, const std::string& settings) {
  // Parsed back so the key hashes the settings as a JSON value, as it always has.
  json j = {{"settings", json::parse(settings)}, {"kind", static_cast<int>(part.kind)}};
  // A part in a voice of its own (parts in the episode's voice keep the keys they always had).
  if (part.voice) j["voice"] = voice_settings(*part.voice);
  if (!part.sound.empty()) j["sound"] = sha256_hex(read_file_bytes(part.sound));
  json blocks = json::array();
  for (auto& b : part.blocks) {
    json sentences = json::array();
    for (auto& s : b.sentences) sentences.push_back({s.text, s.spoken});
    blocks.push_back({{"kind", to_string(b.kind)}, {"sentences", sentences}});
  }
  j["blocks"] = blocks;
  return sha256_hex(j.dump());
}

std::vector<PartAudio> plan_part_audio(const std::vector<EpisodePart>& parts,
                                       const std::string& settings, const fs::path& cache_dir) {
  std::vector<PartAudio> out;
  for (auto& p : parts) {
    PartAudio a;
    a.fingerprint = part_fingerprint(p, settings);
    a.file = cache_dir / (a.fingerprint + ".mp3");
    out.push_back(std::move(a));
  }
  return out;
}

PartAudio speak_part(const EpisodePart& part, const AudioSettings& a, const fs::path& out,
                     std::ostream& log, const std::function<void()>& on_spoken) {
  SayRequest r;
  r.output = out.string();
  r.format = OutputFormat::mp3;
  r.voice = part.voice ? *part.voice : a.voice;
  r.mp3 = a.mp3;
  r.sample_rate_hz = a.sample_rate_hz;
  r.loudness = a.loudness;
  r.jobs = a.jobs;
  // A longer pause after each part but the last marks the change of story; it belongs to the
  // part, so the next chapter still starts where its speech starts.
  if (part.kind != EpisodePart::Kind::outro) {
    r.final_pause_ms = r.voice.story_pause_ms;
    r.final_tone = r.voice.story_tone;
  }
  r.tags.title = part.title;
  std::vector<std::unique_ptr<ScriptReader>> readers;
  readers.push_back(std::make_unique<BlocksScript>(part.blocks, part.title));
  PartAudio result;
  result.file = out;
  SayReport rep = say(
      r, std::move(readers), log, [&](const TimedSentence& t) { result.timeline.push_back(t); },
      on_spoken);
  result.duration_seconds = rep.audio_seconds;
  return result;
}

PartAudio encode_sound(const EpisodePart& part, const AudioSettings& a, const fs::path& out) {
  DecodedAudio in = read_sound_file(part.sound);
  std::vector<float> mono(in.frames());
  for (std::size_t f = 0; f < mono.size(); ++f) {
    float sum = 0;
    for (unsigned c = 0; c < in.channels; ++c) sum += in.samples[f * in.channels + c];
    mono[f] = sum / static_cast<float>(in.channels);
  }
  Resampler resampler(in.sample_rate_hz, a.sample_rate_hz);
  std::vector<float> pcm = resampler.process(mono);
  auto tail = resampler.flush();
  pcm.insert(pcm.end(), tail.begin(), tail.end());
  Mp3Config mp3 = a.mp3;
  mp3.sample_rate_hz = a.sample_rate_hz;
  mp3 = mp3_for_source_rate(mp3, in.sample_rate_hz);
  LoudnessConfig settings = a.loudness;
  settings.encoder_lowpass_hz = mp3_lowpass_hz(mp3);
  settings.headroom_db = kLossyHeadroomDb;
  settings.target_lufs += kMp3LoudnessShiftDb;
  LoudnessNormalizer loudness(settings, a.sample_rate_hz);
  std::vector<float> normalized;
  loudness.process(pcm, normalized);
  loudness.finish(normalized);
  AtomicOutput file(out);
  EncodeReport rep;
  try {
    auto encoder = open_mp3_encoder(file.fd(), mp3, Tags{});
    encoder->write(normalized);
    rep = encoder->finish();
  } catch (const Error& e) {
    // The encoder writes to a descriptor (the hidden temporary file): name the part's file.
    if (e.code() == ExitCode::output && std::string_view(e.what()).starts_with("cannot write"))
      throw Error(ExitCode::output, quoted(out) + ": " + e.what());
    throw;
  }
  file.commit();
  PartAudio result;
  result.file = out;
  result.duration_seconds = static_cast<double>(rep.frames) / a.sample_rate_hz;
  return result;
}

namespace {

// A part being spoken or encoded on a thread of its own.
struct PartTask {
  std::size_t index = 0;
  std::shared_ptr<std::latch> spoken;  // counted down once the speech engine is free again
  std::future<PartAudio> result;
};

}  // namespace

ProducedParts produce_parts(const std::vector<EpisodePart>& parts, std::vector<PartAudio> planned,
                            const AudioSettings& audio, std::map<std::string, CachedPart>& cache,
                            const std::string& day, const fs::path& root, bool progress,
                            std::ostream& log) {
  ProducedParts out;
  std::size_t todo = 0;
  for (auto& p : planned)
    if (!cache.count(p.fingerprint) || !fs::exists(p.file)) ++todo;
  Progress bar(log, progress, todo, "parts");
  std::size_t done = 0;
  double audio_seconds = 0;

  // Parts are spoken one after another (eSpeak NG speaks for one at a time), but the next part
  // starts speaking as soon as the one before has spoken its last sentence, while that one's
  // loudness and encoding still run: at most two parts are in flight.
  std::deque<PartTask> running;
  auto collect = [&] {
    PartTask task = std::move(running.front());
    running.pop_front();
    PartAudio made = task.result.get();
    PartAudio& a = planned[task.index];
    a.timeline = std::move(made.timeline);
    a.duration_seconds = made.duration_seconds;
    CachedPart cached;
    cached.file = fs::relative(a.file, root).generic_string();
    cached.duration_seconds = a.duration_seconds;
    cached.last_used = day;
    cached.timeline = a.timeline;
    cache[a.fingerprint] = std::move(cached);
    ++out.synthesized;
    audio_seconds += a.duration_seconds;
    bar.update(++done, audio_seconds);
  };
  try {
    for (std::size_t i = 0; i < parts.size(); ++i) {
      throw_if_interrupted();
      PartAudio& a = planned[i];
      auto hit = cache.find(a.fingerprint);
      if (hit != cache.end() && fs::exists(a.file)) {
        a.timeline = hit->second.timeline;
        a.duration_seconds = hit->second.duration_seconds;
        hit->second.last_used = day;
        ++out.cached;
        continue;
      }
      if (!running.empty()) running.back().spoken->wait();
      while (running.size() >= 2) collect();
      PartTask task;
      task.index = i;
      task.spoken = std::make_shared<std::latch>(1);
      const EpisodePart& part = parts[i];
      const fs::path file = a.file;
      task.result =
          std::async(std::launch::async, [&audio, &part, &log, file, spoken = task.spoken] {
            bool released = false;
            auto release = [&] {
              if (!std::exchange(released, true)) spoken->count_down();
            };
            try {
              PartAudio made = !part.sound.empty() ? encode_sound(part, audio, file)
                                                   : speak_part(part, audio, file, log, release);
              release();
              return made;
            } catch (...) {
              release();
              throw;
            }
          });
      running.push_back(std::move(task));
    }
    while (!running.empty()) collect();
  } catch (...) {
    // The parts still in flight finish (or fail) on their own; what they made stays cached.
    while (!running.empty()) try {
        collect();
      } catch (...) {
      }
    throw;
  }
  bar.finish();
  out.parts = std::move(planned);
  return out;
}

}  // namespace briefcast
