#pragma once
// Gathering the raw stories of one briefing from the sources of a feed definition: local files
// and folders, and RSS/Atom/JSON feeds read from a file or over HTTP(S).
//
// Bodies are handed over raw (HTML, Markdown or text bytes); turning them into an Article is the
// text front end's job. A source (or a single feed item) that fails is reported on the log as
//   briefcast: warning: source 'NAME': <reason>; skipped
// and the others continue; collect_stories itself throws only when it cannot proceed at all.

#include <chrono>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "briefing/feed_config.hpp"
#include "briefing/source_state.hpp"
#include "net/http_fetch.hpp"

namespace briefcast {

struct SourceStory {
  std::string title;        // headline when known without extraction (feed item title, first
                            // line of a .txt, first heading of a .md); "" for HTML files
  std::string url;          // the story's page (feed items), absolute; "" for local files
  std::string guid;         // feed item guid/id; "" for local files
  std::string source_name;  // SourceConfig::name
  std::optional<std::chrono::sys_seconds> published;  // feed item date; nullopt for local files
  std::string author;                                 // feed item author, when given
  std::string body_kind;                              // "html", "text" or "markdown"
  std::string body;     // raw bytes for the text front end (not validated as UTF-8)
  std::string charset;  // declared charset of `body` ("utf-8" for feed content, the HTTP
                        // charset of a fetched page), "" when unknown
  std::string origin;   // file path or URL the body came from, for messages
};

struct CollectOptions {
  FetchOptions fetch;                     // timeouts and size cap for feeds and articles
  std::size_t full_text_min_chars = 600;  // a summary shorter than this (as text) is not enough
};

// Collects up to `max_items` stories from each source, in the order of the sources (a folder's
// files sorted by name, a feed's items in document order), without duplicates (same
// normalize_url_for_dedupe key). For a feed item without content whose summary is shorter than
// `full_text_min_chars` characters of text, the linked page is fetched and becomes the body
// (body_kind "html"). `state` is read for validators and updated; entries of feed URLs no longer
// in `config` are removed. Warnings and skipped sources go to `log`. Article pages of one feed
// are fetched `config.parallel_fetches` at a time, and so are the feed documents of all URL
// sources, first, before the sources are read in order. Time budgets: each source's
// `fetch_budget_seconds` (its feed and its pages) and the definition's for all sources together;
// each fetch's timeouts are cut to what is left of both, and once one is spent nothing more is
// fetched (each item left is skipped with a warning naming the source and the budget).
std::vector<SourceStory> collect_stories(const FeedConfig& config, SourceState& state,
                                         std::ostream& log, const CollectOptions& options = {});

}  // namespace briefcast
