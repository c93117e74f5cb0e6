#include "feed/syndication.hpp"

#include <algorithm>
#include <cctype>
#include <climits>

#include "base/error.hpp"
#include "base/strings.hpp"
#include "feed/json_feed.hpp"
#include "markup/markup_tree.hpp"
#include "markup/markup_writer.hpp"
#include "net/url_tools.hpp"

namespace briefcast {

namespace {

constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";
constexpr const char* kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr const char* kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr const char* kRss1Ns = "http://purl.org/rss/1.0/";
constexpr const char* kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

[[noreturn]] void fail(const std::string& origin, const std::string& problem) {
  throw Error(ExitCode::feed, "'" + origin + "': " + problem);
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
  std::string type = lower_ascii(attribute(n, "type"));
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
  std::string type = lower_ascii(attribute(n, "type"));
  if (type == "html" || type == "xhtml") return html_to_plain_text(atom_html(doc, n));
  return html_to_plain_text(escape_html(n->text_content()));  // folds whitespace only
}

std::string resolve_link(const std::string& base, const std::string& link,
                         const std::string& fallback_base) {
  std::string l(trim(link));
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
      std::string decl = lower_ascii(s.substr(i + 2, 12));
      if (decl.starts_with("doctype html")) return "doctype html";
      i = s.find('>', i);
      if (i == std::string::npos) return {};
      continue;
    }
    std::size_t e = i + 1;
    while (e < s.size() && !std::isspace(static_cast<unsigned char>(s[e])) && s[e] != '>' &&
           s[e] != '/')
      ++e;
    std::string name = lower_ascii(s.substr(i + 1, e - i - 1));
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
    bool permalink = !equals_ascii_ci(trim(attribute(g, "isPermaLink")), "false");
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
    std::string link(trim(child_text(channel, "link")));
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
    std::string type = lower_ascii(attribute(c, "type"));
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
    std::string message =
        err && !err->message.empty() ? std::string(trim(err->message)) : "malformed document";
    int line = err ? err->line : 0;
    fail(origin, "invalid XML at line " + std::to_string(line) + ": " + message);
  }
  const MarkupNode* root = doc.root();
  if (!root) fail(origin, "empty document");
  const std::string& name = root->name;
  if (name == "rss" || (name == "RDF" && root->ns_uri() == kRdfNs))
    return parse_rss(doc, root, base_url);
  if (is(root, "feed", kAtomNs)) return parse_atom(doc, root, base_url);
  if (lower_ascii(name) == "html")
    fail(origin, "not an RSS, Atom or JSON Feed document (looks like HTML)");
  fail(origin, "not an RSS, Atom or JSON Feed document (root element <" + name + ">)");
}

}  // namespace

SyndicationFeed parse_syndication(const std::string& input, const std::string& origin,
                                  const std::string& base_url) {
  std::string_view bytes = input;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::size_t start = bytes.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) fail(origin, "empty document");
  if (bytes[start] == '{')
    return parse_json_feed(std::string(bytes.substr(start)), origin, base_url);
  std::string head(bytes.substr(0, 4096));
  std::string tag = first_tag(head);
  if (looks_like_html(tag))
    fail(origin, "not an RSS, Atom or JSON Feed document (looks like HTML)");
  // libxml2 reads the encoding from the XML declaration or BOM itself: hand it the original bytes.
  return parse_xml_feed(input, origin, base_url, tag);
}

}  // namespace briefcast
