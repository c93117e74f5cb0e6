#pragma once
// Feed definitions (feeds/NAME.json) written the way a user writes them, and `briefcast build`
// run on them, for the end-to-end tests of the daily briefing.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace briefcast::test {

// Writes `dir`/feed.json and creates `dir`/articles (empty): the show "Test Briefing" by "Test
// Desk" (owner e-mail desk@example.org, en-US, News / Daily News, cover: the repository's
// examples/cover.png) at `base_url`, the stories of the folder source "Local" (`dir`/articles),
// published to `dir`/`output`; episodes titled "Test Briefing {date}" with a one-sentence intro and
// outro. `patch`, an RFC 7386 merge patch (null removes a field, arrays are replaced whole),
// changes the definition first. Returns the file's path.
std::filesystem::path write_feed_definition(const std::filesystem::path& dir,
                                            const std::string& base_url, const std::string& output,
                                            const nlohmann::json& patch = nlohmann::json::object());

// `briefcast build FEED --date DATE` (YYYY-MM-DD), then `extra` arguments.
RunResult run_build(const std::filesystem::path& feed, const std::string& date,
                    const std::vector<std::string>& extra = {});

}  // namespace briefcast::test
