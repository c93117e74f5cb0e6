#pragma once
// Checks a published podcast feed the way the apps that read it would fail on it
// (../shared/reference/podcast.md): structure, namespaces, required channel and item fields,
// dates, unique GUIDs, an owner e-mail wherever itunes:owner or podcast:locked yes needs one,
// enclosure sizes against the published files.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace briefcast {

// What to check the feed against besides its own text.
struct ValidateOptions {
  std::string name = "feed.xml";  // how every problem line names the feed (path or URL as given)
  // Local folder the feed is published from; empty: enclosure files are not checked.
  std::string root;
  // URL that `root` is served at; empty: the folder of the channel's atom:link rel=self URL.
  // An enclosure URL under it maps to root + the rest of the URL (percent-decoded).
  std::string base_url;
  // The current time for the "pubDate in the future" check; unset: the system clock.
  std::optional<std::chrono::sys_seconds> now;
  std::chrono::seconds future_skew{300};  // how far in the future a pubDate may be
  // Optional remote size check: called with each absolute enclosure URL that `root` does not
  // map; returns the server's Content-Length, or std::nullopt when there is none. When it throws
  // Error(ExitCode::network) (probe_head: "HEAD URL: HTTP 404"), the message becomes the item's
  // problem; anything else it throws (an interruption, a bug) propagates from check_feed.
  std::function<std::optional<std::uint64_t>(const std::string& url)> remote_length;
};

// The outcome of one validation.
struct FeedValidation {
  std::vector<std::string>
      problems;              // one line each, "NAME: item 3 (guid G): ..." order of the document
  std::size_t episodes = 0;  // <item> elements seen
  std::string self_url;      // the channel's atom:link rel=self href, if any
};

// Parses `xml` with libxml2 (no network, no entity expansion) and checks it. A document that is
// not well-formed yields exactly one problem. Never throws for bad feed content; throws
// std::bad_alloc and whatever options.remote_length throws other than Error(ExitCode::network).
FeedValidation check_feed(std::string_view xml, const ValidateOptions& options);

// check_feed(...).problems.
std::vector<std::string> validate_feed(std::string_view xml, const ValidateOptions& options);

}  // namespace briefcast
