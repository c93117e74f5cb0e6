#include "briefing/sources.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <set>
#include <sstream>
#include <thread>

#include "base/error.hpp"
#include "base/file_read.hpp"
#include "base/interrupt.hpp"
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

// Runs `step` (one source or one story); any failure inside it, not only an Error, is reported as
// a warning and skips just that step. Interruption and running out of memory still end the build.
template <class Step>
void skip_on_failure(std::ostream& log, const std::string& source, Step&& step) {
  throw_if_interrupted();
  try {
    step();
  } catch (const Error& e) {
    if (e.code() == ExitCode::interrupted) throw;
    warn(log, source, e.what());
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    warn(log, source, std::string("internal error: ") + e.what());
  }
}

// Runs fn(i) for i in [0, count) on up to `workers` threads (this one included); fn must not
// throw.
template <class F>
void for_each_parallel(std::size_t count, std::size_t workers, F&& fn) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next++) < count;) fn(i);
  };
  workers = std::min(std::max<std::size_t>(workers, 1), count);
  std::vector<std::thread> threads;
  try {
    for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work);
  } catch (...) {  // no more threads: the ones there are (and this one) do the rest
  }
  work();
  for (auto& t : threads) t.join();
}

using SteadyClock = std::chrono::steady_clock;

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
      if (s.body_kind == "markdown") {
        const std::size_t text = line.find_first_not_of('#');
        line = text == std::string::npos ? std::string() : std::string(trim(line.substr(text)));
        if (line.empty()) continue;  // a heading mark alone ("###") is no headline
      }
      s.title = line;
      break;
    }
  }
  return s;
}

// One source's feed document, fetched before the sources are read in order.
struct FeedFetch {
  std::optional<FetchResult> result;
  std::exception_ptr error;
  SteadyClock::duration spent{};  // of the source's budget
};

struct Collector {
  const FeedConfig& config;
  SourceState& state;
  std::ostream& log;
  const CollectOptions& options;
  std::vector<SourceStory> stories;
  std::set<std::string> seen;  // dedupe keys
  std::chrono::sys_seconds now =
      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  SteadyClock::time_point build_deadline =
      SteadyClock::now() + std::chrono::seconds(config.fetch_budget_seconds);

  // Adds a story unless its URL was already collected; returns whether it was added.
  bool add(SourceStory s) {
    s.title = xml_safe_text(s.title);  // it reaches the feed, the tags and the transcripts
    s.author = xml_safe_text(s.author);
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
      skip_on_failure(log, src.name, [&] {
        if (add(story_from_file(f, src.name))) ++taken;
      });
    }
  }

  // Fetches a feed URL with the remembered validators, before `deadline`. Reads `state` only,
  // so the feeds of several sources may be fetched at the same time.
  FetchResult fetch_feed(const SourceConfig& src, SteadyClock::time_point deadline) const {
    FetchOptions fo = fetch_options(
        src, src.url, deadline,
        "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
        "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
    auto cached = state.feeds.find(src.url);
    if (cached != state.feeds.end() && !cached->second.body.empty()) {
      fo.etag = cached->second.etag;
      fo.last_modified = cached->second.last_modified;
    }
    return fetch_url(src.url, fo);
  }

  // What a feed fetch means for `state`; returns the body (the remembered one after a 304) and
  // its base URL.
  std::pair<std::string, std::string> take_feed(const SourceConfig& src, FetchResult r) {
    const std::string& url = src.url;
    auto cached = state.feeds.find(url);
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

  // Whether an item's body is its linked page (fetched) rather than what the feed carries.
  bool needs_page(const SourceConfig& src, const FeedItem& item) const {
    return trim(item.content_html).empty() && src.fetch_articles && is_http_url(item.link) &&
           utf8_length(html_to_plain_text(item.summary_html)) < options.full_text_min_chars;
  }

  // The options of one fetch for `src`: its address policy, and timeouts cut to what is left
  // before `deadline` (the source's budget, within the build's). Throws Error(network) naming
  // the budget when nothing is left.
  FetchOptions fetch_options(const SourceConfig& src, const std::string& url,
                             SteadyClock::time_point deadline, const char* accept) const {
    FetchOptions fo = options.fetch;
    fo.allow_private = src.allow_private;
    fo.accept = accept;
    const auto at = SteadyClock::now();
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - at);
    if (left.count() <= 0)
      throw Error(ExitCode::network,
                  "'" + url + "': not fetched: " +
                      (build_deadline <= at
                           ? "the build's fetch budget is spent (limits.fetch_budget_seconds: " +
                                 std::to_string(config.fetch_budget_seconds) + ")"
                           : "the source's fetch budget is spent (fetch_budget_seconds: " +
                                 std::to_string(src.fetch_budget_seconds) + ")"));
    fo.timeout = std::min(fo.timeout, left);
    fo.connect_timeout = std::min(fo.connect_timeout, left);
    return fo;
  }

  // The body of one feed item: its content, its summary, or its page (`page`, fetched by
  // fetch_pages when needs_page). Throws Error when the item cannot be used.
  void fill_body(const FeedItem& item, SourceStory& s, FetchResult* page) {
    s.charset = "utf-8";
    s.body_kind = "html";
    if (!trim(item.content_html).empty()) {
      s.body = item.content_html;
      return;
    }
    if (!page) {
      if (html_to_plain_text(item.summary_html).empty())
        throw Error(ExitCode::feed,
                    "item '" + (item.title.empty() ? item.guid : item.title) + "' has no text");
      s.body = item.summary_html;
      return;
    }
    const std::string& mime = page->mime_type;
    if (mime == "text/plain") {
      s.body_kind = "text";
    } else if (!mime.empty() && mime != "text/html" && mime != "application/xhtml+xml") {
      throw Error(ExitCode::feed, "'" + item.link + "': not an HTML page (Content-Type " +
                                      page->content_type + ")");
    }
    s.body = std::move(page->body);
    s.charset = page->charset;
    s.origin = page->final_url;
  }

  // Fetches the pages of `items` at most config.parallel_fetches at a time, before
  // `deadline`; each result or the exception its fetch threw, in the order of `items`.
  struct PageResult {
    std::optional<FetchResult> page;
    std::exception_ptr error;
  };
  std::vector<PageResult> fetch_pages(const SourceConfig& src,
                                      const std::vector<const FeedItem*>& items,
                                      SteadyClock::time_point deadline) {
    std::vector<PageResult> out(items.size());
    for_each_parallel(
        items.size(), static_cast<std::size_t>(config.parallel_fetches), [&](std::size_t i) {
          try {
            const FeedItem& item = *items[i];
            if (!needs_page(src, item)) return;
            out[i].page = fetch_url(
                item.link,
                fetch_options(src, item.link, deadline,
                              "text/html, application/xhtml+xml, text/plain;q=0.8, */*;q=0.5"));
          } catch (...) {
            out[i].error = std::current_exception();
          }
        });
    return out;
  }

  // `fetched`: the feed document fetched beforehand (or the exception its fetch threw), for a
  // source with a URL; its pages are fetched before `deadline`.
  void collect_feed(const SourceConfig& src, FeedFetch* fetched, SteadyClock::time_point deadline) {
    std::string bytes, base, origin;
    if (!src.url.empty()) {
      if (fetched->error) std::rethrow_exception(fetched->error);
      std::tie(bytes, base) = take_feed(src, std::move(*fetched->result));
      origin = src.url;
    } else {
      bytes = read_file_bytes(src.path);
      origin = src.path.string();
    }
    SyndicationFeed feed = parse_syndication(bytes, origin, base);
    int taken = 0;
    std::size_t at = 0;
    // In rounds: as many items as stories are still wanted, their pages fetched in parallel,
    // then taken in document order; items that fail leave room for the next round.
    while (taken < src.max_items && at < feed.items.size()) {
      throw_if_interrupted();
      std::vector<const FeedItem*> round;
      std::set<std::string> round_keys;
      for (; at < feed.items.size() && static_cast<int>(round.size()) < src.max_items - taken;
           ++at) {
        const FeedItem& item = feed.items[at];
        if (!item.link.empty()) {
          const std::string key = normalize_url_for_dedupe(item.link);
          if (seen.count(key) || !round_keys.insert(key).second) continue;
        }
        round.push_back(&item);
      }
      std::vector<PageResult> pages = fetch_pages(src, round, deadline);
      for (std::size_t i = 0; i < round.size(); ++i) {
        const FeedItem& item = *round[i];
        SourceStory s;
        s.title = item.title;
        s.url = item.link;
        s.guid = item.guid;
        s.source_name = src.name;
        s.published = item.published;
        s.author = item.author;
        s.origin = item.link.empty() ? origin : item.link;
        skip_on_failure(log, src.name, [&] {
          if (pages[i].error) std::rethrow_exception(pages[i].error);
          fill_body(item, s, pages[i].page ? &*pages[i].page : nullptr);
          if (add(std::move(s))) ++taken;
        });
      }
    }
  }
};

}  // namespace

std::vector<SourceStory> collect_stories(const FeedConfig& config, SourceState& state,
                                         std::ostream& log, const CollectOptions& options) {
  Collector c{config, state, log, options, {}, {}};
  const std::size_t n = config.sources.size();
  auto budget = [&](const SourceConfig& src) {
    return std::chrono::duration_cast<SteadyClock::duration>(
        std::chrono::seconds(src.fetch_budget_seconds));
  };
  // First the feed documents of all sources with a URL, config.parallel_fetches at a time, each
  // within its source's budget: a slow feed holds up only itself.
  std::vector<FeedFetch> feeds(n);
  std::vector<std::size_t> remote;
  for (std::size_t i = 0; i < n; ++i)
    if (config.sources[i].type == SourceType::feed && !config.sources[i].url.empty())
      remote.push_back(i);
  for_each_parallel(
      remote.size(), static_cast<std::size_t>(config.parallel_fetches), [&](std::size_t k) {
        const SourceConfig& src = config.sources[remote[k]];
        FeedFetch& f = feeds[remote[k]];
        const auto start = SteadyClock::now();
        try {
          throw_if_interrupted();
          f.result = c.fetch_feed(src, std::min(c.build_deadline, start + budget(src)));
        } catch (...) {
          f.error = std::current_exception();
        }
        f.spent = SteadyClock::now() - start;
      });

  // Then each source in order; a source's pages get what its feed left of its budget.
  std::set<std::string> configured_urls;
  for (std::size_t i = 0; i < n; ++i) {
    const SourceConfig& src = config.sources[i];
    if (!src.url.empty()) configured_urls.insert(src.url);
    const auto deadline =
        std::min(c.build_deadline, SteadyClock::now() + budget(src) - feeds[i].spent);
    skip_on_failure(log, src.name, [&] {
      switch (src.type) {
        case SourceType::file:
          c.collect_file(src);
          break;
        case SourceType::folder:
          c.collect_folder(src);
          break;
        case SourceType::feed:
          c.collect_feed(src, &feeds[i], deadline);
          break;
      }
    });
  }
  std::erase_if(state.feeds, [&](auto& entry) { return !configured_urls.count(entry.first); });
  return std::move(c.stories);
}

}  // namespace briefcast
