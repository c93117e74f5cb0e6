// Golden Rules of sentence boundary detection (pySBD's English set): a case passes when the whole
// list of sentences matches, whitespace folded.
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "scoring/scores.hpp"
#include "text/segmenter.hpp"

namespace briefcast::scoring {

namespace {

std::string fold_whitespace(const std::string& s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::optional<Score> score_segmentation(const std::filesystem::path& corpus) {
  std::filesystem::path file = corpus / "segmentation" / "golden-rules-en.json";
  std::ifstream in(file);
  if (!in) return std::nullopt;
  nlohmann::json cases;
  try {
    cases = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw Error(ExitCode::input, "'" + file.string() + "': " + e.what());
  }
  Score s;
  s.name = "segmentation golden rules";
  s.unit = "cases";
  s.target = 46;
  std::string failed;
  std::size_t n = 0;
  for (const auto& c : cases) {
    ++n;
    std::vector<std::string> expected;
    for (const auto& e : c.at("expected"))
      expected.push_back(fold_whitespace(e.get<std::string>()));
    std::vector<std::string> got;
    for (auto& g : split_sentences(c.at("text").get<std::string>()))
      got.push_back(fold_whitespace(g));
    if (got == expected) {
      s.value += 1;
    } else {
      failed += (failed.empty() ? "" : ",") + std::to_string(n);
    }
  }
  std::ostringstream d;
  d << static_cast<int>(s.value) << "/" << n << " cases pass";
  if (!failed.empty()) d << "; failing cases: " << failed;
  s.detail = d.str();
  return s;
}

}  // namespace briefcast::scoring
