#include "briefing/sources.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "base/error.hpp"
#include "base/file_read.hpp"
#include "base/strings.hpp"
#include "feed/syndication.hpp"
#include "net/url_tools.hpp"

namespace briefcast {

namespace fs = std::filesystem;

namespace {

std::size_t utf8_length(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void warn(std::ostream& log, const std::string& source, const std::string& reason) {
  log << "briefcast: warning: source '" << source << "': " << reason << "; skipped\n";
}

const char* kind_of_extension(const fs::path& p) {
  std::string ext = lower_ascii(p.extension().string());
  if (ext == ".html" || ext == ".htm") return "html";
  if (ext == ".md" || ext == ".markdown") return "markdown";
  if (ext == ".txt") return "text";
  return nullptr;
}

SourceStory story_from_file(const fs::path& p, const std::string& source_name) {
  SourceStory s;
  s.source_name = source_name;
  s.origin = p.string();
  s.body_kind = kind_of_extension(p);
  s.body = read_file_bytes(p);
  if (s.body.find_first_not_of(" \t\r\n\f\v\xEF\xBB\xBF") == std::string::npos)
    throw Error(ExitCode::input, "'" + p.string() + "': empty file");
  if (s.body_kind != "html") {
    // The first non-empty line is the headline (for Markdown, without its '#' marks).
    std::istringstream lines(s.body);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
      line = std::string(trim(line));
      if (line.empty()) continue;
      if (s.body_kind == "markdown")
        line = std::string(trim(line.substr(line.find_first_not_of('#'))));
      s.title = line;
      break;
    }
  }
  return s;
}

struct Collector {
  const FeedConfig& config;
  SourceState& state;
  std::ostream& log;
  const CollectOptions& options;
  std::vector<SourceStory> stories;
  std::set<std::string> seen;  // dedupe keys
  std::chrono::sys_seconds now =
      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());

  // Adds a story unless its URL was already collected; returns whether it was added.
  bool add(SourceStory s) {
    if (!s.url.empty() && !seen.insert(normalize_url_for_dedupe(s.url)).second) return false;
    stories.push_back(std::move(s));
    return true;
  }

  void collect_file(const SourceConfig& src) { add(story_from_file(src.path, src.name)); }

  void collect_folder(const SourceConfig& src) {
    std::error_code ec;
    std::vector<fs::path> files;
    fs::directory_iterator it(src.path, ec);
    if (ec) throw Error(ExitCode::input, "'" + src.path.string() + "': " + ec.message());
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) throw Error(ExitCode::input, "'" + src.path.string() + "': " + ec.message());
      const fs::path& p = it->path();
      if (p.filename().string().starts_with(".") || !kind_of_extension(p)) continue;
      if (!it->is_regular_file(ec)) continue;
      files.push_back(p);
    }
    std::sort(files.begin(), files.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
    int taken = 0;
    for (auto& f : files) {
      if (taken >= src.max_items) break;
      try {
        if (add(story_from_file(f, src.name))) ++taken;
      } catch (const Error& e) {
        warn(log, src.name, e.what());
      }
    }
  }

  // Fetches a feed URL with the remembered validators; returns the body and its base URL.
  std::pair<std::string, std::string> fetch_feed(const std::string& url) {
    FetchOptions fo = options.fetch;
    fo.accept =
        "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
        "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
    auto cached = state.feeds.find(url);
    if (cached != state.feeds.end() && !cached->second.body.empty()) {
      fo.etag = cached->second.etag;
      fo.last_modified = cached->second.last_modified;
    }
    FetchResult r = fetch_url(url, fo);
    if (r.not_modified && cached != state.feeds.end()) {
      cached->second.fetched = now;
      if (!r.etag.empty()) cached->second.etag = r.etag;
      if (!r.last_modified.empty()) cached->second.last_modified = r.last_modified;
      return {cached->second.body, cached->second.final_url};
    }
    if (r.not_modified)
      throw Error(ExitCode::network, "'" + url + "': HTTP 304 without a request for it");
    if (r.etag.empty() && r.last_modified.empty()) {
      state.feeds.erase(url);  // nothing to revalidate with next time
    } else {
      SourceState::Entry& e = state.feeds[url];
      e.etag = r.etag;
      e.last_modified = r.last_modified;
      e.content_type = r.content_type;
      e.final_url = r.final_url;
      e.body = r.body;
      e.fetched = now;
    }
    return {std::move(r.body), r.final_url};
  }

  // The body of one feed item, fetching its page when the feed carries only a short summary.
  // Throws Error when the item cannot be used.
  void fill_body(const SourceConfig& src, const FeedItem& item, SourceStory& s) {
    s.charset = "utf-8";
    s.body_kind = "html";
    if (!trim(item.content_html).empty()) {
      s.body = item.content_html;
      return;
    }
    std::string summary_text = html_to_plain_text(item.summary_html);
    if (utf8_length(summary_text) >= options.full_text_min_chars || !src.fetch_articles ||
        !is_http_url(item.link)) {
      if (summary_text.empty())
        throw Error(ExitCode::feed,
                    "item '" + (item.title.empty() ? item.guid : item.title) + "' has no text");
      s.body = item.summary_html;
      return;
    }
    FetchOptions fo = options.fetch;
    fo.accept = "text/html, application/xhtml+xml, text/plain;q=0.8, */*;q=0.5";
    FetchResult page = fetch_url(item.link, fo);
    const std::string& mime = page.mime_type;
    if (mime == "text/plain") {
      s.body_kind = "text";
    } else if (!mime.empty() && mime != "text/html" && mime != "application/xhtml+xml") {
      throw Error(ExitCode::feed,
                  "'" + item.link + "': not an HTML page (Content-Type " + page.content_type + ")");
    }
    s.body = std::move(page.body);
    s.charset = page.charset;
    s.origin = page.final_url;
  }

  void collect_feed(const SourceConfig& src) {
    std::string bytes, base, origin;
    if (!src.url.empty()) {
      std::tie(bytes, base) = fetch_feed(src.url);
      origin = src.url;
    } else {
      bytes = read_file_bytes(src.path);
      origin = src.path.string();
    }
    SyndicationFeed feed = parse_syndication(bytes, origin, base);
    int taken = 0;
    for (const FeedItem& item : feed.items) {
      if (taken >= src.max_items) break;
      if (!item.link.empty() && seen.count(normalize_url_for_dedupe(item.link))) continue;
      SourceStory s;
      s.title = item.title;
      s.url = item.link;
      s.guid = item.guid;
      s.source_name = src.name;
      s.published = item.published;
      s.author = item.author;
      s.origin = item.link.empty() ? origin : item.link;
      try {
        fill_body(src, item, s);
      } catch (const Error& e) {
        warn(log, src.name, e.what());
        continue;
      }
      if (add(std::move(s))) ++taken;
    }
  }
};

}  // namespace

std::vector<SourceStory> collect_stories(const FeedConfig& config, SourceState& state,
                                         std::ostream& log, const CollectOptions& options) {
  Collector c{config, state, log, options, {}, {}};
  std::set<std::string> configured_urls;
  for (const SourceConfig& src : config.sources) {
    if (!src.url.empty()) configured_urls.insert(src.url);
    try {
      switch (src.type) {
        case SourceType::file:
          c.collect_file(src);
          break;
        case SourceType::folder:
          c.collect_folder(src);
          break;
        case SourceType::feed:
          c.collect_feed(src);
          break;
      }
    } catch (const Error& e) {
      warn(log, src.name, e.what());
    }
  }
  std::erase_if(state.feeds, [&](auto& entry) { return !configured_urls.count(entry.first); });
  return std::move(c.stories);
}

}  // namespace briefcast
