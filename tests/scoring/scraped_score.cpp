// Scraped-text cleaning: every rule of each scraped/NAME.expect must hold for the cleaned text of
// scraped/NAME.txt (rendered with render_clean_text). Rules, one per line:
//   +TEXT  TEXT appears in the cleaned text        -TEXT  TEXT does not appear
//   =title_once TEXT  TEXT appears exactly once     =no_line TEXT  no line of the text is TEXT
#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "extract/scraped_cleaner.hpp"
#include "scoring/scores.hpp"
#include "text/article.hpp"
#include "text/unicode_text.hpp"

namespace briefcast::scoring {

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::size_t count_of(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return 0;
  std::size_t n = 0;
  for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1))
    ++n;
  return n;
}

bool has_line(const std::string& text, const std::string& line) {
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    while (!l.empty() && (l.back() == ' ' || l.back() == '\r')) l.pop_back();
    std::size_t lead = l.find_first_not_of(' ');
    if ((lead == std::string::npos ? std::string() : l.substr(lead)) == line) return true;
  }
  return false;
}

// True when the rule holds; `known` is false for a rule this scorer does not understand.
bool rule_holds(const std::string& rule, const std::string& cleaned, bool& known) {
  known = true;
  if (rule[0] == '+') return cleaned.find(rule.substr(1)) != std::string::npos;
  if (rule[0] == '-') return cleaned.find(rule.substr(1)) == std::string::npos;
  if (rule.starts_with("=title_once ")) return count_of(cleaned, rule.substr(12)) == 1;
  if (rule.starts_with("=no_line ")) return !has_line(cleaned, rule.substr(9));
  known = false;
  return false;
}

}  // namespace

std::optional<Score> score_scraped(const std::filesystem::path& corpus) {
  std::filesystem::path dir = corpus / "scraped";
  if (!std::filesystem::is_directory(dir)) return std::nullopt;
  std::vector<std::filesystem::path> expects;
  for (auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".expect") expects.push_back(e.path());
  if (expects.empty()) return std::nullopt;
  std::sort(expects.begin(), expects.end());

  Score s;
  s.name = "scraped cleaning rules";
  s.unit = "rules";
  std::string failed;
  for (auto& expect : expects) {
    std::filesystem::path txt = expect;
    txt.replace_extension(".txt");
    // The cleaned article keeps its own typography (curly quotes); the rules are about content,
    // so each line is compared with quotes and dashes as the script has them.
    std::string cleaned;
    std::istringstream lines(render_clean_text(clean_scraped_text(slurp(txt))));
    for (std::string line; std::getline(lines, line);) cleaned += tidy_unicode(line) + "\n";
    std::istringstream rules(slurp(expect));
    std::size_t line_no = 0;
    for (std::string rule; std::getline(rules, rule);) {
      ++line_no;
      while (!rule.empty() && (rule.back() == '\r' || rule.back() == ' ')) rule.pop_back();
      if (rule.empty() || rule[0] == '#') continue;
      s.target += 1;
      bool known = true;
      if (rule_holds(rule, cleaned, known)) {
        s.value += 1;
      } else {
        failed += (failed.empty() ? "" : "; ") + expect.filename().string() + ":" +
                  std::to_string(line_no) + (known ? " " : " unknown rule ") + rule;
      }
    }
  }
  std::ostringstream d;
  d << static_cast<int>(s.value) << "/" << static_cast<int>(s.target) << " rules hold over "
    << expects.size() << " file(s)";
  if (!failed.empty()) d << "; failing: " << failed;
  s.detail = d.str();
  return s;
}

}  // namespace briefcast::scoring
