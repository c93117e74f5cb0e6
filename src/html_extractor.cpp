#include "html_extractor.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <unordered_set>
#include <vector>

#include "c_deleter.hpp"
#include "error.hpp"
#include "text_encoding.hpp"

namespace briefcast {
namespace {

using DocPtr = std::unique_ptr<xmlDoc, CDeleter<xmlFreeDoc>>;

// ---------------------------------------------------------------------------------------------
// Small helpers over libxml2 nodes. Every walk is iterative: pages nest thousands deep.

bool is_element(const xmlNode* n) { return n && n->type == XML_ELEMENT_NODE; }

std::string_view tag_of(const xmlNode* n) {
  return is_element(n) ? std::string_view(reinterpret_cast<const char*>(n->name))
                       : std::string_view();
}

std::string_view attr(const xmlNode* n, const char* name) {
  if (!is_element(n)) return {};
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (a->name && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) {
      if (a->children && a->children->content)
        return reinterpret_cast<const char*>(a->children->content);
      return {};
    }
  }
  return {};
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Appends `text` to `out` with whitespace runs (and no-break spaces) folded to one space.
// `pending` carries a space seen at the end of the previous piece.
void append_folded(std::string& out, std::string_view text, bool& pending) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_space(c) || (c == 0xC2 && i + 1 < text.size() &&
                        static_cast<unsigned char>(text[i + 1]) == 0xA0)) {
      if (c == 0xC2) ++i;
      pending = true;
      continue;
    }
    if (pending && !out.empty()) out += ' ';
    pending = false;
    out += static_cast<char>(c);
  }
}

std::string folded(std::string_view text) {
  std::string out;
  bool pending = false;
  append_folded(out, text, pending);
  return out;
}

// Pre-order walk from `root` calling enter(node) -> descend?, and leave(node) after the children
// (also for nodes not descended into). Uses the tree's own links, so no stack at all.
template <class Enter, class Leave>
void traverse(xmlNode* root, Enter&& enter, Leave&& leave) {
  xmlNode* n = root;
  while (n) {
    if (enter(n) && n->children) {
      n = n->children;
      continue;
    }
    for (;;) {
      leave(n);
      if (n == root) return;
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
    }
  }
}

std::string text_content(xmlNode* root) {
  std::string out;
  bool pending = false;
  traverse(
      root,
      [&](xmlNode* n) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
          if (n->content) append_folded(out, reinterpret_cast<const char*>(n->content), pending);
        }
        return n->type == XML_ELEMENT_NODE;
      },
      [](xmlNode*) {});
  return out;
}

std::size_t count_chars(std::string_view s) {  // code points
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool one_of(std::string_view s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool is_heading_tag(std::string_view t) {
  return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
}

// Elements that start a new block of text.
bool is_block_tag(std::string_view t) {
  return one_of(t, {"p",       "div",   "section", "article", "main",   "li",     "ul",
                    "ol",      "dl",    "dt",      "dd",      "blockquote", "pre", "table",
                    "tr",      "td",    "th",      "tbody",   "thead",  "tfoot",  "h1",
                    "h2",      "h3",    "h4",      "h5",      "h6",     "header", "footer",
                    "figure",  "address", "center", "hr",     "body",   "caption", "details",
                    "summary", "fieldset", "nav",   "aside",   "form",   "html"}) ;
}

// ---------------------------------------------------------------------------------------------
// Class / id hints (the vocabulary readability and trafilatura share).

template <std::size_t N>
bool has_any(std::string_view lowered, const std::string_view (&words)[N]) {
  for (std::string_view w : words)
    if (lowered.find(w) != std::string_view::npos) return true;
  return false;
}

// Likely boilerplate containers, removed before scoring unless kMaybe also matches.
constexpr std::string_view kUnlikely[] = {
    "-ad-",       "ai2html",     "banner",    "breadcrumbs", "combx",       "comment",
    "community",  "cover-wrap",  "disqus",    "extra",       "footer",      "gdpr",
    "header",     "legends",     "menu",      "related",     "remark",      "replies",
    "rss",        "shoutbox",    "sidebar",   "skyscraper",  "social",      "sponsor",
    "supplement", "ad-break",    "agegate",   "pagination",  "pager",       "popup",
    "yom-remote", "newsletter",  "subscribe", "promo",       "outbrain",    "taboola",
    "recirc",     "trending",    "popular",   "signup",      "cookie",
    "consent",    "modal",       "toolbar",   "share",       "sharing"};
constexpr std::string_view kMaybe[] = {"and", "article", "body", "column", "content", "main",
                          "shadow", "story", "entry", "post"};
constexpr std::string_view kPositive[] = {"article", "body", "content", "entry", "hentry", "h-entry",
                             "main",    "page", "post",    "text",  "blog",   "story"};
constexpr std::string_view kNegative[] = {
    "-ad-",      "hidden",     "banner",  "combx",     "comment",   "com-",      "contact",
    "foot",      "gdpr",       "masthead", "media",    "meta",      "outbrain",  "promo",
    "related",   "scroll",     "share",   "shoutbox",  "sidebar",   "skyscraper", "sponsor",
    "shopping",  "tags",       "tool",    "widget",    "newsletter", "subscribe", "signup",
    "recommend", "caption",    "credit",  "byline",    "author",    "dateline",  "timestamp",
    "breadcrumb", "popular",   "trending", "teaser"};
// Small boilerplate inside the article (share bars, bylines, "related" boxes).
constexpr std::string_view kShare[] = {"share",      "sharedaddy", "social",   "newsletter", "subscribe",
                          "signup",     "related",    "recommend", "read-more", "readmore",
                          "more-stories", "promo",    "advert",   "sponsor",    "outbrain",
                          "taboola",    "byline",     "author",   "dateline",   "timestamp",
                          "caption",    "credit",     "tags",     "breadcrumb"};

std::string class_and_id(const xmlNode* n) {
  std::string s(attr(n, "class"));
  s += ' ';
  s += attr(n, "id");
  return lower(s);
}

int class_weight(const xmlNode* n) {
  int w = 0;
  for (const char* a : {"class", "id"}) {
    const std::string_view v = attr(n, a);
    if (v.empty()) continue;
    const std::string s = lower(v);
    if (has_any(s, kNegative) || s == "hid" || s.rfind("hid ", 0) == 0) w -= 25;
    if (has_any(s, kPositive)) w += 25;
  }
  if (attr(n, "itemprop").find("articleBody") != std::string_view::npos) w += 50;
  return w;
}

// ---------------------------------------------------------------------------------------------
// Metadata

struct Meta {
  std::string og_title, tw_title, doc_title, h1, ld_headline;
  std::string author, ld_author, byline;
  std::string date, ld_date;
  std::string lang, og_locale, content_language, ld_lang;
  std::string canonical, og_url, ld_url;
  std::string site_name, ld_site;
  int h1_count = 0;
};

bool is_url(std::string_view s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
}

std::string json_name(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.contains("name") && v["name"].is_string())
    return v["name"].get<std::string>();
  if (v.is_array()) {
    std::string out;
    for (const auto& e : v) {
      std::string n = json_name(e);
      if (n.empty() || out.find(n) != std::string::npos) continue;
      if (!out.empty()) out += ", ";
      out += n;
    }
    return out;
  }
  return {};
}

std::string json_str(const nlohmann::json& o, const char* key) {
  if (!o.contains(key)) return {};
  const auto& v = o[key];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.contains("@id") && v["@id"].is_string()) return v["@id"].get<std::string>();
  return {};
}

bool is_article_type(const nlohmann::json& t) {
  auto one = [](const std::string& s) {
    return s.find("Article") != std::string::npos || s == "BlogPosting" ||
           s == "ReportageNews" || s == "Report" || s == "LiveBlogPosting";
  };
  if (t.is_string()) return one(t.get<std::string>());
  if (t.is_array())
    for (const auto& e : t)
      if (e.is_string() && one(e.get<std::string>())) return true;
  return false;
}

void read_json_ld(const nlohmann::json& j, Meta& m, int depth) {
  if (depth > 16) return;  // JSON-LD is shallow; a cap keeps hostile input from recursing far
  if (j.is_array()) {
    for (const auto& e : j) read_json_ld(e, m, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  if (j.contains("@graph")) read_json_ld(j["@graph"], m, depth + 1);
  const nlohmann::json type = j.contains("@type") ? j["@type"] : nlohmann::json();
  if (is_article_type(type)) {
    if (m.ld_headline.empty()) m.ld_headline = json_str(j, "headline");
    if (m.ld_author.empty() && j.contains("author")) m.ld_author = json_name(j["author"]);
    if (m.ld_date.empty()) m.ld_date = json_str(j, "datePublished");
    if (m.ld_site.empty() && j.contains("publisher")) m.ld_site = json_name(j["publisher"]);
    if (m.ld_lang.empty()) m.ld_lang = json_str(j, "inLanguage");
    if (m.ld_url.empty()) m.ld_url = json_str(j, "url");
    if (m.ld_url.empty()) m.ld_url = json_str(j, "mainEntityOfPage");
  } else if (type.is_string() && type.get<std::string>() == "WebSite") {
    if (m.ld_site.empty()) m.ld_site = json_str(j, "name");
  }
}

void read_meta(xmlNode* root, Meta& m) {
  traverse(
      root,
      [&](xmlNode* n) {
        if (!is_element(n)) return false;
        const std::string_view t = tag_of(n);
        if (t == "html") {
          m.lang = attr(n, "lang");
          if (m.lang.empty()) m.lang = attr(n, "xml:lang");
        } else if (t == "title") {
          if (m.doc_title.empty()) m.doc_title = text_content(n);
          return false;
        } else if (t == "h1") {
          ++m.h1_count;
          if (m.h1.empty()) m.h1 = text_content(n);
          return false;
        } else if (t == "meta") {
          const std::string key =
              lower(!attr(n, "property").empty() ? attr(n, "property")
                                                 : !attr(n, "name").empty() ? attr(n, "name")
                                                                            : attr(n, "itemprop"));
          const std::string http = lower(attr(n, "http-equiv"));
          const std::string value = folded(attr(n, "content"));
          if (value.empty()) return false;
          auto set = [&](std::string& field) {
            if (field.empty()) field = value;
          };
          if (key == "og:title") set(m.og_title);
          else if (key == "twitter:title") set(m.tw_title);
          else if (key == "og:site_name" || key == "application-name") set(m.site_name);
          else if (key == "og:url") set(m.og_url);
          else if (key == "og:locale") set(m.og_locale);
          else if (http == "content-language") set(m.content_language);
          else if ((key == "author" || key == "article:author" || key == "parsely-author" ||
                    key == "sailthru.author" || key == "dc.creator" || key == "byl") &&
                   !is_url(value))
            set(m.author);
          else if (key == "article:published_time" || key == "datepublished" ||
                   key == "parsely-pub-date" || key == "sailthru.date" || key == "pubdate" ||
                   key == "publishdate" || key == "date" || key == "dc.date" ||
                   key == "dc.date.issued" || key == "dcterms.date" || key == "og:published_time")
            set(m.date);
          return false;
        } else if (t == "link") {
          if (lower(attr(n, "rel")) == "canonical" && m.canonical.empty())
            m.canonical = folded(attr(n, "href"));
          return false;
        } else if (t == "script") {
          if (lower(attr(n, "type")) == "application/ld+json") {
            const std::string json = text_content(n);
            // allow_exceptions=false: broken JSON-LD yields a discarded value, not a throw
            const auto j = nlohmann::json::parse(json, nullptr, false);
            if (!j.is_discarded()) read_json_ld(j, m, 0);
          }
          return false;
        } else if (t == "time" && m.date.empty() &&
                   attr(n, "itemprop").find("datePublished") != std::string_view::npos) {
          m.date = attr(n, "datetime");
        } else if (m.byline.empty() && (attr(n, "rel") == "author" ||
                                        attr(n, "itemprop") == "author")) {
          std::string b = text_content(n);
          if (!b.empty() && b.size() < 100) m.byline = b;
        }
        return true;
      },
      [](xmlNode*) {});
}

const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                               "jul", "aug", "sep", "oct", "nov", "dec"};

// "2019-11-18T10:00:00Z" stays; "2019/11/18", "November 18, 2019", "18 Nov 2019" -> "2019-11-18".
std::string iso_date(const std::string& raw) {
  static const std::regex iso(R"(^\d{4}-\d{2}-\d{2})");
  if (std::regex_search(raw, iso)) return raw;
  std::smatch m;
  static const std::regex ymd(R"((\d{4})[/.](\d{1,2})[/.](\d{1,2}))");
  static const std::regex mdy(R"(([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))");
  static const std::regex dmy(R"((\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4}))");
  static const std::regex compact(R"(^(\d{4})(\d{2})(\d{2})$)");
  int y = 0, mo = 0, d = 0;
  auto month = [](const std::string& s) {
    const std::string l = lower(s);
    for (int i = 0; i < 12; ++i)
      if (l == kMonths[i]) return i + 1;
    return 0;
  };
  if (std::regex_search(raw, m, ymd) || std::regex_search(raw, m, compact)) {
    y = std::stoi(m[1]);
    mo = std::stoi(m[2]);
    d = std::stoi(m[3]);
  } else if (std::regex_search(raw, m, mdy)) {
    mo = month(m[1]);
    d = std::stoi(m[2]);
    y = std::stoi(m[3]);
  } else if (std::regex_search(raw, m, dmy)) {
    d = std::stoi(m[1]);
    mo = month(m[2]);
    y = std::stoi(m[3]);
  }
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > 31) return raw;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
  return buf;
}

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool sp = c == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// Drops " | Site", " - Site" (and "Site | " in front) from a title.
std::string strip_site_suffix(std::string title, const std::string& site_name) {
  static const std::array<std::string_view, 7> seps = {" | ", " - ", " – ", " — ", " :: ",
                                                       " · ", " « "};
  const std::string site = lower(site_name);
  for (int round = 0; round < 2; ++round) {
    std::size_t best = std::string::npos, best_len = 0;
    for (auto sep : seps) {
      const std::size_t at = title.rfind(sep);
      if (at != std::string::npos && (best == std::string::npos || at > best)) {
        best = at;
        best_len = sep.size();
      }
    }
    if (best == std::string::npos) break;
    const std::string head = title.substr(0, best), tail = title.substr(best + best_len);
    const std::string ltail = lower(tail);
    const bool tail_is_site =
        !site.empty() && (ltail == site || ltail.find(site) != std::string::npos ||
                          site.find(ltail) != std::string::npos);
    if (tail_is_site || (word_count(tail) <= 4 && word_count(head) >= 3)) {
      title = head;
      continue;
    }
    // "Site | Title"
    const std::size_t first = title.find(std::string(seps[0]));
    if (!site.empty() && first != std::string::npos && lower(title.substr(0, first)) == site)
      title = title.substr(first + seps[0].size());
    break;
  }
  return title;
}

// ---------------------------------------------------------------------------------------------
// Main-content extraction

struct Stats {
  std::size_t text = 0;    // characters of folded text
  std::size_t link = 0;    // ... of it inside <a>
  std::size_t commas = 0;
  std::size_t p = 0, img = 0, li = 0, input = 0, embed = 0;
  double score = 0;
  bool candidate = false;
};

class Extractor {
 public:
  Extractor(xmlNode* body, bool strip_unlikely) : body_(body), strip_unlikely_(strip_unlikely) {}

  // The containers holding the article, in document order (empty when none scored).
  std::vector<xmlNode*> run() {
    prune();
    compute_stats();
    score_paragraphs();
    xmlNode* top = pick_top();
    if (!top) return {};
    return with_siblings(top);
  }

  Stats& st(const xmlNode* n) {
    thread_local Stats none;  // nodes made after compute_stats(); never kept
    if (!n || !n->_private) return none = Stats{};
    return stats_[reinterpret_cast<std::size_t>(n->_private) - 1];
  }
  double link_density(const xmlNode* n) {
    const Stats& s = st(n);
    return s.text ? static_cast<double>(s.link) / static_cast<double>(s.text) : 0.0;
  }

 private:
  bool hidden(const xmlNode* n) {
    if (xmlHasProp(n, BAD_CAST "hidden")) return true;
    const std::string style = lower(attr(n, "style"));
    if (style.find("display:none") != std::string::npos ||
        style.find("display: none") != std::string::npos ||
        style.find("visibility:hidden") != std::string::npos)
      return true;
    return attr(n, "aria-hidden") == "true" && tag_of(n) != "span";
  }

  bool removable(xmlNode* n) {
    if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE) return true;
    if (!is_element(n)) return false;
    const std::string_view t = tag_of(n);
    if (one_of(t, {"script", "style", "noscript", "template", "nav", "footer", "aside", "form",
                   "iframe", "svg", "canvas", "button", "input", "select", "textarea", "object",
                   "embed", "video", "audio", "figcaption", "link", "meta", "dialog", "menu",
                   "label", "picture", "source", "map"}))
      return true;
    if (hidden(n)) return true;
    const std::string role = lower(attr(n, "role"));
    if (one_of(role, {"navigation", "menu", "menubar", "complementary", "dialog", "alertdialog",
                      "banner", "contentinfo", "search"}))
      return true;
    if (t == "body" || t == "html" || t == "article" || t == "main" || t == "a") return false;
    if (attr(n, "itemprop").find("articleBody") != std::string_view::npos) return false;
    if (t == "header") return true;
    if (!strip_unlikely_) return false;
    const std::string ci = class_and_id(n);
    if (ci.size() <= 1) return false;
    return has_any(ci, kUnlikely) && !has_any(ci, kMaybe);
  }

  void prune() {
    std::vector<xmlNode*> doomed;
    traverse(
        body_,
        [&](xmlNode* n) {
          if (n != body_ && removable(n)) {
            doomed.push_back(n);
            return false;
          }
          return is_element(n);
        },
        [](xmlNode*) {});
    for (xmlNode* n : doomed) {
      xmlUnlinkNode(n);
      xmlFreeNode(n);
    }
  }

  void compute_stats() {
    stats_.clear();
    traverse(
        body_,
        [&](xmlNode* n) {
          if (is_element(n)) {
            stats_.emplace_back();
            n->_private = reinterpret_cast<void*>(stats_.size());
            return true;
          }
          if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content &&
              n->parent) {
            Stats& s = st(n->parent);
            const std::string_view text(reinterpret_cast<const char*>(n->content));
            bool any = false;
            for (char c : text) {
              if (!is_space(static_cast<unsigned char>(c))) {
                any = true;
                break;
              }
            }
            if (!any) return false;
            const std::string f = folded(text);
            s.text += count_chars(f) + 1;
            s.commas += static_cast<std::size_t>(std::count(f.begin(), f.end(), ','));
            for (std::size_t at = f.find("\xEF\xBC\x8C"); at != std::string::npos;
                 at = f.find("\xEF\xBC\x8C", at + 3))
              ++s.commas;
          }
          return false;
        },
        [&](xmlNode* n) {
          if (!is_element(n) || n == body_) return;
          Stats& s = st(n);
          const std::string_view t = tag_of(n);
          if (t == "a") s.link = s.text;
          if (t == "p") ++s.p;
          if (t == "img") ++s.img;
          if (t == "li") ++s.li;
          if (t == "input") ++s.input;
          if (t == "embed" || t == "object" || t == "iframe") ++s.embed;
          Stats& ps = st(n->parent);
          ps.text += s.text;
          ps.link += s.link;
          ps.commas += s.commas;
          ps.p += s.p;
          ps.img += s.img;
          ps.li += s.li;
          ps.input += s.input;
          ps.embed += s.embed;
        });
  }

  bool has_block_child(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next)
      if (is_element(c) && one_of(tag_of(c), {"p", "div", "section", "article", "table", "ul",
                                              "ol", "blockquote", "pre", "h1", "h2", "h3", "h4",
                                              "h5", "h6", "dl"}))
        return true;
    return false;
  }

  void init_candidate(xmlNode* n) {
    Stats& s = st(n);
    if (s.candidate) return;
    s.candidate = true;
    const std::string_view t = tag_of(n);
    double base = 0;
    if (t == "div" || t == "article" || t == "main" || t == "section") base = 5;
    else if (t == "pre" || t == "td" || t == "blockquote") base = 3;
    else if (one_of(t, {"address", "ol", "ul", "dl", "dd", "dt", "li", "form"})) base = -3;
    else if (is_heading_tag(t) || t == "th") base = -5;
    if (t == "article") base += 10;
    if (t == "main") base += 5;
    s.score = base + class_weight(n);
    candidates_.push_back(n);
  }

  void score_paragraphs() {
    std::vector<xmlNode*> paragraphs;
    traverse(
        body_,
        [&](xmlNode* n) {
          if (!is_element(n)) return false;
          const std::string_view t = tag_of(n);
          if (t == "p" || t == "pre" || t == "td" ||
              ((t == "div" || t == "section" || t == "span" || t == "font") &&
               !has_block_child(n) && t != "span") ) {
            paragraphs.push_back(n);
            return t == "td" || t == "div" || t == "section";
          }
          return true;
        },
        [](xmlNode*) {});
    for (xmlNode* p : paragraphs) {
      const Stats& ps = st(p);
      if (ps.text < 25 || !p->parent || !is_element(p->parent)) continue;
      const double score = 1.0 + static_cast<double>(ps.commas) +
                           static_cast<double>(std::min<std::size_t>(ps.text / 100, 3));
      xmlNode* a = p->parent;
      for (int level = 0; a && is_element(a) && level < 5; ++level, a = a->parent) {
        if (a == body_->parent) break;
        init_candidate(a);
        const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
        st(a).score += score / divider;
      }
    }
    for (xmlNode* c : candidates_) st(c).score *= 1.0 - link_density(c);
  }

  xmlNode* pick_top() {
    if (candidates_.empty()) return nullptr;
    std::vector<xmlNode*> sorted = candidates_;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](xmlNode* a, xmlNode* b) { return st(a).score > st(b).score; });
    xmlNode* top = sorted.front();
    const double top_score = st(top).score;
    if (top_score <= 0) return nullptr;
    // Several good candidates under one ancestor: the ancestor is the article (split bodies).
    std::vector<xmlNode*> alternatives;
    for (std::size_t i = 1; i < sorted.size() && i < 5; ++i)
      if (st(sorted[i]).score / top_score >= 0.75) alternatives.push_back(sorted[i]);
    if (alternatives.size() >= 3) {
      for (xmlNode* a = top->parent; a && a != body_ && is_element(a); a = a->parent) {
        int contained = 0;
        for (xmlNode* alt : alternatives) {
          for (xmlNode* x = alt; x; x = x->parent)
            if (x == a) {
              ++contained;
              break;
            }
        }
        if (contained >= 3) {
          top = a;
          break;
        }
      }
    }
    init_candidate(top);
    // Climb while the parent keeps a comparable score.
    double last = st(top).score;
    const double threshold = last / 3;
    for (xmlNode* parent = top->parent; parent && parent != body_ && is_element(parent);
         parent = parent->parent) {
      if (!st(parent).candidate) continue;
      const double ps = st(parent).score;
      if (ps < threshold) break;
      if (ps > last) {
        top = parent;
        break;
      }
      last = ps;
    }
    // A lone child is its parent's whole content.
    while (top->parent && top->parent != body_ && is_element(top->parent)) {
      int elements = 0;
      for (xmlNode* c = top->parent->children; c; c = c->next) elements += is_element(c);
      if (elements != 1) break;
      top = top->parent;
    }
    return top;
  }

  std::vector<xmlNode*> with_siblings(xmlNode* top) {
    if (!top->parent || top == body_) return {top};
    const double top_score = st(top).score;
    const double threshold = std::max(10.0, top_score * 0.2);
    const std::string top_class(attr(top, "class"));
    std::vector<xmlNode*> out;
    for (xmlNode* s = top->parent->children; s; s = s->next) {
      if (!is_element(s)) continue;
      if (s == top) {
        out.push_back(s);
        continue;
      }
      double bonus = 0;
      if (!top_class.empty() && attr(s, "class") == top_class) bonus = top_score * 0.2;
      const Stats& ss = st(s);
      if (ss.candidate && ss.score + bonus >= threshold) {
        out.push_back(s);
      } else if (tag_of(s) == "p") {
        const double ld = link_density(s);
        const std::string text = text_content(s);
        const std::size_t len = count_chars(text);
        if ((len > 80 && ld < 0.25) ||
            (len > 0 && len <= 80 && ld == 0 &&
             (text.back() == '.' || text.find(". ") != std::string::npos)))
          out.push_back(s);
      }
    }
    return out;
  }

  xmlNode* body_;
  bool strip_unlikely_;
  std::vector<Stats> stats_;
  std::vector<xmlNode*> candidates_;
};

// ---------------------------------------------------------------------------------------------
// Blocks out of the chosen containers

class BlockWriter {
 public:
  BlockWriter(Extractor& ex, std::string_view html, const std::vector<std::size_t>& line_starts)
      : ex_(ex), html_(html), line_starts_(line_starts) {}

  void write(xmlNode* container) {
    container_ = container;
    traverse(
        container, [&](xmlNode* n) { return enter(n); }, [&](xmlNode* n) { leave(n); });
    flush();
  }

  std::vector<Block> take() { return std::move(blocks_); }

 private:
  // Boilerplate inside the article: share bars, related links, link lists, bylines...
  bool skip(xmlNode* n) {
    const std::string_view t = tag_of(n);
    if (t == "img") return true;
    if (n == container_) return false;
    const Stats& s = ex_.st(n);
    // Most of the article under a misleading class name ("elementor-widget") is still the article.
    const bool bulk = s.text * 2 > ex_.st(container_).text && ex_.link_density(n) < 0.2;
    const std::string ci = class_and_id(n);
    const bool in_list = li_depth_ > 0;
    if (ci.size() > 1 && s.text < 500 && has_any(ci, kShare) && !has_any(ci, kMaybe))
      return true;
    if (is_heading_tag(t)) return class_weight(n) < 0 || ex_.link_density(n) > 0.5;
    if (!one_of(t, {"div", "section", "ul", "ol", "table", "dl", "form", "fieldset", "p"}))
      return false;
    const int weight = class_weight(n);
    if (t != "p" && weight < 0 && !bulk) return true;
    if (s.commas >= 10) return false;
    const double ld = ex_.link_density(n);
    const bool is_list = t == "ul" || t == "ol" || t == "dl";
    if (t == "p") return ld > 0.5 && s.text < 200;
    if (s.img > 1 && static_cast<double>(s.p) / static_cast<double>(s.img) < 0.5) return true;
    if (s.input > s.p / 3) return true;
    if (!is_list && !in_list && s.text < 25 && ld > 0) return true;
    if (weight < 25 && ld > 0.2 + (is_list ? 0.15 : 0.0)) return true;
    if (weight >= 25 && ld > 0.5) return true;
    return false;
  }

  bool enter(xmlNode* n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (!n->content) return false;
      const std::string_view text(reinterpret_cast<const char*>(n->content));
      if (buf_.empty()) start_ = n;
      append_folded(buf_, text, pending_);
      if (buf_.empty()) start_ = nullptr;
      return false;
    }
    if (!is_element(n)) return false;
    const std::string_view t = tag_of(n);
    if (t == "br") {
      line_break();
      return false;
    }
    if (skip(n)) {
      skipped_.insert(n);
      return false;
    }
    if (is_block_tag(t)) flush();
    if (is_heading_tag(t)) ++heading_depth_;
    if (t == "li" || t == "dd" || t == "dt") ++li_depth_;
    if (t == "blockquote") ++quote_depth_;
    if ((t == "td" || t == "th") && !buf_.empty()) pending_ = true;
    return true;
  }

  void leave(xmlNode* n) {
    if (!is_element(n)) return;
    const std::string_view t = tag_of(n);
    if (t == "br" || skipped_.count(n)) return;
    if (is_block_tag(t)) flush();
    if (is_heading_tag(t)) --heading_depth_;
    if (t == "li" || t == "dd" || t == "dt") --li_depth_;
    if (t == "blockquote") --quote_depth_;
    last_br_ = false;
  }

  void line_break() {
    if (last_br_ || (!buf_.empty() && std::strchr(".!?:\"”", buf_.back()))) {
      flush();
    } else {
      pending_ = true;
    }
    last_br_ = true;
  }

  std::size_t offset_of(xmlNode* n, const std::string& text) {
    const long line = xmlGetLineNo(n);
    std::size_t from = last_offset_;
    if (line > 0 && static_cast<std::size_t>(line) <= line_starts_.size())
      from = std::max(from, line_starts_[static_cast<std::size_t>(line) - 1]);
    const std::string word = text.substr(0, text.find(' '));
    // 65536: look a little way ahead only, so pages with many blocks stay linear.
    const std::string_view window = html_.substr(std::min(from, html_.size()), 65536);
    const std::size_t at = window.find(word);
    if (at != std::string_view::npos) from += at;
    last_offset_ = from;
    return from;
  }

  void flush() {
    last_br_ = false;
    pending_ = false;
    if (buf_.empty()) return;
    Block b;
    b.kind = heading_depth_ > 0 ? BlockKind::heading
             : quote_depth_ > 0 ? BlockKind::quote
             : li_depth_ > 0    ? BlockKind::list_item
                                : BlockKind::paragraph;
    b.text = std::move(buf_);
    buf_.clear();
    b.source_offset = start_ ? offset_of(start_, b.text) : last_offset_;
    start_ = nullptr;
    blocks_.push_back(std::move(b));
  }

  Extractor& ex_;
  xmlNode* container_ = nullptr;
  std::string_view html_;
  const std::vector<std::size_t>& line_starts_;
  std::vector<Block> blocks_;
  std::unordered_set<const xmlNode*> skipped_;  // traverse() calls leave() for these too
  std::string buf_;
  xmlNode* start_ = nullptr;
  bool pending_ = false;
  bool last_br_ = false;
  int heading_depth_ = 0, li_depth_ = 0, quote_depth_ = 0;
  std::size_t last_offset_ = 0;
};

bool is_boilerplate_line(const std::string& text) {
  static const std::regex re(
      "^(advertisement|advertisements|ad|sponsored|sponsored content|story continues below|"
      "continue reading|continue reading below|read more|read more:|share|share this|"
      "share this article|share this story|related|related articles|related stories|"
      "related content|more from .{0,40}|recommended|comments|leave a comment|"
      "skip to main content|skip to content|click here|sign up|subscribe|"
      "this article is more than .{0,30} old)[.:!]?$",
      std::regex::icase | std::regex::optimize);
  return text.size() < 60 && std::regex_match(text, re);
}

std::vector<std::size_t> line_starts_of(std::string_view s) {
  std::vector<std::size_t> out{0};
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] == '\n') out.push_back(i + 1);
  return out;
}

DocPtr parse(const std::string& utf8, const std::string& name) {
  // HUGE lifts libxml2's nesting limit of 256: without it everything past that depth (and the
  // rest of the page) is silently dropped. Our walks are iterative, libxml2's own too (2.9.14).
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC |
                      XML_PARSE_HUGE;
  DocPtr doc(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), name.c_str(), "UTF-8",
                            options));
  return doc;
}

xmlNode* find_body(xmlDoc* doc) {
  xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return nullptr;
  xmlNode* body = nullptr;
  traverse(
      root,
      [&](xmlNode* n) {
        if (body || !is_element(n)) return false;
        if (tag_of(n) == "body") {
          body = n;
          return false;
        }
        return true;
      },
      [](xmlNode*) {});
  return body ? body : root;
}

std::size_t total_chars(const std::vector<Block>& blocks) {
  std::size_t n = 0;
  for (const Block& b : blocks) n += b.text.size();
  return n;
}

}  // namespace

Article extract_html(std::string_view html_bytes, const std::string& name,
                     std::string_view declared_charset) {
  if (html_bytes.size() > (std::size_t{1} << 30))
    throw Error(ExitCode::input, "'" + name + "': page too large (over 1 GiB)");
  Article article;
  std::vector<std::string> warnings;
  const std::string charset = sniff_html_charset(html_bytes, declared_charset);
  std::string utf8 = to_utf8(html_bytes, charset, &warnings);
  // NUL would end libxml2's input early; nothing readable is lost by dropping it.
  utf8.erase(std::remove(utf8.begin(), utf8.end(), '\0'), utf8.end());
  for (std::string& w : warnings) article.warnings.push_back("'" + name + "': " + w);
  const std::vector<std::size_t> line_starts = line_starts_of(utf8);

  // Two attempts, as readability does: first strip everything that looks unlikely by class/id,
  // then, if that left too little text, keep it and let scoring decide.
  std::vector<Block> blocks;
  Meta meta;
  for (int attempt = 0; attempt < 2; ++attempt) {
    DocPtr doc = parse(utf8, name);
    if (!doc) break;
    xmlNode* body = find_body(doc.get());
    if (!body) break;
    if (attempt == 0) read_meta(xmlDocGetRootElement(doc.get()), meta);
    Extractor ex(body, attempt == 0);
    std::vector<xmlNode*> containers = ex.run();
    BlockWriter writer(ex, utf8, line_starts);
    for (xmlNode* c : containers) writer.write(c);
    std::vector<Block> got = writer.take();
    if (total_chars(got) > total_chars(blocks)) blocks = std::move(got);
    if (total_chars(blocks) >= 500) break;
  }

  // Metadata
  std::string site = !meta.site_name.empty() ? meta.site_name : meta.ld_site;
  std::string title = !meta.og_title.empty()       ? meta.og_title
                      : !meta.ld_headline.empty()  ? meta.ld_headline
                      : !meta.tw_title.empty()     ? meta.tw_title
                      : (meta.h1_count == 1)       ? meta.h1
                                                   : meta.doc_title;
  if (title.empty()) title = !meta.h1.empty() ? meta.h1 : meta.doc_title;
  article.title = strip_site_suffix(folded(title), site);
  article.site_name = folded(site);
  std::string author = !meta.ld_author.empty() ? meta.ld_author
                       : !meta.author.empty()  ? meta.author
                                               : meta.byline;
  author = folded(author);
  if (lower(author.substr(0, 3)) == "by ") author = author.substr(3);
  article.author = author;
  const std::string date = folded(!meta.ld_date.empty() ? meta.ld_date : meta.date);
  article.date = date.empty() ? date : iso_date(date);
  std::string lang = !meta.lang.empty()               ? meta.lang
                     : !meta.og_locale.empty()        ? meta.og_locale
                     : !meta.content_language.empty() ? meta.content_language
                                                      : meta.ld_lang;
  lang = folded(lang);
  std::replace(lang.begin(), lang.end(), '_', '-');
  article.language = lang;
  for (const std::string* u : {&meta.canonical, &meta.og_url, &meta.ld_url}) {
    if (is_url(*u)) {
      article.canonical_url = *u;
      break;
    }
  }

  // The title is spoken separately; boilerplate one-liners are not article text.
  const std::string ltitle = lower(article.title);
  bool title_dropped = false;
  for (Block& b : blocks) {
    if (!title_dropped && b.kind == BlockKind::heading && !ltitle.empty() &&
        lower(b.text) == ltitle) {
      title_dropped = true;
      b.text.clear();
    } else if (is_boilerplate_line(b.text)) {
      b.text.clear();
    }
  }
  std::erase_if(blocks, [](const Block& b) { return b.text.empty(); });
  if (blocks.empty()) throw Error(ExitCode::input, "'" + name + "': no article text found");
  article.blocks = std::move(blocks);
  return article;
}

}  // namespace briefcast
