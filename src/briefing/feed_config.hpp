#pragma once
// Feed definitions: `feeds/NAME.json` describes one daily briefing — the show as podcast apps see
// it, where its stories come from, how an episode is introduced, and where it is published.
//
// Parsing is strict: unknown fields, wrong types and out-of-range values throw
// Error(ExitCode::feed, "'<file>': field '<dotted.name>': <problem>"). Relative paths are resolved
// against the folder of the feed file; files that must exist (cover, sounds, local sources, a
// voice profile given as a path) are checked at load time, categories against Apple's list
// (apple_categories.hpp) and the episode texts as templates (episode_template.hpp).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "audio/loudness.hpp"
#include "audio/mp3_encoder.hpp"

namespace briefcast {

enum class SourceType { file, folder, feed };

const char* to_string(SourceType type);  // "file", "folder", "feed"

// One place stories come from.
struct SourceConfig {
  SourceType type = SourceType::folder;
  std::string name;            // shown in warnings; default: file/folder name or URL host
  std::filesystem::path path;  // file, folder or local feed document, absolute (else empty)
  std::string url;             // http(s) feed URL (type feed only; else empty)
  int max_items = 10;          // stories taken from this source per episode (1-100)
  bool fetch_articles = true;  // feed: fetch the linked page when an item has only a summary
  // feed: the feed and its articles may be at loopback, private, link-local or unique-local
  // addresses (a LAN source); otherwise such addresses are refused, also via DNS or redirects.
  bool allow_private = false;
  // feed: wall time this source may spend fetching its feed and its article pages, seconds
  // (1-3600); once spent, nothing more of it is fetched (each item left is skipped with a
  // warning naming the source).
  int fetch_budget_seconds = 120;
  // Pins the voice of this source's stories, over the feed's pin and the story's own language:
  // a voice profile (name or absolute path, as FeedConfig::voice) or a language (BCP 47; the
  // voice of that language, as `say` picks one). At most one of the two; "" for none.
  std::string voice;
  std::string language;
};

// What podcast apps show for the channel.
struct ShowConfig {
  std::string title;        // channel title
  std::string description;  // channel description, plain text (≤ 4000 bytes)
  std::string author;       // itunes:author
  std::string owner_email;  // itunes:owner e-mail (empty: no owner element, podcast:locked no)
  // podcast:guid to adopt (moving an existing show in); empty: made on the first build from the
  // feed URL and kept in the state from then on.
  std::string podcast_guid;
  std::string language;     // BCP 47, e.g. "en-US"
  std::string category;     // Apple top-level category, e.g. "News"
  std::string subcategory;  // Apple subcategory of `category`, e.g. "Daily News" (may be empty)
  bool explicit_content = false;  // itunes:explicit
  std::filesystem::path cover;    // square JPEG/PNG, absolute (empty: none)
  std::string base_url;           // public folder URL, always ending in '/'
};

// How one episode is put together. Texts are templates, see episode_template.hpp.
struct EpisodeConfig {
  std::string title = "{show} — {date}";  // episode title template ({show}, {date})
  std::string intro = "This is {show} for {date}. {headlines}";  // spoken first
  std::string outro = "That was {show}. Thanks for listening.";  // spoken last
  std::filesystem::path intro_sound;    // played before the intro (empty: none), absolute
  std::filesystem::path outro_sound;    // played after the outro (empty: none), absolute
  std::filesystem::path between_sound;  // played between stories (empty: none), absolute
};

struct FeedConfig {
  std::string name;            // feed name: the file stem ("example")
  std::filesystem::path file;  // the feed definition itself, absolute
  ShowConfig show;
  std::filesystem::path output_dir;  // where episodes and feed.xml go, absolute
  // Pins the voice of every story (a source's own pin wins): a profile name ("en-us-news") or,
  // when it contains '/' or ends in ".json", an absolute path to a profile file (checked to
  // exist); or `language` (BCP 47) pins the voice of that language. At most one of the two; both
  // "" (the default): each story is spoken in the voice of the language it is written in, and
  // the intro and outro in the voice of show.language.
  std::string voice;
  std::string language;
  std::vector<SourceConfig> sources;  // at least one; names unique
  EpisodeConfig episode;
  int max_stories = 10;            // stories per episode over all sources (1-100)
  int max_minutes = 20;            // stop adding stories once the episode is this long (1-240)
  int fetch_budget_seconds = 600;  // wall time all sources together may spend fetching (1-7200)
  int parallel_fetches = 4;        // article pages of one feed fetched at the same time (1-16)
  int keep_episodes = 30;          // episodes kept in the feed and on disk (1-10000)
  Mp3Config mp3;                   // bitrate_kbps and sample_rate_hz may be set from the feed file
  LoudnessConfig loudness;         // target_lufs and true_peak_dbtp may be set from the feed file
};

// Loads and validates `feeds/NAME.json`. Throws Error(ExitCode::feed) as described above, also
// when the file cannot be read or is not valid JSON.
FeedConfig load_feed_config(const std::filesystem::path& file);

// Parses feed JSON text. `file` names it in messages and anchors relative paths (its folder).
FeedConfig parse_feed_config(const std::string& json_text, const std::filesystem::path& file);

}  // namespace briefcast
