#pragma once
// The values a daily episode is made of, passed between the briefing's steps: the stories chosen
// (episode_plan.hpp), the parts spoken in order (episode_plan.hpp plans them, part_audio.hpp
// speaks them) and the audio of each part (part_audio.hpp), from which episode_timeline.hpp
// places chapters and transcripts. Plain values; no functions here.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/timed_sentence.hpp"
#include "text/script.hpp"
#include "voice/voice_profile.hpp"

namespace briefcast {

// One story chosen for the episode.
struct Story {
  std::string title;                // headline as spoken and shown (chapter title)
  std::string url;                  // the article's page; "" for local files
  std::string source;               // source name from the feed definition
  std::string key;                  // dedupe key, see story_key()
  std::vector<ScriptBlock> blocks;  // what is spoken: the title first, then the article
  double estimate_seconds = 0;      // speaking time estimated before synthesis, seconds
  // The voice it is scripted and spoken in when that is not the episode's (a pin of its source
  // or the language it is written in); nullopt: the episode's voice.
  std::optional<VoiceProfile> voice;
};

// One spoken or sound part of the episode, in episode order.
struct EpisodePart {
  // The numbers are part of the audio cache key (part_fingerprint): never reorder.
  enum class Kind { intro = 0, story = 1, between = 2, outro = 3 };
  Kind kind = Kind::story;
  std::string title;                  // chapter title: "Introduction", the story's, "Closing"; ""
                                      // for a sound
  std::string url;                    // chapter link (stories; may be empty)
  std::vector<ScriptBlock> blocks;    // what is spoken (empty for a sound)
  std::filesystem::path sound;        // a sound file played instead of speech (empty for speech)
  std::optional<VoiceProfile> voice;  // its own voice (Story::voice); nullopt: the episode's
};

// The audio of one part: a CBR MP3 in the parts cache, reusable by later episodes (its own ID3
// tag, naming the part, is left out when parts are assembled).
struct PartAudio {
  std::string fingerprint;      // cache key (part_fingerprint)
  std::filesystem::path file;   // the MP3, <output>/.briefcast/cache/<fingerprint>.mp3
  double duration_seconds = 0;  // its length as encoded, seconds
  // Sentences with times relative to the part's start (empty for a sound), as spoken or as read
  // back from state.json's cache (which keeps text, spoken, times and words only).
  std::vector<TimedSentence> timeline;
};

}  // namespace briefcast
