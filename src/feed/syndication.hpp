#pragma once
// Reading news feeds: RSS 2.0 (and RSS 0.9x / 1.0 RDF), Atom 1.0 and JSON Feed 1.0/1.1, told apart
// by their content, not by the Content-Type or file name. Pure: bytes in, items out. JSON Feed
// is read by json_feed.hpp, dates by feed_date.hpp, HTML and text by feed_text.hpp.
//
// XML is parsed with libxml2 without network access and without loading external entities or
// DTDs. Text comes out as UTF-8 whatever the document's declared encoding.

#include <string>

#include "feed/feed_date.hpp"  // parse_feed_date, for callers reading what the items carry
#include "feed/feed_item.hpp"
#include "feed/feed_text.hpp"  // html_to_plain_text, likewise

namespace briefcast {

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

}  // namespace briefcast
