#include "extract/page_metadata.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <regex>
#include <string_view>

#include "base/strings.hpp"
#include "extract/html_text.hpp"
#include "net/url_tools.hpp"

namespace briefcast {
namespace {

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
  if (v.is_object() && v.contains("@id") && v["@id"].is_string())
    return v["@id"].get<std::string>();
  return {};
}

bool is_article_type(const nlohmann::json& t) {
  auto one = [](const std::string& s) {
    return s.find("Article") != std::string::npos || s == "BlogPosting" || s == "ReportageNews" ||
           s == "Report" || s == "LiveBlogPosting";
  };
  if (t.is_string()) return one(t.get<std::string>());
  if (t.is_array())
    for (const auto& e : t)
      if (e.is_string() && one(e.get<std::string>())) return true;
  return false;
}

void read_json_ld(const nlohmann::json& j, PageMetadata& m, int depth) {
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

// One <meta>: the first value for each field wins.
void read_meta_tag(const MarkupNode& n, PageMetadata& m) {
  const std::string key =
      lower_ascii(!n.attr_or_empty("property").empty() ? n.attr_or_empty("property")
                  : !n.attr_or_empty("name").empty()   ? n.attr_or_empty("name")
                                                       : n.attr_or_empty("itemprop"));
  const std::string http = lower_ascii(n.attr_or_empty("http-equiv"));
  const std::string value = folded(n.attr_or_empty("content"));
  if (value.empty()) return;
  auto set = [&](std::string& field) {
    if (field.empty()) field = value;
  };
  if (key == "og:title")
    set(m.og_title);
  else if (key == "twitter:title")
    set(m.tw_title);
  else if (key == "og:site_name" || key == "application-name")
    set(m.site_name);
  else if (key == "og:url")
    set(m.og_url);
  else if (key == "og:locale")
    set(m.og_locale);
  else if (http == "content-language")
    set(m.content_language);
  else if ((key == "author" || key == "article:author" || key == "parsely-author" ||
            key == "sailthru.author" || key == "dc.creator" || key == "byl") &&
           !is_http_url(value))
    set(m.author);
  else if (key == "article:published_time" || key == "datepublished" || key == "parsely-pub-date" ||
           key == "sailthru.date" || key == "pubdate" || key == "publishdate" || key == "date" ||
           key == "dc.date" || key == "dc.date.issued" || key == "dcterms.date" ||
           key == "og:published_time")
    set(m.date);
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

const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                               "jul", "aug", "sep", "oct", "nov", "dec"};

}  // namespace

PageMetadata read_page_metadata(const MarkupNode& root) {
  PageMetadata m;
  traverse(
      &root,
      [&](const MarkupNode* n) {
        if (!n->is_element()) return false;
        const std::string_view t = n->name;
        if (t == "html") {
          m.lang = n->attr_or_empty("lang");
          if (m.lang.empty()) m.lang = n->attr_or_empty("xml:lang");
        } else if (t == "title") {
          if (m.doc_title.empty()) m.doc_title = folded_text(*n);
          return false;
        } else if (t == "h1") {
          ++m.h1_count;
          if (m.h1.empty()) m.h1 = folded_text(*n);
          return false;
        } else if (t == "meta") {
          read_meta_tag(*n, m);
          return false;
        } else if (t == "link") {
          if (lower_ascii(n->attr_or_empty("rel")) == "canonical" && m.canonical.empty())
            m.canonical = folded(n->attr_or_empty("href"));
          return false;
        } else if (t == "script") {
          if (lower_ascii(n->attr_or_empty("type")) == "application/ld+json") {
            const std::string json = folded_text(*n);
            // allow_exceptions=false: broken JSON-LD yields a discarded value, not a throw
            const auto j = nlohmann::json::parse(json, nullptr, false);
            if (!j.is_discarded()) read_json_ld(j, m, 0);
          }
          return false;
        } else if (t == "time" && m.date.empty() &&
                   n->attr_or_empty("itemprop").find("datePublished") != std::string_view::npos) {
          m.date = n->attr_or_empty("datetime");
        } else if (m.byline.empty() && (n->attr_or_empty("rel") == "author" ||
                                        n->attr_or_empty("itemprop") == "author")) {
          std::string b = folded_text(*n);
          if (!b.empty() && b.size() < 100) m.byline = b;
        }
        return true;
      },
      [](const MarkupNode*) {});
  return m;
}

Article article_metadata(const PageMetadata& meta) {
  Article article;
  std::string site = !meta.site_name.empty() ? meta.site_name : meta.ld_site;
  std::string title = !meta.og_title.empty()      ? meta.og_title
                      : !meta.ld_headline.empty() ? meta.ld_headline
                      : !meta.tw_title.empty()    ? meta.tw_title
                      : (meta.h1_count == 1)      ? meta.h1
                                                  : meta.doc_title;
  if (title.empty()) title = !meta.h1.empty() ? meta.h1 : meta.doc_title;
  article.title = strip_site_suffix(folded(title), site);
  article.site_name = folded(site);
  std::string author = !meta.ld_author.empty() ? meta.ld_author
                       : !meta.author.empty()  ? meta.author
                                               : meta.byline;
  author = folded(author);
  if (lower_ascii(author.substr(0, 3)) == "by ") author = author.substr(3);
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
    if (is_http_url(*u)) {
      article.canonical_url = *u;
      break;
    }
  }
  return article;
}

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
    const std::string l = lower_ascii(s);
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

std::string strip_site_suffix(std::string title, const std::string& site_name) {
  static const std::array<std::string_view, 7> seps = {" | ",  " - ", " – ", " — ",
                                                       " :: ", " · ", " « "};
  const std::string site = lower_ascii(site_name);
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
    const std::string ltail = lower_ascii(tail);
    const bool tail_is_site =
        !site.empty() && (ltail == site || ltail.find(site) != std::string::npos ||
                          site.find(ltail) != std::string::npos);
    if (tail_is_site || (word_count(tail) <= 4 && word_count(head) >= 3)) {
      title = head;
      continue;
    }
    // "Site | Title"
    const std::size_t first = title.find(std::string(seps[0]));
    if (!site.empty() && first != std::string::npos && lower_ascii(title.substr(0, first)) == site)
      title = title.substr(first + seps[0].size());
    break;
  }
  return title;
}

}  // namespace briefcast
