#pragma once
// Speaking the parts of a daily episode, each at most once: a part's audio is cached under a
// fingerprint of everything that changes its sound (script, voice, engine, MP3 and loudness
// settings, the bytes of a sound file), so a story kept from yesterday or an unchanged outro is
// reused, not spoken again. Parts are CBR MP3s at the episode's rate, normalized to the loudness
// target, whose frames are concatenated under the episode's tag (mp3_assembler.hpp).
//
// This is orchestration over the speaking stages (say.hpp, sound_file, resampler, loudness,
// mp3_encoder); the cache index lives in state.json (briefing_state.hpp), owned by the caller.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "audio/loudness.hpp"
#include "audio/mp3_encoder.hpp"
#include "briefing/briefing_state.hpp"
#include "briefing/episode_part.hpp"
#include "voice/voice_profile.hpp"

namespace briefcast {

// How every part of one episode sounds.
struct AudioSettings {
  VoiceProfile voice;               // eSpeak NG voice and parameters (synthesis_config), pauses
  Mp3Config mp3;                    // always CBR (vbr_quality unset), at sample_rate_hz
  unsigned sample_rate_hz = 44100;  // output rate of every part, Hz
  LoudnessConfig loudness;          // normalization target and ceiling
  unsigned jobs = 0;                // SayRequest::jobs (does not change the sound)
};

// The settings for `voice` with the feed definition's MP3 and loudness settings. VBR is turned
// off whatever `mp3` says: parts of different bitrates cannot be concatenated.
AudioSettings part_audio_settings(const VoiceProfile& voice, const Mp3Config& mp3,
                                  const LoudnessConfig& loudness);

// Everything in `audio` (and the eSpeak NG version) that changes a part's sound, as the compact
// JSON text that goes into each fingerprint:
//   {"engine":"1.51","format":3,"loudness":[-16.0,-1.0],"mp3":[64,5],"rate":44100,
//    "voice":[espeak_voice,variant,rate_wpm,pitch,range,volume,word_gap_ms,sentence_pause_ms,
//             paragraph_pause_ms,story_pause_ms]}
// A new `engine_version` therefore re-speaks every part.
std::string fingerprint_settings(const AudioSettings& audio, const std::string& engine_version);

// The cache key of `part`: the SHA-256 (hex) of `settings` (as fingerprint_settings made it), the
// part's kind, its sentences (as written and as spoken), its own voice's settings when it has one
// (EpisodePart::voice) and, for a sound, the SHA-256 of the sound file's bytes. Throws
// Error(ExitCode::input) when the sound file cannot be read.
std::string part_fingerprint(const EpisodePart& part, const std::string& settings);

// Fingerprint and cache file (`cache_dir`/<fingerprint>.mp3) of each part, in order; timelines
// and durations are still empty. Throws like part_fingerprint.
std::vector<PartAudio> plan_part_audio(const std::vector<EpisodePart>& parts,
                                       const std::string& settings,
                                       const std::filesystem::path& cache_dir);

// Speaks `part.blocks` in the part's own voice (else audio.voice) into the MP3 `out` (written
// atomically, its tag titled `part.title`) and returns its audio with the timeline of its sentences
// and words. Warnings go to `log`. `on_spoken` as for say(): the speech engine is free for the
// next part. Throws Error from the stages (voice, synthesis, encode, output, interrupted); `out`
// is then not created.
PartAudio speak_part(const EpisodePart& part, const AudioSettings& audio,
                     const std::filesystem::path& out, std::ostream& log,
                     const std::function<void()>& on_spoken = {});

// Decodes `part.sound` (any format libsndfile reads), mixes it to mono, resamples it to
// audio.sample_rate_hz, normalizes its loudness and encodes it into the MP3 `out` (written
// atomically). The timeline is empty. Throws Error(input) for an unreadable sound, and the
// encoder's and output's errors.
PartAudio encode_sound(const EpisodePart& part, const AudioSettings& audio,
                       const std::filesystem::path& out);

// The audio of every part, and how it was obtained.
struct ProducedParts {
  std::vector<PartAudio> parts;  // in order, with timelines and durations
  std::size_t synthesized = 0;   // parts spoken or encoded by this call
  std::size_t cached = 0;        // parts reused from the cache
};

// Reuses each part of `planned` whose fingerprint is in `cache` and whose file exists, and
// speaks (or encodes) the others into their files. `cache` (state.json's index, owned by the
// caller) is updated: reused entries get last_used = `day`, new parts are added with their file
// relative to `root`. A progress bar over the parts to speak goes to `log` when `progress`.
// Checks for SIGINT/SIGTERM before each part (Error(interrupted)); throws like speak_part and
// encode_sound. Parts spoken before a failure stay in the cache folder and in `cache`.
// The next part starts speaking while the one before is still encoded (at most two in flight).
ProducedParts produce_parts(const std::vector<EpisodePart>& parts, std::vector<PartAudio> planned,
                            const AudioSettings& audio, std::map<std::string, CachedPart>& cache,
                            const std::string& day, const std::filesystem::path& root,
                            bool progress, std::ostream& log);

}  // namespace briefcast
