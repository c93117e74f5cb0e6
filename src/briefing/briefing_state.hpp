#pragma once
// What `build` remembers between runs, in `<output>/.briefcast/state.json`: the published
// episodes (the feed is rendered from this list every run), the stories already broadcast (so
// they are not repeated), the story-audio cache index and the sources' HTTP validators.
//
// Written with write_file_atomically after the media it names and before feed.xml, so a run
// killed at any instant leaves a state that matches files that exist.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "briefing/source_state.hpp"
#include "pipeline/timed_sentence.hpp"

namespace briefcast {

// One story inside a published episode.
struct StoryRecord {
  std::string title;         // as spoken
  std::string url;           // article link (may be empty)
  std::string source;        // source name from the feed definition
  std::string key;           // dedupe key: normalized URL, or "sha256:<hex>" of the cleaned text
  double start_seconds = 0;  // chapter start within the episode
};

// One published episode. Paths are relative to the output folder.
struct EpisodeRecord {
  int number = 0;              // itunes:episode, 1-based, in the order of the episodes' days
  std::string guid;            // stable, never changes
  std::string title;           // unique per day
  std::string date;            // YYYY-MM-DD the episode is for
  std::int64_t published = 0;  // pubDate, seconds since the epoch (UTC)
  std::string audio;           // e.g. "episodes/2026-11-23.mp3"
  std::uint64_t bytes = 0;     // exact size of `audio`
  double duration_seconds = 0;
  std::string transcript_vtt;  // "episodes/2026-11-23.vtt"
  std::string transcript_srt;  // "episodes/2026-11-23.srt"
  std::string chapters;        // "episodes/2026-11-23.chapters.json"
  std::string notes;           // "episodes/2026-11-23.html"
  std::string description;     // plain-text summary
  std::string content_html;    // show notes (content:encoded)
  std::vector<StoryRecord> stories;
};

// One cached story part: an MP3 (a spoken part carries an ID3v2 tag with its title, which
// assembly skips), reusable while its fingerprint matches.
struct CachedPart {
  std::string file;  // relative to the output folder, e.g. ".briefcast/cache/ab12….mp3"
  double duration_seconds = 0;
  std::string last_used;  // YYYY-MM-DD, for pruning
  // The part's sentences with their timings relative to its start (transcripts). Only text,
  // spoken, start, end and words are kept in the file; kind, input and paragraph read back as
  // their defaults.
  std::vector<TimedSentence> timeline;
};

struct BriefingState {
  // The show's podcast:guid, made once (the first build) and kept through URL and host changes.
  // Empty in a state written before it was kept ("podcast_guid" absent): the next build makes it.
  std::string podcast_guid;
  int next_episode_number = 1;
  std::vector<EpisodeRecord> episodes;           // oldest first
  std::map<std::string, std::string> broadcast;  // story key → date first broadcast
  std::map<std::string, CachedPart> cache;       // fingerprint → part
  SourceState sources;                           // per-URL HTTP validators (sources.hpp)
};

// Reads `file`; only a file that does not exist (ENOENT) is an empty state: the first build.
// Throws Error(ExitCode::feed) naming the file:
//   "'<file>': cannot read: <reason>" when it exists but cannot be read (a folder, permissions,
//     an I/O error) — nothing may be published over a history that could not be read;
//   "'<file>': not a valid briefcast state file (<parser message>); ..." for broken JSON;
//   "'<file>': field '<path>': <problem>" for a missing or mistyped field, e.g.
//     "field 'cache.<fingerprint>.timeline[2].start': expected a number, got string".
// The user can move the file away to start over: the feed is then rebuilt from the next run's
// episodes only. The "sources" entries are only a cache: malformed ones are dropped, not errors.
BriefingState load_state(const std::filesystem::path& file);

// Writes the state atomically. Throws Error(ExitCode::output).
void save_state(const BriefingState& state, const std::filesystem::path& file);

}  // namespace briefcast
