#pragma once
// A published feed as two real podcast clients' parsers read it: gPodder's podcastparser and
// feedparser, both from Debian, run by tests/support/feed_parsers.py under /usr/bin/python3.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace briefcast::test {

// What each parser read from the feed in `feed_file`, fetched (for relative URLs) from
// `feed_url`: {"podcastparser": {...}, "feedparser": {...}} as feed_parsers.py prints it. The
// test fails, showing the script's stderr, when the script does.
nlohmann::json parse_with_feed_clients(const std::filesystem::path& feed_file,
                                       const std::string& feed_url);

}  // namespace briefcast::test
