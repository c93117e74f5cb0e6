#pragma once
// Reading a JSON Feed document (version 1 and 1.1, https://jsonfeed.org/version/1.1).

#include <string>

#include "feed/feed_item.hpp"

namespace briefcast {

// Parses a JSON Feed. `origin` names it in messages; `base_url` resolves relative item URLs
// (when empty, the feed's own absolute home_page_url does). Items that are not objects are
// skipped; a missing title, URL or date leaves that field empty. Throws Error(ExitCode::feed):
//   "'ORIGIN': invalid JSON Feed: invalid JSON at byte N"
//   "'ORIGIN': invalid JSON Feed: expected a JSON object"
//   "'ORIGIN': not an RSS, Atom or JSON Feed document (JSON without a JSON Feed "version")"
//   "'ORIGIN': invalid JSON Feed: "items" must be an array"
SyndicationFeed parse_json_feed(const std::string& text, const std::string& origin,
                                const std::string& base_url);

}  // namespace briefcast
