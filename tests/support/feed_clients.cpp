#include "support/feed_clients.hpp"

#include <catch2/catch.hpp>

#include "support/test_support.hpp"

namespace briefcast::test {

nlohmann::json parse_with_feed_clients(const std::filesystem::path& feed_file,
                                       const std::string& feed_url) {
  const RunResult r = run_shell(
      "/usr/bin/python3 " + shell_quote((source_dir() / "tests/support/feed_parsers.py").string()) +
      " " + shell_quote(feed_file.string()) + " " + shell_quote(feed_url));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace briefcast::test
