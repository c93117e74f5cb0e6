#include "feed/chapters_json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "base/error.hpp"

namespace briefcast {

namespace {
double millis(double s) { return std::round(s * 1000.0) / 1000.0; }

std::string seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}
}  // namespace

std::string render_chapters_json(const std::vector<Chapter>& input) {
  std::vector<Chapter> chapters = input;
  for (const Chapter& c : chapters)
    if (!std::isfinite(c.start_s) || c.start_s < 0)
      throw Error(ExitCode::invalid, "chapter '" + c.title + "': start time " + seconds(c.start_s) +
                                         " s is not a time in the episode");
  std::stable_sort(chapters.begin(), chapters.end(),
                   [](const Chapter& a, const Chapter& b) { return a.start_s < b.start_s; });
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Chapter& c : chapters) {
    nlohmann::ordered_json j;
    j["startTime"] = millis(c.start_s);  // a double: dumped as 0.0, never as the integer 0
    if (c.end_s) j["endTime"] = millis(*c.end_s);
    j["title"] = c.title;
    if (!c.url.empty()) j["url"] = c.url;
    if (!c.image_url.empty()) j["img"] = c.image_url;
    if (!c.toc) j["toc"] = false;
    list.push_back(std::move(j));
  }
  nlohmann::ordered_json doc;
  doc["version"] = "1.2.0";
  doc["chapters"] = std::move(list);
  // Invalid UTF-8 in a title is replaced rather than thrown on: a chapter title is never worth
  // failing a publish over.
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace briefcast
