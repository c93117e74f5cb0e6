#include "feed/syndication.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "markup/markup_tree.hpp"
#include "markup/markup_writer.hpp"
#include "net/url_tools.hpp"

namespace briefcast {

namespace {

using namespace std::chrono;

constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";
constexpr const char* kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr const char* kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr const char* kRss1Ns = "http://purl.org/rss/1.0/";
constexpr const char* kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

[[noreturn]] void fail(const std::string& origin, const std::string& problem) {
  throw Error(ExitCode::feed, "'" + origin + "': " + problem);
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n\f\v") - b + 1);
}

std::string escape_html(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

// Plain text to HTML: blank-line-separated paragraphs become <p> elements.
std::string text_to_html(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    std::string para = trim(text.substr(start, end - start));
    if (!para.empty()) out += "<p>" + escape_html(para) + "</p>\n";
    start = end + 2;
  }
  return out;
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// ---- XML helpers ----

// `ns` nullptr: the element has no namespace or the RSS 1.0 one (plain RSS elements).
bool is(const MarkupNode* n, const char* name, const char* ns = nullptr) {
  if (!n || !n->is_element() || n->name != name) return false;
  if (!ns) return !n->ns || n->ns_uri() == kRss1Ns;
  return n->ns && n->ns_uri() == ns;
}

std::string attribute(const MarkupNode* n, const char* name) {
  const std::string* v = n->attr(name);
  return v ? *v : std::string();
}

const MarkupNode* child(const MarkupNode* parent, const char* name, const char* ns = nullptr) {
  for (const MarkupNode* c = parent->first_child; c; c = c->next)
    if (is(c, name, ns)) return c;
  return nullptr;
}

std::string child_text(const MarkupNode* parent, const char* name, const char* ns = nullptr) {
  const MarkupNode* c = child(parent, name, ns);
  return c ? c->text_content() : std::string();
}

// Serializes the children of `n` (Atom type="xhtml": the children of its <div>).
std::string inner_xml(const MarkupDocument& doc, const MarkupNode* n) {
  std::string out;
  for (const MarkupNode* c = n->first_child; c; c = c->next) out += serialize_xml(doc, *c);
  return out;
}

// An Atom text construct (title, summary, content) as HTML.
std::string atom_html(const MarkupDocument& doc, const MarkupNode* n) {
  if (!n) return {};
  std::string type = lower(attribute(n, "type"));
  if (type == "xhtml") {
    for (const MarkupNode* c = n->first_child; c; c = c->next)
      if (c->is_element()) return inner_xml(doc, c);  // the wrapping <div>
    return {};
  }
  if (type == "html" || type == "text/html") return n->text_content();
  if (!attribute(n, "src").empty()) return {};  // out-of-line content
  return text_to_html(n->text_content());
}

std::string atom_text(const MarkupDocument& doc, const MarkupNode* n) {
  if (!n) return {};
  std::string type = lower(attribute(n, "type"));
  if (type == "html" || type == "xhtml") return html_to_plain_text(atom_html(doc, n));
  return html_to_plain_text(escape_html(n->text_content()));  // folds whitespace only
}

std::string resolve_link(const std::string& base, const std::string& link,
                         const std::string& fallback_base) {
  std::string l = trim(link);
  if (l.empty()) return {};
  if (!base.empty()) return resolve_url(base, l);
  if (!fallback_base.empty()) return resolve_url(fallback_base, l);
  return l;
}

// ---- detection ----

// The name of the first element (lower-case), or "doctype html" for an HTML doctype, skipping the
// XML declaration, processing instructions, comments and whitespace.
std::string first_tag(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    i = s.find('<', i);
    if (i == std::string::npos) return {};
    if (s.compare(i, 4, "<!--") == 0) {
      i = s.find("-->", i);
      if (i == std::string::npos) return {};
      continue;
    }
    if (s.compare(i, 2, "<?") == 0) {
      i = s.find("?>", i);
      if (i == std::string::npos) return {};
      continue;
    }
    if (s.compare(i, 2, "<!") == 0) {
      std::string decl = lower(s.substr(i + 2, 12));
      if (decl.starts_with("doctype html")) return "doctype html";
      i = s.find('>', i);
      if (i == std::string::npos) return {};
      continue;
    }
    std::size_t e = i + 1;
    while (e < s.size() && !std::isspace(static_cast<unsigned char>(s[e])) && s[e] != '>' &&
           s[e] != '/')
      ++e;
    std::string name = lower(s.substr(i + 1, e - i - 1));
    if (std::size_t colon = name.find(':'); colon != std::string::npos) name.erase(0, colon + 1);
    return name;
  }
  return {};
}

bool looks_like_html(const std::string& tag) {
  return tag == "doctype html" || tag == "html" || tag == "head" || tag == "body";
}

// ---- RSS ----

FeedItem rss_item(const MarkupDocument& doc, const MarkupNode* item,
                  const std::string& fallback_base) {
  FeedItem it;
  std::string base = doc.base_of(*item);
  it.title = html_to_plain_text(child_text(item, "title"));
  it.link = resolve_link(base, child_text(item, "link"), fallback_base);
  if (const MarkupNode* g = child(item, "guid")) {
    it.guid = trim(g->text_content());
    bool permalink = lower(trim(attribute(g, "isPermaLink"))) != "false";
    if (it.link.empty() && permalink && is_http_url(it.guid)) it.link = it.guid;
  }
  if (it.guid.empty()) {
    std::string about = attribute(item, "about");  // RSS 1.0 rdf:about
    it.guid = about;
  }
  std::string date = child_text(item, "pubDate");
  if (date.empty()) date = child_text(item, "date", kDcNs);
  it.published = parse_feed_date(date);
  it.summary_html = trim(child_text(item, "description"));
  it.content_html = trim(child_text(item, "encoded", kContentNs));
  it.author = trim(child_text(item, "creator", kDcNs));
  if (it.author.empty()) it.author = trim(child_text(item, "author"));
  return it;
}

SyndicationFeed parse_rss(const MarkupDocument& doc, const MarkupNode* root,
                          const std::string& base_url) {
  SyndicationFeed f;
  f.kind = SyndicationKind::rss;
  const MarkupNode* channel = child(root, "channel");
  if (channel) {
    f.title = html_to_plain_text(child_text(channel, "title"));
    std::string link = trim(child_text(channel, "link"));
    f.link = resolve_link(doc.base_of(*channel), link, {});
  }
  std::string fallback = base_url.empty() && is_http_url(f.link) ? f.link : std::string();
  // RSS 2.0 keeps items inside <channel>; RSS 1.0 (RDF) beside it.
  for (const MarkupNode* parent : {channel, root}) {
    if (!parent) continue;
    for (const MarkupNode* c = parent->first_child; c; c = c->next)
      if (is(c, "item")) f.items.push_back(rss_item(doc, c, fallback));
  }
  return f;
}

// ---- Atom ----

std::string atom_link(const MarkupDocument& doc, const MarkupNode* parent,
                      const std::string& fallback) {
  std::string best;
  for (const MarkupNode* c = parent->first_child; c; c = c->next) {
    if (!is(c, "link", kAtomNs)) continue;
    std::string rel = attribute(c, "rel");
    if (!rel.empty() && rel != "alternate") continue;
    std::string href = resolve_link(doc.base_of(*c), attribute(c, "href"), fallback);
    std::string type = lower(attribute(c, "type"));
    if (type.empty() || type == "text/html" || type == "application/xhtml+xml") return href;
    if (best.empty()) best = href;
  }
  return best;
}

SyndicationFeed parse_atom(const MarkupDocument& doc, const MarkupNode* root,
                           const std::string& base_url) {
  SyndicationFeed f;
  f.kind = SyndicationKind::atom;
  f.title = atom_text(doc, child(root, "title", kAtomNs));
  f.link = atom_link(doc, root, {});
  std::string fallback = base_url.empty() && is_http_url(f.link) ? f.link : std::string();
  for (const MarkupNode* e = root->first_child; e; e = e->next) {
    if (!is(e, "entry", kAtomNs)) continue;
    FeedItem it;
    it.title = atom_text(doc, child(e, "title", kAtomNs));
    it.link = atom_link(doc, e, fallback);
    it.guid = trim(child_text(e, "id", kAtomNs));
    it.published = parse_feed_date(child_text(e, "published", kAtomNs));
    if (!it.published) it.published = parse_feed_date(child_text(e, "updated", kAtomNs));
    it.summary_html = trim(atom_html(doc, child(e, "summary", kAtomNs)));
    it.content_html = trim(atom_html(doc, child(e, "content", kAtomNs)));
    const MarkupNode* author = child(e, "author", kAtomNs);
    if (!author) author = child(root, "author", kAtomNs);
    if (author) it.author = trim(child_text(author, "name", kAtomNs));
    f.items.push_back(std::move(it));
  }
  return f;
}

// ---- XML entry point ----

SyndicationFeed parse_xml_feed(const std::string& bytes, const std::string& origin,
                               const std::string& base_url, const std::string& tag) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) fail(origin, "document too large");
  const MarkupDocument doc = parse_xml(bytes, XmlReadOptions{base_url, true});
  if (!doc.well_formed()) {
    if (looks_like_html(tag))
      fail(origin, "not an RSS, Atom or JSON Feed document (looks like HTML)");
    const std::optional<MarkupError>& err = doc.last_error();
    std::string message = err && !err->message.empty() ? trim(err->message) : "malformed document";
    int line = err ? err->line : 0;
    fail(origin, "invalid XML at line " + std::to_string(line) + ": " + message);
  }
  const MarkupNode* root = doc.root();
  if (!root) fail(origin, "empty document");
  const std::string& name = root->name;
  if (name == "rss" || (name == "RDF" && root->ns_uri() == kRdfNs))
    return parse_rss(doc, root, base_url);
  if (is(root, "feed", kAtomNs)) return parse_atom(doc, root, base_url);
  if (lower(name) == "html")
    fail(origin, "not an RSS, Atom or JSON Feed document (looks like HTML)");
  fail(origin, "not an RSS, Atom or JSON Feed document (root element <" + name + ">)");
}

// ---- JSON Feed ----

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

SyndicationFeed parse_json_feed(const std::string& bytes, const std::string& origin,
                                const std::string& base_url) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(bytes);
  } catch (const nlohmann::json::parse_error& e) {
    fail(origin, "invalid JSON Feed: invalid JSON at byte " + std::to_string(e.byte));
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
  std::string home = trim(json_string(j, "home_page_url"));
  f.link = base_url.empty() ? home : resolve_url(base_url, home);
  std::string base = !base_url.empty() ? base_url : (is_http_url(f.link) ? f.link : std::string());
  for (auto& item : *items) {
    if (!item.is_object()) continue;
    FeedItem it;
    it.guid = json_string(item, "id");
    it.title = html_to_plain_text(escape_html(json_string(item, "title")));
    std::string url = json_string(item, "url");
    if (url.empty()) url = json_string(item, "external_url");
    it.link = resolve_link(base, url, {});
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

// ---- dates ----

bool all_digits(const std::string& s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int month_number(const std::string& token) {
  static const char* const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string t = lower(token);
  if (t.size() < 3) return 0;
  for (int i = 0; i < 12; ++i)
    if (t.compare(0, 3, names[i]) == 0) return i + 1;
  return 0;
}

// Zone as an offset east of UTC in minutes; nullopt when not a zone.
std::optional<int> zone_offset(const std::string& z) {
  if ((z[0] == '+' || z[0] == '-') && z.size() >= 3) {
    std::string digits = z.substr(1);
    digits.erase(std::remove(digits.begin(), digits.end(), ':'), digits.end());
    if (!all_digits(digits) || (digits.size() != 4 && digits.size() != 2)) return std::nullopt;
    int h = std::stoi(digits.substr(0, 2));
    int m = digits.size() == 4 ? std::stoi(digits.substr(2)) : 0;
    if (h > 23 || m > 59) return std::nullopt;
    return (z[0] == '-' ? -1 : 1) * (h * 60 + m);
  }
  static const std::pair<const char*, int> named[] = {
      {"gmt", 0},       {"ut", 0},        {"utc", 0},       {"z", 0},         {"est", -5 * 60},
      {"edt", -4 * 60}, {"cst", -6 * 60}, {"cdt", -5 * 60}, {"mst", -7 * 60}, {"mdt", -6 * 60},
      {"pst", -8 * 60}, {"pdt", -7 * 60}};
  std::string l = lower(z);
  for (auto& [name, offset] : named)
    if (l == name) return offset;
  return std::nullopt;
}

std::optional<sys_seconds> make_time(int y, int mo, int d, int h, int mi, int s, int offset_min) {
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  return sys_seconds{sys_days{ymd}} + hours{h} + minutes{mi} + seconds{std::min(s, 59)} -
         minutes{offset_min};
}

bool parse_clock(const std::string& t, int& h, int& m, int& s) {
  std::size_t c1 = t.find(':');
  if (c1 == std::string::npos) return false;
  std::size_t c2 = t.find(':', c1 + 1);
  std::string hs = t.substr(0, c1);
  std::string ms = t.substr(c1 + 1, c2 == std::string::npos ? std::string::npos : c2 - c1 - 1);
  std::string ss = c2 == std::string::npos ? "0" : t.substr(c2 + 1);
  if (std::size_t dot = ss.find_first_of(".,"); dot != std::string::npos) ss.erase(dot);
  if (!all_digits(hs) || !all_digits(ms) || !all_digits(ss) || hs.size() > 2 || ms.size() != 2 ||
      ss.size() > 2)
    return false;
  h = std::stoi(hs);
  m = std::stoi(ms);
  s = std::stoi(ss);
  return true;
}

std::optional<sys_seconds> parse_iso8601(const std::string& t) {
  // YYYY-MM-DD
  if (t.size() < 10 || !all_digits(t.substr(0, 4)) || t[4] != '-' || !all_digits(t.substr(5, 2)) ||
      t[7] != '-' || !all_digits(t.substr(8, 2)))
    return std::nullopt;
  int y = std::stoi(t.substr(0, 4)), mo = std::stoi(t.substr(5, 2)), d = std::stoi(t.substr(8, 2));
  if (t.size() == 10) return make_time(y, mo, d, 0, 0, 0, 0);
  if (t[10] != 'T' && t[10] != 't' && t[10] != ' ') return std::nullopt;
  std::string rest = t.substr(11);
  std::size_t zone_at = rest.find_first_of("Zz+-");
  std::string clock = rest.substr(0, zone_at);
  int offset = 0;
  if (zone_at != std::string::npos) {
    auto z = zone_offset(rest.substr(zone_at));
    if (!z) return std::nullopt;
    offset = *z;
  }
  int h = 0, m = 0, s = 0;
  if (!parse_clock(clock, h, m, s)) return std::nullopt;
  return make_time(y, mo, d, h, m, s, offset);
}

std::optional<sys_seconds> parse_rfc822(const std::string& text) {
  std::vector<std::string> tokens;
  std::string cur;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',') {
      if (!cur.empty()) tokens.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) tokens.push_back(cur);
  std::size_t i = 0;
  if (i < tokens.size() && !all_digits(tokens[i]) && month_number(tokens[i]) == 0) ++i;  // weekday
  if (i + 3 > tokens.size()) return std::nullopt;
  // "03 Mar 2026"; some feeds write "Mar 03 2026".
  std::string day_t = tokens[i], month_t = tokens[i + 1];
  if (!all_digits(day_t)) std::swap(day_t, month_t);
  std::string year_t = tokens[i + 2];
  i += 3;
  int mo = month_number(month_t);
  if (!all_digits(day_t) || day_t.size() > 2 || mo == 0 || !all_digits(year_t) ||
      (year_t.size() != 2 && year_t.size() != 4))
    return std::nullopt;
  int y = std::stoi(year_t);
  if (year_t.size() == 2) y += y < 50 ? 2000 : 1900;
  int h = 0, m = 0, s = 0, offset = 0;
  if (i < tokens.size()) {
    if (!parse_clock(tokens[i], h, m, s)) return std::nullopt;
    ++i;
  }
  if (i < tokens.size()) {
    auto z = zone_offset(tokens[i]);
    // Unknown zone names are read as UTC rather than dropping the date.
    if (z) offset = *z;
  }
  return make_time(y, mo, std::stoi(day_t), h, m, s, offset);
}

// Decodes one character reference starting at s[i] == '&'; returns false when it is none.
bool decode_reference(const std::string& s, std::size_t& i, std::string& out) {
  std::size_t semi = s.find(';', i);
  if (semi == std::string::npos || semi - i > 10) return false;
  std::string name = s.substr(i + 1, semi - i - 1);
  unsigned long cp = 0;
  if (name.size() >= 2 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string digits = name.substr(hex ? 2 : 1);
    if (digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [&](char c) {
          return hex ? std::isxdigit(static_cast<unsigned char>(c)) != 0 : (c >= '0' && c <= '9');
        }))
      return false;
    cp = std::stoul(digits, nullptr, hex ? 16 : 10);
  } else {
    static const std::pair<const char*, unsigned long> named[] = {
        {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
        {"apos", '\''},     {"nbsp", 0xA0},     {"mdash", 0x2014},  {"ndash", 0x2013},
        {"hellip", 0x2026}, {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"ldquo", 0x201C},
        {"rdquo", 0x201D},  {"copy", 0xA9},     {"eacute", 0xE9}};
    auto it = std::find_if(std::begin(named), std::end(named),
                           [&](auto& p) { return name == p.first; });
    if (it == std::end(named)) return false;
    cp = it->second;
  }
  append_utf8(out, cp);
  i = semi;
  return true;
}

}  // namespace

std::optional<sys_seconds> parse_feed_date(const std::string& text) {
  std::string t = trim(text);
  if (t.empty()) return std::nullopt;
  if (t.size() >= 10 && t[4] == '-') return parse_iso8601(t);
  return parse_rfc822(t);
}

std::string format_iso8601(sys_seconds t) {
  auto days = floor<std::chrono::days>(t);
  year_month_day ymd{days};
  hh_mm_ss hms{t - days};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

std::string html_to_plain_text(const std::string& html) {
  std::string out;
  std::string lowered;  // computed on the first <script>/<style>
  std::size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<' && i + 1 < html.size() &&
        (std::isalpha(static_cast<unsigned char>(html[i + 1])) || html[i + 1] == '/' ||
         html[i + 1] == '!' || html[i + 1] == '?')) {
      std::size_t end = html.compare(i, 4, "<!--") == 0 ? html.find("-->", i) : html.find('>', i);
      if (end == std::string::npos) break;
      std::string tag = lower(html.substr(i + 1, std::min<std::size_t>(end - i - 1, 7)));
      i = end + (html.compare(i, 4, "<!--") == 0 ? 3 : 1);
      for (const char* skip : {"script", "style"}) {
        if (tag.starts_with(skip)) {
          if (lowered.empty()) lowered = lower(html);
          std::size_t close = lowered.find(std::string("</") + skip, i);
          i = close == std::string::npos ? html.size() : html.find('>', close);
          i = i == std::string::npos ? html.size() : i + 1;
        }
      }
      out += ' ';
      continue;
    }
    if (c == '&' && decode_reference(html, i, out)) {
      ++i;
      continue;
    }
    out += c;
    ++i;
  }
  // Fold whitespace, including no-break spaces.
  std::string folded;
  bool space = false;
  for (std::size_t k = 0; k < out.size(); ++k) {
    bool nbsp = static_cast<unsigned char>(out[k]) == 0xC2 && k + 1 < out.size() &&
                static_cast<unsigned char>(out[k + 1]) == 0xA0;
    if (std::isspace(static_cast<unsigned char>(out[k])) || nbsp) {
      space = true;
      if (nbsp) ++k;
      continue;
    }
    if (space && !folded.empty()) folded += ' ';
    space = false;
    folded += out[k];
  }
  return folded;
}

SyndicationFeed parse_syndication(const std::string& input, const std::string& origin,
                                  const std::string& base_url) {
  std::string_view bytes = input;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::size_t start = bytes.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) fail(origin, "empty document");
  if (bytes[start] == '{') return parse_json_feed(std::string(bytes.substr(start)), origin, base_url);
  std::string head(bytes.substr(0, 4096));
  std::string tag = first_tag(head);
  if (looks_like_html(tag)) fail(origin, "not an RSS, Atom or JSON Feed document (looks like HTML)");
  // libxml2 reads the encoding from the XML declaration or BOM itself: hand it the original bytes.
  return parse_xml_feed(input, origin, base_url, tag);
}

}  // namespace briefcast
