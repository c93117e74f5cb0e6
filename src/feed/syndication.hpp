#pragma once
// Reading news feeds: RSS 2.0 (and RSS 0.9x / 1.0 RDF), Atom 1.0 and JSON Feed 1.0/1.1, told apart
// by their content, not by the Content-Type or file name. Pure: bytes in, items out.
//
// XML is parsed with libxml2 without network access and without loading external entities or
// DTDs. Text comes out as UTF-8 whatever the document's declared encoding.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace briefcast {

enum class SyndicationKind { rss, atom, json_feed };

// One entry of a feed. Fields are empty when the feed does not carry them.
struct FeedItem {
  std::string title;         // plain text (markup of an Atom type="html" title removed)
  std::string link;          // the story's page, absolute (resolved against xml:base/feed URL)
  std::string guid;          // RSS guid / Atom id / JSON Feed id, as written
  std::optional<std::chrono::sys_seconds> published;  // pubDate / published (else updated), UTC
  std::string summary_html;  // RSS description / Atom summary / JSON Feed summary, as HTML
  std::string content_html;  // content:encoded / Atom content / content_html, as HTML
  std::string author;        // author name (RSS author or dc:creator; Atom author/name)
};

struct SyndicationFeed {
  SyndicationKind kind = SyndicationKind::rss;
  std::string title;  // channel / feed title, plain text
  std::string link;   // the site's home page, absolute when known
  std::vector<FeedItem> items;  // in document order
};

// Parses a feed document. `origin` names it in messages (a URL or a path); `base_url` is the URL
// the document was fetched from (after redirects) and resolves relative links — for a local file
// pass "", and relative links are resolved against the channel's own absolute link when it has one.
// Throws Error(ExitCode::feed):
//   "'ORIGIN': not an RSS, Atom or JSON Feed document (looks like HTML)"
//   "'ORIGIN': not an RSS, Atom or JSON Feed document (root element <x>)"
//   "'ORIGIN': invalid XML at line N: <libxml2's message>"
//   "'ORIGIN': invalid JSON Feed: <problem>"
//   "'ORIGIN': empty document"
SyndicationFeed parse_syndication(const std::string& bytes, const std::string& origin,
                                  const std::string& base_url);

// Parses the dates feeds contain: RFC 822/2822 ("Tue, 03 Mar 2026 08:00:00 +0000", with or without
// weekday and seconds, two-digit years, zone names GMT/UT/UTC/Z/EST/EDT/CST/CDT/MST/MDT/PST/PDT,
// numeric zones with or without a colon) and ISO 8601 / RFC 3339 ("2026-03-03T08:00:00Z",
// fractions, offsets, a space instead of 'T', or a date alone meaning midnight UTC).
// Returns nullopt for anything else or an impossible date.
std::optional<std::chrono::sys_seconds> parse_feed_date(const std::string& text);

// "2026-03-03T08:00:00Z"
std::string format_iso8601(std::chrono::sys_seconds t);

// The text of an HTML fragment with tags removed, character references decoded (the five XML
// ones, numeric ones, &nbsp;) and whitespace folded. Good enough to measure or title; the real
// HTML extraction is the text front end's job.
std::string html_to_plain_text(const std::string& html);

}  // namespace briefcast
