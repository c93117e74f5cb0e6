#pragma once
// The one-off conversion pipeline behind `briefcast say`: text inputs → sentences → eSpeak NG →
// loudness → resampling → encoder → a file published atomically (or MP3 on standard output).
//
// Audio streams from eSpeak NG as it is made (a sentence is never held whole,
// sentence_placer.hpp); the only buffers that grow are loudness chunks (a paragraph, handed over
// at kMaxChunkSeconds of audio at eSpeak NG's rate in the next pause: one being spoken, one
// queued, one being rendered) and, for CBR MP3, the segments the joined encoder holds for its
// `jobs` LAME threads (mp3_joined_encoder.hpp), so memory does not grow with the length of the
// input or of its sentences.

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "audio/audio_encoder.hpp"
#include "audio/loudness.hpp"
#include "audio/mp3_encoder.hpp"
#include "pipeline/text_frontend.hpp"
#include "pipeline/timed_sentence.hpp"
#include "text/script.hpp"
#include "voice/speech_engine.hpp"
#include "voice/voice_profile.hpp"

namespace briefcast {

enum class OutputFormat { mp3, wav, flac, ogg, opus };

// The format an output path asks for by its extension (case-insensitive); "-" is MP3.
std::optional<OutputFormat> format_for_output(const std::string& output);

// The eSpeak NG settings of a voice profile: its voice, variant, rate, pitch, range, volume and
// word gap. The one place a profile becomes a SynthesisConfig (`say` and the daily briefing).
SynthesisConfig synthesis_config(const VoiceProfile& voice);

struct SayRequest {
  std::vector<std::string> inputs;  // text files, or "-" for standard input
  std::string output;               // file path, or "-" for MP3 on standard output
  OutputFormat format = OutputFormat::mp3;
  VoiceProfile voice;  // the eSpeak NG voice and parameters (synthesis_config), pauses, lexicon
  Mp3Config mp3;       // LAME settings (MP3 output only)
  unsigned sample_rate_hz = 44100;  // output rate, Hz
  LoudnessConfig loudness;          // normalization target and ceiling
  Tags tags;                        // empty title: the first line of the first input
  // The artist when tags.artist is empty: the first input's author, else this.
  std::string fallback_artist;
  bool progress = false;  // draw the progress bar on the log stream
  bool verbose = false;   // print measurements, encoder details and dropped lines on the log
  std::optional<InputFormat> input_format;  // --format; nullopt sniffs each input
  // Threads: 1 speaks and encodes in turn; 2 or more speak on one thread while another measures,
  // limits and resamples, and CBR MP3 segments are encoded on `jobs` threads more (eSpeak NG is one
  // per process). The output is the same for every value. 0: the number of cores.
  unsigned jobs = 0;
  // Silence after the last paragraph, ms, when longer than the paragraph pause (the daily
  // briefing's pause between stories).
  int final_pause_ms = 0;
  // A chime (audio/chime.hpp) in the middle of that final pause: the change of story.
  bool final_tone = false;
};

struct SayReport {
  std::string title;   // the title that was tagged
  std::string artist;  // the artist that was tagged
  std::size_t paragraphs = 0;
  std::size_t sentences = 0;
  double audio_seconds = 0;  // duration of the produced audio
  double wall_seconds = 0;   // time the conversion took
  LoudnessStats input;       // loudness of the synthesized speech before normalization
  LoudnessStats output;      // after normalization and limiting
  EncodeReport encode;
  std::size_t warnings = 0;  // repairs reported on the log (e.g. invalid UTF-8)
};

inline constexpr double kMaxChunkSeconds = 10.0;
// Limiter ceiling below the true-peak target for lossy outputs (MP3, Ogg): coding adds peaks of
// its own, measured on the decoded file (tests/pipeline/say_test.cpp, bench/run.sh). With 1.5 dB
// a 15-minute article-shaped text decoded at -0.8 dBTP (44.1 kHz 64 kbps) and the bench's 60-minute
// one at -0.7; with 2.5 dB the same text decodes at -1.6 (44.1 kHz) and -1.4 dBTP (48 kHz), and
// integrated loudness moves 0.1 LU (-15.9 -> -16.0 LUFS).
inline constexpr double kLossyHeadroomDb = 2.5;
// LAME at podcast bitrates drops quiet high-frequency detail that K-weighting counts: the decoded
// MP3 measures about this much below its input (0.6-0.7 LU on eSpeak NG speech at 22.05-44.1 kHz,
// 64 kbps), so MP3 output aims this much above the target.
inline constexpr double kMp3LoudnessShiftDb = 0.6;

// Runs the conversion. Warnings ("warning: ...") and, with `verbose`, details go to `log`.
// `on_sentence`, when set, receives every sentence with its timing as soon as it is placed.
// Throws Error with the exit code of the failing stage; on any failure or interruption the
// output file is not created (or an existing one is left untouched).
SayReport say(const SayRequest& request, std::ostream& log,
              const std::function<void(const TimedSentence&)>& on_sentence = {});

// The same over script readers already opened (request.inputs is then ignored): the daily
// briefing speaks cleaned articles from memory this way. `on_spoken`, when set, is called once
// (on the thread that speaks) as soon as the last sentence is synthesized and the speech engine
// is released, while loudness and encoding may still run: another conversion may then start
// speaking in a thread of its own (eSpeak NG speaks for one conversion at a time).
SayReport say(const SayRequest& request, std::vector<std::unique_ptr<ScriptReader>> readers,
              std::ostream& log, const std::function<void(const TimedSentence&)>& on_sentence = {},
              const std::function<void()>& on_spoken = {});

}  // namespace briefcast
