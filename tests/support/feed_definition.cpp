#include "support/feed_definition.hpp"

namespace briefcast::test {

namespace fs = std::filesystem;

fs::path write_feed_definition(const fs::path& dir, const std::string& base_url,
                               const std::string& output, const nlohmann::json& patch) {
  fs::create_directories(dir / "articles");
  nlohmann::json j = {
      {"show",
       {{"title", "Test Briefing"},
        {"description", "A briefing built by the tests."},
        {"author", "Test Desk"},
        {"owner_email", "desk@example.org"},
        {"language", "en-US"},
        {"category", "News"},
        {"subcategory", "Daily News"},
        {"cover", (source_dir() / "examples/cover.png").string()},
        {"base_url", base_url}}},
      {"output", output},
      {"sources",
       nlohmann::json::array({{{"type", "folder"}, {"path", "articles"}, {"name", "Local"}}})},
      {"episode",
       {{"title", "Test Briefing {date}"},
        {"intro", "This is {show} for {date}. Today: {headlines}"},
        {"outro", "That was {show}."}}}};
  j.merge_patch(patch);
  write_file(dir / "feed.json", j.dump(2));
  return dir / "feed.json";
}

RunResult run_build(const fs::path& feed, const std::string& date,
                    const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"build", feed.string(), "--date", date};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_briefcast(args);
}

}  // namespace briefcast::test
