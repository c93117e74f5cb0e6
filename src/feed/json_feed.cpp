#include "feed/json_feed.hpp"

#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "base/strings.hpp"
#include "feed/feed_date.hpp"
#include "feed/feed_text.hpp"
#include "net/url_tools.hpp"

namespace briefcast {

namespace {

[[noreturn]] void fail(const std::string& origin, const std::string& problem) {
  throw Error(ExitCode::feed, "'" + origin + "': " + problem);
}

std::string json_string(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return {};
}

std::string json_author(const nlohmann::json& j) {
  if (auto a = j.find("authors"); a != j.end() && a->is_array()) {
    for (auto& one : *a)
      if (one.is_object() && !json_string(one, "name").empty()) return json_string(one, "name");
  }
  if (auto a = j.find("author"); a != j.end() && a->is_object()) return json_string(*a, "name");
  return {};
}

}  // namespace

SyndicationFeed parse_json_feed(const std::string& text, const std::string& origin,
                                const std::string& base_url) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    fail(origin, "invalid JSON Feed: invalid JSON at byte " + std::to_string(e.byte));
  } catch (const nlohmann::json::exception& e) {  // a number beyond a double's range
    fail(origin, std::string("invalid JSON Feed: ") + e.what());
  }
  if (!j.is_object()) fail(origin, "invalid JSON Feed: expected a JSON object");
  if (!json_string(j, "version").starts_with("https://jsonfeed.org/version/"))
    fail(origin, "not an RSS, Atom or JSON Feed document (JSON without a JSON Feed \"version\")");
  auto items = j.find("items");
  if (items == j.end() || !items->is_array())
    fail(origin, "invalid JSON Feed: \"items\" must be an array");
  SyndicationFeed f;
  f.kind = SyndicationKind::json_feed;
  f.title = trim(json_string(j, "title"));
  std::string home(trim(json_string(j, "home_page_url")));
  f.link = base_url.empty() ? home : resolve_url(base_url, home);
  std::string base = !base_url.empty() ? base_url : (is_http_url(f.link) ? f.link : std::string());
  for (auto& item : *items) {
    if (!item.is_object()) continue;
    FeedItem it;
    it.guid = json_string(item, "id");
    it.title = html_to_plain_text(escape_html(json_string(item, "title")));
    std::string url = json_string(item, "url");
    if (url.empty()) url = json_string(item, "external_url");
    if (!trim(url).empty()) it.link = resolve_url(base, url);  // trims; an empty base keeps it
    it.content_html = trim(json_string(item, "content_html"));
    if (it.content_html.empty()) it.content_html = text_to_html(json_string(item, "content_text"));
    it.summary_html = text_to_html(json_string(item, "summary"));
    it.published = parse_feed_date(json_string(item, "date_published"));
    if (!it.published) it.published = parse_feed_date(json_string(item, "date_modified"));
    it.author = json_author(item);
    if (it.author.empty()) it.author = json_author(j);
    f.items.push_back(std::move(it));
  }
  return f;
}

}  // namespace briefcast
