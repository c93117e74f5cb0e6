#pragma once
// The daily briefing: `briefcast build feeds/NAME.json` turns the feed definition's sources into
// one new episode and republishes the podcast feed.
//
// Order of work (and why nothing published is ever lost or half-written):
//   lock the output folder → collect and clean stories → skip those already broadcast →
//   speak each story part once (cached by a fingerprint of its script, voice and settings) →
//   assemble the episode MP3 from cached parts (no re-encoding) with ID3 chapters →
//   transcripts, chapters JSON, show notes → state.json → validate → feed.xml →
//   only then delete what retention dropped.
// Every file is written to a temporary name and renamed into place, so a run killed at any
// instant leaves the previous feed valid and every enclosure it names complete.
//
// build_briefing only orders the steps: briefing_day.hpp (the date), episode_plan.hpp (stories and
// parts), part_audio.hpp (speaking and the parts cache), episode_timeline.hpp (chapters,
// transcripts, notes), briefing_publish.hpp (files, feed, state, retention).

#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace briefcast {

struct BuildOptions {
  std::filesystem::path feed_file;      // feeds/NAME.json
  std::optional<std::string> date;      // YYYY-MM-DD the episode is for; default: today (local)
  bool dry_run = false;                 // plan only: print the stories, write nothing
  bool force = false;                   // rebuild the date's episode even when it exists
  std::optional<std::string> base_url;  // overrides the feed definition's public base URL
  bool progress = false;                // progress bar on the log stream
  bool quiet = false;                   // no summary lines
  unsigned jobs = 0;                    // threads per spoken part (SayRequest::jobs); 0: cores
};

struct BuildReport {
  bool published = false;             // a new feed.xml was written
  std::string episode_title;          // empty when nothing was built
  std::filesystem::path feed_xml;     // <output>/feed.xml
  std::filesystem::path episode_mp3;  // the new episode's audio
  std::string feed_url;               // where subscribers find the feed
  std::size_t stories = 0;            // stories in the new episode
  std::size_t skipped_broadcast = 0;  // stories left out because already broadcast
  std::size_t skipped_failed = 0;     // stories or sources that failed (reported as warnings)
  std::size_t parts_synthesized = 0;  // story/intro/outro parts spoken this run
  std::size_t parts_cached = 0;       // parts taken from the cache
  double audio_seconds = 0;           // duration of the new episode
  std::size_t episodes_in_feed = 0;
  std::size_t episodes_removed = 0;  // dropped by retention
};

// Runs one build. Warnings ("briefcast: warning: ...") and progress go to `log`. Throws Error:
// feed (bad definition or state), busy (another build holds the lock), input/voice/encode/
// output from the stages, invalid (the feed would not validate; nothing is published),
// interrupted (SIGINT/SIGTERM; nothing is published).
BuildReport build_briefing(const BuildOptions& options, std::ostream& log);

}  // namespace briefcast
