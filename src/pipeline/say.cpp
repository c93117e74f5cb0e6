#include "pipeline/say.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <functional>
#include <memory>
#include <span>
#include <thread>

#include "audio/chime.hpp"
#include "audio/mp3_joined_encoder.hpp"
#include "audio/resampler.hpp"
#include "audio/sound_file.hpp"
#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "base/interrupt.hpp"
#include "base/progress.hpp"
#include "base/strings.hpp"
#include "pipeline/paragraph_queue.hpp"
#include "pipeline/sentence_placer.hpp"
#include "pipeline/text_frontend.hpp"

namespace briefcast {

namespace {

// Samples at eSpeak's rate resampled, limited and encoded at a time.
constexpr std::size_t kSliceSamples = 4096;
// Paragraphs spoken ahead of the audio thread at most.
constexpr std::size_t kQueuedParagraphs = 1;

// A title from the first paragraph: at most ~120 bytes, cut at a word boundary.
std::string title_from(const std::string& paragraph) {
  constexpr std::size_t kMax = 120;
  if (paragraph.size() <= kMax) return paragraph;
  std::size_t cut = paragraph.rfind(' ', kMax);
  if (cut == std::string::npos || cut < kMax / 2) cut = kMax;
  // Do not split a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(paragraph[cut]) & 0xC0) == 0x80) --cut;
  return paragraph.substr(0, cut) + "…";
}

// Everything the conversion writes to: the atomic file (or stdout) and the encoder on top.
struct Sink {
  std::unique_ptr<AtomicOutput> file;  // null when writing to stdout
  std::unique_ptr<AudioEncoder> encoder;
};

// The MP3 settings: the requested ones at the output rate, LAME's band fitted to the speech.
Mp3Config mp3_for(const SayRequest& r, unsigned speech_rate_hz) {
  Mp3Config mp3 = r.mp3;
  mp3.sample_rate_hz = r.sample_rate_hz;
  return mp3_for_source_rate(mp3, speech_rate_hz);
}

Sink open_sink(const SayRequest& r, const Tags& tags, unsigned jobs, unsigned speech_rate_hz) {
  Sink sink;
  int fd = STDOUT_FILENO;
  if (r.output != "-") {
    sink.file = std::make_unique<AtomicOutput>(r.output);
    fd = sink.file->fd();
  }
  switch (r.format) {
    case OutputFormat::mp3: {
      const Mp3Config mp3 = mp3_for(r, speech_rate_hz);
      // CBR is encoded in segments on `jobs` threads and joined; VBR frames are not joined.
      sink.encoder = mp3.vbr_quality ? open_mp3_encoder(fd, mp3, tags)
                                     : open_joined_mp3_encoder(fd, mp3, tags, jobs);
      break;
    }
    case OutputFormat::wav:
      sink.encoder = open_sound_file_writer(sink.file->temp_path(), SoundFormat::wav,
                                            r.sample_rate_hz, tags, sink.file->target());
      break;
    case OutputFormat::flac:
      sink.encoder = open_sound_file_writer(sink.file->temp_path(), SoundFormat::flac,
                                            r.sample_rate_hz, tags, sink.file->target());
      break;
    case OutputFormat::ogg:
      sink.encoder = open_sound_file_writer(sink.file->temp_path(), SoundFormat::ogg,
                                            r.sample_rate_hz, tags, sink.file->target());
      break;
    case OutputFormat::opus:
      sink.encoder = open_sound_file_writer(sink.file->temp_path(), SoundFormat::opus,
                                            r.sample_rate_hz, tags, sink.file->target());
      break;
  }
  return sink;
}

// The normalization settings for the output: MP3 is measured on the band LAME keeps and limited
// with room for the peaks lossy coding adds.
LoudnessConfig loudness_for(const SayRequest& r, unsigned speech_rate_hz) {
  LoudnessConfig c = r.loudness;
  if (r.format == OutputFormat::mp3) {
    c.encoder_lowpass_hz = mp3_lowpass_hz(mp3_for(r, speech_rate_hz));
    c.headroom_db = kLossyHeadroomDb;
    c.target_lufs += kMp3LoudnessShiftDb;
  } else if (r.format == OutputFormat::ogg) {
    c.headroom_db = kLossyHeadroomDb;
  }
  return c;
}

}  // namespace

SynthesisConfig synthesis_config(const VoiceProfile& voice) {
  SynthesisConfig s;
  s.voice = voice.espeak_voice;
  s.variant = voice.variant;
  s.rate_wpm = voice.rate_wpm;
  s.pitch = voice.pitch;
  s.range = voice.range;
  s.volume = voice.volume;
  s.word_gap_ms = voice.word_gap_ms;
  return s;
}

std::optional<OutputFormat> format_for_output(const std::string& output) {
  if (output == "-") return OutputFormat::mp3;
  std::string ext = lower_ascii(std::filesystem::path(output).extension().string());
  if (ext == ".mp3") return OutputFormat::mp3;
  if (ext == ".wav") return OutputFormat::wav;
  if (ext == ".flac") return OutputFormat::flac;
  if (ext == ".ogg" || ext == ".oga") return OutputFormat::ogg;
  if (ext == ".opus") return OutputFormat::opus;
  return std::nullopt;
}

SayReport say(const SayRequest& r, std::ostream& log,
              const std::function<void(const TimedSentence&)>& on_sentence) {
  if (r.inputs.empty()) throw Error(ExitCode::usage, "no input given");
  ScriptOptions options;
  options.language = r.voice.language;
  options.lexicon = r.voice.lexicon;
  std::vector<std::unique_ptr<ScriptReader>> readers;
  for (auto& spec : r.inputs) readers.push_back(open_script(spec, options, r.input_format));
  return say(r, std::move(readers), log, on_sentence);
}

namespace {
SayReport say_into(const SayRequest& r, std::vector<std::unique_ptr<ScriptReader>> readers,
                   std::ostream& log, const std::function<void(const TimedSentence&)>& on_sentence,
                   const std::function<void()>& on_spoken);
}  // namespace

SayReport say(const SayRequest& r, std::vector<std::unique_ptr<ScriptReader>> readers,
              std::ostream& log, const std::function<void(const TimedSentence&)>& on_sentence,
              const std::function<void()>& on_spoken) {
  try {
    return say_into(r, std::move(readers), log, on_sentence, on_spoken);
  } catch (const Error& e) {
    // The encoder writes to a descriptor (a hidden temporary file): name the user's file.
    const std::string_view message = e.what();
    if (e.code() == ExitCode::output && message.starts_with("cannot write output"))
      throw Error(ExitCode::output,
                  (r.output == "-" ? std::string("standard output") : briefcast::quoted(r.output)) +
                      ": " + std::string(message));
    throw;
  }
}

namespace {
SayReport say_into(const SayRequest& r, std::vector<std::unique_ptr<ScriptReader>> readers,
                   std::ostream& log, const std::function<void(const TimedSentence&)>& on_sentence,
                   const std::function<void()>& on_spoken) {
  auto started = std::chrono::steady_clock::now();
  if (readers.empty()) throw Error(ExitCode::usage, "no input given");
  if (r.output == "-" && r.format != OutputFormat::mp3)
    throw Error(ExitCode::usage, "standard output only takes MP3");

  // Read every input's first block before anything is created, so an input without text fails
  // fast and leaves nothing behind.
  std::vector<std::optional<ScriptBlock>> first;
  for (auto& reader : readers) {
    first.push_back(reader->next());
    if (!first.back())
      throw Error(ExitCode::input,
                  "'" + reader->name() + "': no text to speak (empty or only whitespace)");
  }

  SayReport report;
  Tags tags = r.tags;
  if (tags.title.empty())
    tags.title = !readers.front()->title().empty()
                     ? readers.front()->title()
                     : title_from(first.front()->sentences.front().text);
  report.title = tags.title;
  if (tags.artist.empty())
    tags.artist =
        !readers.front()->author().empty() ? readers.front()->author() : r.fallback_artist;
  report.artist = tags.artist;

  // Released as soon as the last sentence is spoken (on_spoken), while the audio is finished.
  std::optional<SpeechEngine> engine(std::in_place, &interrupt_flag());
  engine->configure(synthesis_config(r.voice));
  const unsigned speech_rate = engine->sample_rate_hz();

  std::size_t total = 0;
  if (r.progress) {
    for (auto& reader : readers) {
      auto n = reader->count_sentences();
      if (!n) {
        total = 0;
        break;
      }
      total += *n;
    }
  }
  Progress progress(log, r.progress, total);

  // Before any file exists: a NaN target would reach LAME as a NaN gain.
  if (!std::isfinite(r.loudness.target_lufs) || !std::isfinite(r.loudness.true_peak_dbtp))
    throw Error(ExitCode::usage, "loudness target and peak must be finite numbers");
  const unsigned jobs = r.jobs > 0 ? r.jobs : std::max(1u, std::thread::hardware_concurrency());
  Sink sink = open_sink(r, tags, jobs, speech_rate);
  Resampler resampler(speech_rate, r.sample_rate_hz);
  // Loudness and limiting work at eSpeak's own rate (half the samples of a 44.1 kHz output: the
  // speech holds nothing above that rate's Nyquist frequency, and the limiter's true peak is the
  // band-limited signal's, which resampling keeps).
  LoudnessNormalizer loudness(loudness_for(r, speech_rate), speech_rate);
  std::vector<float> chunk;      // one paragraph at eSpeak's rate (capacity reused)
  std::vector<float> rendered;   // one slice after gain and limiting (reused)
  std::uint64_t speech_pos = 0;  // samples at eSpeak's rate placed on the timeline so far

  // The audio half: a paragraph is measured as a whole, then limited, resampled and encoded in
  // short slices.
  auto encode_chunk = [&](std::vector<float>& c) {
    if (c.empty()) return;
    loudness.analyse(c);
    for (std::size_t at = 0; at < c.size(); at += kSliceSamples) {
      const std::size_t n = std::min(kSliceSamples, c.size() - at);
      rendered.clear();
      loudness.render(std::span<const float>(c).subspan(at, n), rendered);
      sink.encoder->write(resampler.process(rendered));
    }
  };
  // A chunk is handed over once it holds kMaxChunkSeconds, at the next pause (inside a long
  // sentence too): its buffer is reserved once with room for that pause, and a buffer that grew
  // past twice that (a sentence without pauses) is not kept for reuse.
  const std::size_t max_chunk = static_cast<std::size_t>(kMaxChunkSeconds * speech_rate);
  const std::size_t chunk_room = max_chunk + max_chunk / 5;
  chunk.reserve(chunk_room);
  // With two or more jobs the audio half runs on its own thread, fed through a short queue; the
  // order of the work is the same, so the output is byte-identical to one job.
  std::optional<ParagraphQueue> queue;
  if (jobs > 1) queue.emplace(kQueuedParagraphs, 2 * max_chunk);
  auto flush_chunk = [&] {
    if (chunk.empty()) return;
    if (queue) {
      queue->push(std::move(chunk));
      chunk = queue->take_buffer();
      chunk.reserve(chunk_room);
    } else {
      encode_chunk(chunk);
      chunk.clear();
    }
  };
  auto silence = [&](int ms) {
    const std::size_t n = static_cast<std::size_t>(ms) * speech_rate / 1000;
    speech_pos += n;
    chunk.resize(chunk.size() + n, 0.0f);
  };
  SentencePlacer placer(chunk, flush_chunk, speech_rate, max_chunk);

  // The speaking half: front end and eSpeak NG, sentence by sentence.
  auto speak_all = [&] {
    for (std::size_t i = 0; i < readers.size(); ++i) {
      std::optional<ScriptBlock> block = std::move(first[i]);
      for (; block; block = readers[i]->next()) {
        const auto& sentences = block->sentences;
        for (std::size_t k = 0; k < sentences.size(); ++k) {
          throw_if_interrupted();
          TimedSentence t;
          t.text = sentences[k].text;
          t.spoken = sentences[k].spoken;
          t.kind = block->kind;
          t.input = i;
          t.paragraph = report.paragraphs;
          t.start_seconds = static_cast<double>(speech_pos) / speech_rate;
          placer.start();
          Speech speech =
              engine->speak(t.spoken, [&](std::span<const std::int16_t> s) { placer.add(s); });
          placer.finish();
          const std::uint64_t begin = placer.begin();
          const std::uint64_t end = begin + placer.placed();
          for (auto& w : speech.words) {
            std::uint64_t at = std::clamp<std::uint64_t>(w.sample, begin, end) - begin;
            t.words.push_back(
                {w.text_offset, w.text_length, static_cast<double>(speech_pos + at) / speech_rate});
          }
          speech_pos += placer.placed();
          t.end_seconds = static_cast<double>(speech_pos) / speech_rate;
          bool last = k + 1 == sentences.size();
          silence(last ? r.voice.paragraph_pause_ms : r.voice.sentence_pause_ms);
          if (chunk.size() > max_chunk) flush_chunk();
          ++report.sentences;
          if (on_sentence) on_sentence(t);
          progress.update(report.sentences, static_cast<double>(speech_pos) / speech_rate);
        }
        ++report.paragraphs;
        flush_chunk();
      }
      if (r.verbose)
        for (auto& d : readers[i]->dropped())
          log << "briefcast: '" << readers[i]->name() << "': " << describe(d) << "\n";
      for (auto& w : readers[i]->warnings()) {
        log << "briefcast: warning: " << w << "\n";
        ++report.warnings;
      }
    }
    throw_if_interrupted();
    engine.reset();
    if (on_spoken) on_spoken();
    if (r.final_tone) {
      // Centred in the final pause (the paragraph pause is already in place); the pause grows
      // only when it is shorter than the chime and a paragraph pause.
      const std::vector<float> chime = story_chime(speech_rate);
      const int chime_ms = static_cast<int>(kChimeSeconds * 1000.0);
      const int before =
          std::max(0, (r.final_pause_ms - chime_ms) / 2 - r.voice.paragraph_pause_ms);
      silence(before);
      chunk.insert(chunk.end(), chime.begin(), chime.end());
      speech_pos += chime.size();
      silence(std::max(0, r.final_pause_ms - r.voice.paragraph_pause_ms - before - chime_ms));
    } else if (r.final_pause_ms > r.voice.paragraph_pause_ms) {
      silence(r.final_pause_ms - r.voice.paragraph_pause_ms);
    }
    flush_chunk();
  };
  if (!queue) {
    speak_all();
  } else {
    std::thread speaker([&] {
      std::exception_ptr failure;
      try {
        speak_all();
      } catch (const ParagraphQueue::Stopped&) {
      } catch (...) {
        failure = std::current_exception();
      }
      queue->close(failure);
    });
    try {
      while (auto c = queue->pop()) {
        encode_chunk(*c);
        queue->recycle(std::move(*c));
      }
    } catch (...) {
      queue->stop();
      speaker.join();
      throw;
    }
    speaker.join();
  }
  rendered.clear();
  loudness.finish(rendered);
  sink.encoder->write(resampler.process(rendered));
  sink.encoder->write(resampler.flush());
  report.encode = sink.encoder->finish();
  if (sink.file) sink.file->commit();
  progress.finish();

  report.input = loudness.input_stats();
  report.output = loudness.output_stats();
  report.audio_seconds = static_cast<double>(report.encode.frames) / r.sample_rate_hz;
  report.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}
}  // namespace

}  // namespace briefcast
