#include "extract/class_hints.hpp"

#include <algorithm>

#include "base/strings.hpp"
#include "extract/html_text.hpp"

namespace briefcast {
namespace {

template <std::size_t N>
bool has_any(std::string_view lowered, const std::string_view (&words)[N]) {
  for (std::string_view w : words)
    if (lowered.find(w) != std::string_view::npos) return true;
  return false;
}

// Likely boilerplate containers, removed before scoring unless kMaybe also matches.
constexpr std::string_view kUnlikely[] = {
    "-ad-",       "ai2html", "banner",     "breadcrumbs", "combx",     "comment",  "community",
    "cover-wrap", "disqus",  "extra",      "footer",      "gdpr",      "header",   "legends",
    "menu",       "related", "remark",     "replies",     "rss",       "shoutbox", "sidebar",
    "skyscraper", "social",  "sponsor",    "supplement",  "ad-break",  "agegate",  "pagination",
    "pager",      "popup",   "yom-remote", "newsletter",  "subscribe", "promo",    "outbrain",
    "taboola",    "recirc",  "trending",   "popular",     "signup",    "cookie",   "consent",
    "modal",      "toolbar", "share",      "sharing"};
constexpr std::string_view kMaybe[] = {"and",  "article", "body",  "column", "content",
                                       "main", "shadow",  "story", "entry",  "post"};
constexpr std::string_view kPositive[] = {"article", "body",    "content", "entry",
                                          "hentry",  "h-entry", "main",    "page",
                                          "post",    "text",    "blog",    "story"};
constexpr std::string_view kNegative[] = {
    "-ad-",   "hidden",     "banner",    "combx",      "comment",   "com-",     "contact", "foot",
    "gdpr",   "masthead",   "media",     "meta",       "outbrain",  "promo",    "related", "scroll",
    "share",  "shoutbox",   "sidebar",   "skyscraper", "sponsor",   "shopping", "tags",    "tool",
    "widget", "newsletter", "subscribe", "signup",     "recommend", "caption",  "credit",  "byline",
    "author", "dateline",   "timestamp", "breadcrumb", "popular",   "trending", "teaser"};
constexpr std::string_view kShare[] = {
    "share",    "sharedaddy", "social",    "newsletter", "subscribe",    "signup",
    "related",  "recommend",  "read-more", "readmore",   "more-stories", "promo",
    "advert",   "sponsor",    "outbrain",  "taboola",    "byline",       "author",
    "dateline", "timestamp",  "caption",   "credit",     "tags",         "breadcrumb"};

}  // namespace

bool one_of(std::string_view s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool is_heading_tag(std::string_view t) {
  return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
}

bool is_block_tag(std::string_view t) {
  return one_of(t, {"p",       "div",      "section", "article", "main",       "li",      "ul",
                    "ol",      "dl",       "dt",      "dd",      "blockquote", "pre",     "table",
                    "tr",      "td",       "th",      "tbody",   "thead",      "tfoot",   "h1",
                    "h2",      "h3",       "h4",      "h5",      "h6",         "header",  "footer",
                    "figure",  "address",  "center",  "hr",      "body",       "caption", "details",
                    "summary", "fieldset", "nav",     "aside",   "form",       "html"});
}

std::string class_and_id(const MarkupNode& n) {
  std::string s(n.attr_or_empty("class"));
  s += ' ';
  s += n.attr_or_empty("id");
  return lower_ascii(s);
}

bool is_unlikely_hint(std::string_view ci) {
  return has_any(ci, kUnlikely) && !has_any(ci, kMaybe);
}

bool is_share_hint(std::string_view ci) { return has_any(ci, kShare) && !has_any(ci, kMaybe); }

int class_weight(const MarkupNode& n) {
  int w = 0;
  for (const char* a : {"class", "id"}) {
    const std::string_view v = n.attr_or_empty(a);
    if (v.empty()) continue;
    const std::string s = lower_ascii(v);
    if (has_any(s, kNegative) || s == "hid" || s.rfind("hid ", 0) == 0) w -= 25;
    if (has_any(s, kPositive)) w += 25;
  }
  if (n.attr_or_empty("itemprop").find("articleBody") != std::string_view::npos) w += 50;
  return w;
}

}  // namespace briefcast
