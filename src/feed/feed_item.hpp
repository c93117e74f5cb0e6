#pragma once
// What a news feed holds once read, whatever its format (RSS, Atom, JSON Feed): the value the
// syndication readers produce and the daily briefing's sources consume.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace briefcast {

enum class SyndicationKind { rss, atom, json_feed };

// One entry of a feed. Fields are empty when the feed does not carry them.
struct FeedItem {
  std::string title;  // plain text (markup of an Atom type="html" title removed)
  std::string link;   // the story's page, absolute (resolved against xml:base/feed URL)
  std::string guid;   // RSS guid / Atom id / JSON Feed id, as written
  std::optional<std::chrono::sys_seconds> published;  // pubDate / published (else updated), UTC
  std::string summary_html;  // RSS description / Atom summary / JSON Feed summary, as HTML
  std::string content_html;  // content:encoded / Atom content / content_html, as HTML
  std::string author;        // author name (RSS author or dc:creator; Atom author/name)
};

struct SyndicationFeed {
  SyndicationKind kind = SyndicationKind::rss;
  std::string title;            // channel / feed title, plain text
  std::string link;             // the site's home page, absolute when known
  std::vector<FeedItem> items;  // in document order
};

}  // namespace briefcast
