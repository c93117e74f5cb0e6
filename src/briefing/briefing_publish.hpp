#pragma once
// Publishing a built episode: its side files, the feed rendered from the episode records and
// checked before anything points at the new episode, state.json before feed.xml, and only then
// the deletions (episodes retention dropped, cache parts unused for two weeks).
//
// Every file is written with write_file_atomically (a temporary name renamed into place), so a
// run killed at any instant leaves the previous feed valid and every enclosure it names complete.
// The record → feed functions at the top are pure; the rest writes below the output folder
// `root` and throws Error(ExitCode::output) when it cannot.

#include <chrono>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "briefing/briefing_day.hpp"
#include "briefing/briefing_state.hpp"
#include "briefing/feed_config.hpp"
#include "feed/chapters_json.hpp"
#include "feed/podcast_feed.hpp"
#include "feed/transcript.hpp"
#include "feed/web_pages.hpp"

namespace briefcast {

// Cached parts not used by any episode built for this many days are deleted.
inline constexpr double kCacheDays = 14;

// ---- From records to the feed (pure) ----

// `base` with exactly one '/' before `rel`: ("http://h/pod", "feed.xml") → "http://h/pod/feed.xml".
std::string url_join(const std::string& base, const std::string& rel);

// The feed item of a published episode, its files' URLs under `base_url`; `language` is the
// transcripts' language (the show's).
Episode to_feed_episode(const EpisodeRecord& episode, const std::string& base_url,
                        const std::string& language);

// The channel of `show` published at `feed_url` with podcast:guid `guid` (empty: derived from
// `feed_url`), built at `built` (lastBuildDate), linking to `base_url`, with the cover at
// base_url + "cover.<ext>" when there is one. The language is lower-cased as RSS expects
// ("en-us"). Without an owner e-mail there is no itunes:owner and podcast:locked is "no".
Channel make_channel(const ShowConfig& show, const std::string& base_url,
                     const std::string& feed_url, const std::string& guid,
                     std::chrono::sys_seconds built);

// The show as its web pages present it, subscribed to at `feed_url`.
PageShow page_show(const ShowConfig& show, const std::string& feed_url);

// A published episode as the show page lists it (no chapters, no transcript).
PageEpisode page_episode(const EpisodeRecord& episode);

// The episodes in the feed after adding one.
struct Retention {
  std::vector<EpisodeRecord> episodes;  // kept, oldest first (by publication time)
  std::vector<EpisodeRecord> removed;   // replaced (same date as the new one) or too old
};

// Replaces the episodes of `added.date` with `added`, orders by day (then publication time),
// numbers them in that order from the lowest number among `current` and `added` (a back-dated
// episode takes its place and the later days move up one), and drops the oldest beyond
// `keep_episodes` (0: keep all).
Retention apply_retention(const std::vector<EpisodeRecord>& current, const EpisodeRecord& added,
                          int keep_episodes);

// ---- Files ----

// The file stem of `day`'s episode under <root>/episodes: "2026-11-02", or "2026-11-02-2",
// "-3", ... when that name exists on disk or in `episodes` (a URL, once published, always names
// the same bytes; --force therefore publishes under a new name).
std::string episode_stem(const std::string& day, const std::filesystem::path& root,
                         const std::vector<EpisodeRecord>& episodes);

// Writes <root>/episodes/STEM.vtt, .srt, .chapters.json and .html (`page_html`, the episode's
// web page).
void write_episode_files(const std::filesystem::path& root, const std::string& stem,
                         const std::vector<TranscriptCue>& cues,
                         const std::vector<Chapter>& chapters, const std::string& page_html);

// Copies the show's cover to <root>/cover.<ext> when that file is missing or differs. Throws
// Error(ExitCode::input) when the cover cannot be read.
void publish_cover(const std::filesystem::path& cover, const std::filesystem::path& root);

// Renders the feed of `episodes` and validates it against the files under `root` (served at
// `base_url`). When it would not validate, prints each problem as "briefcast: PROBLEM" on `log`
// and throws Error(ExitCode::invalid, "'<root>/feed.xml': the new feed does not validate (N
// problem(s) above); nothing was published").
std::string render_checked_feed(const Channel& channel, const std::vector<EpisodeRecord>& episodes,
                                const std::string& base_url, const std::string& language,
                                const std::filesystem::path& root, std::ostream& log);

// Publishes `added` with the episodes of `retention`: the state (episodes, next number — above
// `added.number` and every kept number —, the new stories as broadcast on `day`, the parts cache
// pruned) is saved first to `state_file`, then `show_page` (when not empty) to <root>/index.html
// and last `feed_xml` to <root>/feed.xml. Only files are removed after that, which cannot fail:
// those of the removed episodes, the pruned cache parts, and files in episodes/ that no episode
// of the state names (left by interrupted builds). So it returns ⇔ the feed was published.
void publish_feed(BriefingState& state, const Retention& retention, const EpisodeRecord& added,
                  const std::string& feed_xml, const std::string& show_page,
                  const std::filesystem::path& root, const std::filesystem::path& state_file,
                  const EpisodeDay& day);

// Deletes the files in <root>/episodes (not dot files) that none of `episodes` names.
void remove_orphaned_episode_files(const std::vector<EpisodeRecord>& episodes,
                                   const std::filesystem::path& root) noexcept;

// Removes from `cache` the parts last used more than kCacheDays before `day` (or on no valid
// date) and returns their files (relative to the output folder), for removal once published.
std::vector<std::string> take_stale_cache_entries(std::map<std::string, CachedPart>& cache,
                                                  const EpisodeDay& day);

// Deletes the files of a published episode (missing files are fine). Never throws.
void remove_episode_files(const EpisodeRecord& episode, const std::filesystem::path& root);

// Deletes the cached parts last used more than kCacheDays before `day` (or on no valid date),
// from disk and from `cache`. Never throws (a file that cannot be removed is left behind).
void prune_cache(std::map<std::string, CachedPart>& cache, const std::filesystem::path& root,
                 const EpisodeDay& day);

}  // namespace briefcast
