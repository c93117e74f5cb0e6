#include "feed/feed_validator.hpp"

#include <climits>
#include <cstdio>
#include <filesystem>
#include <map>
#include <system_error>

#include "base/error.hpp"
#include "base/strings.hpp"
#include "base/uuid.hpp"
#include "feed/feed_value_checks.hpp"
#include "feed/podcast_feed.hpp"
#include "feed/rfc2822.hpp"
#include "markup/markup_tree.hpp"

namespace briefcast {

namespace {

namespace fs = std::filesystem;

// `s` without surrounding ASCII space, as an owned string.
std::string trimmed(std::string_view s) { return std::string(trim(s)); }

// Element `n` is {ns}name; ns == nullptr means no namespace.
bool is(const MarkupNode* n, const char* ns, const char* name) {
  if (!n || !n->is_element() || n->name != name) return false;
  if (!ns) return n->ns == nullptr;
  return n->ns && n->ns_uri() == ns;
}

std::vector<const MarkupNode*> children(const MarkupNode* parent, const char* ns,
                                        const char* name) {
  std::vector<const MarkupNode*> v;
  for (const MarkupNode* c = parent->first_child; c; c = c->next)
    if (is(c, ns, name)) v.push_back(c);
  return v;
}

const MarkupNode* child(const MarkupNode* parent, const char* ns, const char* name) {
  for (const MarkupNode* c = parent->first_child; c; c = c->next)
    if (is(c, ns, name)) return c;
  return nullptr;
}

std::string text(const MarkupNode* n) {
  if (!n) return {};
  return trimmed(n->text_content());
}

std::optional<std::string> attr(const MarkupNode* n, const char* name) {
  if (!n) return std::nullopt;
  const std::string* v = n->attr_no_ns(name);
  if (!v) return std::nullopt;
  return *v;
}

class Checker {
 public:
  Checker(const ValidateOptions& o, FeedValidation& r) : opt_(o), r_(r) {}

  void problem(const std::string& where, const std::string& what) {
    r_.problems.push_back(opt_.name + ": " + where + ": " + what);
  }

  void document(const MarkupDocument& doc, const std::string& first_error);

 private:
  void namespaces(const MarkupNode* root, const MarkupNode* channel);
  void channel(const MarkupNode* ch);
  void item(const MarkupNode* it, std::size_t index);

  const ValidateOptions& opt_;
  FeedValidation& r_;
  std::string base_;
  std::map<std::string, std::size_t> guids_, enclosures_, day_titles_;
};

void Checker::document(const MarkupDocument& doc, const std::string& first_error) {
  if (doc.has_doctype())
    problem("document", "has a DOCTYPE declaration (feeds must not; entities are not expanded)");
  if (!doc.namespaces_well_formed()) {
    problem("document", "namespace error" + (first_error.empty() ? "" : ": " + first_error));
  }
  const MarkupNode* root = doc.root();
  if (!is(root, nullptr, "rss")) {
    problem("document", "root element is <" + (root ? root->name : "") + ">, not <rss>");
    return;
  }
  auto version = attr(root, "version");
  if (version != "2.0") problem("rss", "version is '" + version.value_or("") + "', not 2.0");
  auto channels = children(root, nullptr, "channel");
  if (channels.size() != 1) {
    problem("rss", std::to_string(channels.size()) + " <channel> elements, expected 1");
    if (channels.empty()) {
      namespaces(root, nullptr);
      return;
    }
  }
  namespaces(root, channels.front());
  channel(channels.front());
}

void Checker::namespaces(const MarkupNode* root, const MarkupNode* channel) {
  struct Expected {
    const char* prefix;
    const char* uri;
    bool prefix_required;  // AntennaPod matches the itunes prefix, not only the URI
  } expected[] = {{"itunes", kItunesNamespace, true},
                  {"podcast", kPodcastNamespace, false},
                  {"atom", kAtomNamespace, false},
                  {"content", kContentNamespace, false}};
  std::vector<const MarkupNamespace*> decls;
  for (const MarkupNode* n : {root, channel})
    if (n)
      for (const MarkupNamespace* ns = n->declared; ns; ns = ns->next_declared) decls.push_back(ns);
  for (auto& e : expected) {
    const MarkupNamespace* by_prefix = nullptr;
    bool uri_found = false;
    for (const MarkupNamespace* ns : decls) {
      if (!ns->prefix.empty() && ns->prefix == e.prefix) by_prefix = ns;
      if (ns->uri == e.uri && (!e.prefix_required || ns->prefix == e.prefix)) uri_found = true;
    }
    if (uri_found) continue;
    if (by_prefix)
      problem("rss", std::string("xmlns:") + e.prefix + " is \"" + by_prefix->uri +
                         "\", expected \"" + e.uri + "\"");
    else
      problem("rss",
              std::string("namespace xmlns:") + e.prefix + "=\"" + e.uri + "\" is not declared");
  }
}

void Checker::channel(const MarkupNode* ch) {
  const std::string where = "channel";
  auto required_text = [&](const char* ns, const char* name, const std::string& shown) {
    const MarkupNode* n = child(ch, ns, name);
    if (!n || text(n).empty()) problem(where, "missing " + shown);
    return text(n);
  };
  required_text(nullptr, "title", "title");
  std::string description = required_text(nullptr, "description", "description");
  if (description.size() > 4000)
    problem(where, "description is " + std::to_string(description.size()) +
                       " bytes (Apple's limit is 4000)");
  std::string language = required_text(nullptr, "language", "language");
  if (!language.empty() && !valid_language(language))
    problem(where, "language '" + language + "' is not an ISO 639 code like en or en-us");
  std::string link = required_text(nullptr, "link", "link");
  if (!link.empty() && !absolute_http(link))
    problem(where, "link '" + link + "' is not an absolute http(s) URL");

  std::string image = attr(child(ch, kItunesNamespace, "image"), "href").value_or("");
  if (image.empty()) {
    problem(where, "missing itunes:image href");
  } else if (!absolute_http(image)) {
    problem(where, "itunes:image '" + image + "' is not an absolute http(s) URL");
  } else {
    std::string path = image.substr(0, image.find_first_of("?#"));
    std::string ext = lower_ascii(fs::path(path).extension().string());
    if (ext != ".jpg" && ext != ".jpeg" && ext != ".png")
      problem(where, "itunes:image '" + image + "' does not end in .jpg, .jpeg or .png");
  }
  auto category = attr(child(ch, kItunesNamespace, "category"), "text");
  if (!category || trimmed(*category).empty()) problem(where, "missing itunes:category text");
  const MarkupNode* explicit_node = child(ch, kItunesNamespace, "explicit");
  if (!explicit_node)
    problem(where, "missing itunes:explicit");
  else if (text(explicit_node) != "true" && text(explicit_node) != "false")
    problem(where, "itunes:explicit '" + text(explicit_node) + "' must be true or false");
  required_text(kItunesNamespace, "author", "itunes:author");
  if (const MarkupNode* t = child(ch, kItunesNamespace, "type"))
    if (text(t) != "episodic" && text(t) != "serial")
      problem(where, "itunes:type '" + text(t) + "' must be episodic or serial");

  for (const MarkupNode* l : children(ch, kAtomNamespace, "link"))
    if (attr(l, "rel") == "self") r_.self_url = trimmed(attr(l, "href").value_or(""));
  if (r_.self_url.empty()) {
    problem(where, "missing atom:link rel=\"self\" href");
  } else if (!absolute_http(r_.self_url)) {
    problem(where,
            "atom:link rel=\"self\" href '" + r_.self_url + "' is not an absolute http(s) URL");
  }

  const MarkupNode* guid = child(ch, kPodcastNamespace, "guid");
  if (!guid || text(guid).empty())
    problem(where, "missing podcast:guid");
  else if (!is_uuid(text(guid)))
    problem(where, "podcast:guid '" + text(guid) + "' is not a UUID");
  if (const MarkupNode* owner = child(ch, kItunesNamespace, "owner"))
    if (text(child(owner, kItunesNamespace, "email")).empty())
      problem(where, "itunes:owner without itunes:email");
  if (const MarkupNode* locked = child(ch, kPodcastNamespace, "locked")) {
    if (text(locked) != "yes" && text(locked) != "no")
      problem(where, "podcast:locked '" + text(locked) + "' must be yes or no");
    // A lock is verified by e-mailing its owner: "yes" needs an address to e-mail.
    else if (text(locked) == "yes" && trimmed(attr(locked, "owner").value_or("")).empty() &&
             !child(ch, kItunesNamespace, "owner"))
      problem(where, "podcast:locked yes without an owner e-mail (owner=\"…\" or itunes:owner)");
  }

  base_ = opt_.base_url;
  if (base_.empty() && absolute_http(r_.self_url))
    base_ = r_.self_url.substr(0, r_.self_url.rfind('/') + 1);
  if (!base_.empty() && base_.back() != '/') base_ += '/';

  std::size_t index = 0;
  for (const MarkupNode* it : children(ch, nullptr, "item")) item(it, ++index);
  r_.episodes = index;
}

void Checker::item(const MarkupNode* it, std::size_t index) {
  const MarkupNode* guid_node = child(it, nullptr, "guid");
  std::string guid = text(guid_node);
  std::string where =
      "item " + std::to_string(index) + (guid.empty() ? "" : " (guid " + guid + ")");

  std::string title = text(child(it, nullptr, "title"));
  if (title.empty()) problem(where, "missing title");

  if (guid.empty()) {
    problem(where, "missing guid");
  } else {
    auto [pos, fresh] = guids_.emplace(guid, index);
    if (!fresh) problem(where, "guid also used by item " + std::to_string(pos->second));
    if (attr(guid_node, "isPermaLink").value_or("true") != "false" && !absolute_http(guid))
      problem(where, "guid is not a URL but isPermaLink is not \"false\"");
  }

  const MarkupNode* date_node = child(it, nullptr, "pubDate");
  if (!date_node) {
    problem(where, "missing pubDate");
  } else {
    std::string raw = text(date_node);
    Rfc2822Date date = parse_rfc2822(raw);
    if (!date.ok()) {
      problem(where, "pubDate '" + raw + "': " + date.error);
    } else {
      auto now = opt_.now.value_or(
          std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
      if (date.time > now + opt_.future_skew) {
        auto ahead = std::chrono::duration_cast<std::chrono::minutes>(date.time - now).count();
        problem(where, "pubDate '" + raw + "' is " + std::to_string(ahead) +
                           " minutes in the future (apps drop it)");
      }
      if (!title.empty()) {
        char day[16];
        std::snprintf(day, sizeof day, "%04d-%02d-%02d", date.year, date.month, date.day);
        auto [pos, fresh] = day_titles_.emplace(std::string(day) + "\n" + title, index);
        if (!fresh)
          problem(where, "title '" + title + "' also used by item " + std::to_string(pos->second) +
                             " on " + day + " (apps merge them into one episode)");
      }
    }
  }

  auto enclosures = children(it, nullptr, "enclosure");
  if (enclosures.empty()) {
    problem(where, "missing enclosure");
  } else {
    const MarkupNode* e = enclosures.front();
    std::string url = trimmed(attr(e, "url").value_or(""));
    std::string length_text = trimmed(attr(e, "length").value_or(""));
    std::string type = trimmed(attr(e, "type").value_or(""));
    std::optional<std::uint64_t> length = positive_integer(length_text);
    if (url.empty())
      problem(where, "enclosure without url");
    else if (!absolute_http(url))
      problem(where, "enclosure url '" + url + "' is not an absolute http(s) URL");
    if (!url.empty()) {
      auto [pos, fresh] = enclosures_.emplace(url, index);
      if (!fresh) problem(where, "enclosure url also used by item " + std::to_string(pos->second));
    }
    if (length_text.empty())
      problem(where, "enclosure without length");
    else if (!length)
      problem(where, "enclosure length '" + length_text + "' is not a positive integer");
    if (type != "audio/mpeg") problem(where, "enclosure type '" + type + "' is not audio/mpeg");

    std::optional<std::string> rel;
    if (!opt_.root.empty() && absolute_http(url)) rel = local_path(url, base_);
    const bool escapes = rel && (*rel == ".." || rel->starts_with("../"));
    if (escapes) {
      problem(where, "enclosure url '" + url + "' points outside the published folder");
    } else if (rel) {
      std::error_code ec;
      fs::path file = fs::path(opt_.root) / *rel;
      // serve refuses dot folders and files, and anything whose real path leaves the folder.
      bool hidden = false;
      for (const fs::path& part : fs::path(*rel)) hidden = hidden || part.string().starts_with(".");
      const fs::path real_root = fs::weakly_canonical(opt_.root, ec);
      const fs::path real = fs::weakly_canonical(file, ec);
      const fs::path inside = real.lexically_relative(real_root);
      if (!ec && !inside.empty() && *inside.begin() == "..")
        problem(where, "enclosure file " + *rel + " leads outside the published folder");
      for (const fs::path& part : inside) hidden = hidden || part.string().starts_with(".");
      if (hidden)
        problem(where, "enclosure under a hidden (dot) name, which serve refuses (" + *rel + ")");
      ec.clear();
      std::uintmax_t size = fs::file_size(file, ec);
      if (ec)
        problem(where, "enclosure file missing (" + *rel + ")");
      else if (length && size != *length)
        problem(where, "enclosure length " + std::to_string(*length) + " != file size " +
                           std::to_string(size) + " (" + *rel + ")");
    } else if (opt_.remote_length && absolute_http(url)) {
      try {
        std::optional<std::uint64_t> remote = opt_.remote_length(url);
        if (!remote)
          problem(where, "enclosure HEAD " + url + ": no Content-Length");
        else if (length && *remote != *length)
          problem(where, "enclosure length " + std::to_string(*length) + " != Content-Length " +
                             std::to_string(*remote) + " (HEAD " + url + ")");
      } catch (const Error& ex) {
        if (ex.code() != ExitCode::network) throw;  // e.g. interrupted: not the feed's problem
        problem(where, std::string("enclosure ") + ex.what());
      }
    }
  }

  const MarkupNode* duration = child(it, kItunesNamespace, "duration");
  if (!duration)
    problem(where, "missing itunes:duration");
  else if (!valid_duration(text(duration)))
    problem(where, "itunes:duration '" + text(duration) + "' must be whole seconds or H:MM:SS");
  if (const MarkupNode* n = child(it, kItunesNamespace, "episode"))
    if (!positive_integer(text(n)))
      problem(where, "itunes:episode '" + text(n) + "' is not a positive integer");
  if (const MarkupNode* n = child(it, kItunesNamespace, "episodeType"))
    if (text(n) != "full" && text(n) != "trailer" && text(n) != "bonus")
      problem(where, "itunes:episodeType '" + text(n) + "' must be full, trailer or bonus");
  if (const MarkupNode* n = child(it, kItunesNamespace, "explicit"))
    if (text(n) != "true" && text(n) != "false")
      problem(where, "itunes:explicit '" + text(n) + "' must be true or false");

  for (const MarkupNode* t : children(it, kPodcastNamespace, "transcript")) {
    std::string url = trimmed(attr(t, "url").value_or(""));
    std::string type = trimmed(attr(t, "type").value_or(""));
    if (!absolute_http(url))
      problem(where, "podcast:transcript url '" + url + "' is not an absolute http(s) URL");
    if (type != "text/vtt" && type != "application/x-subrip" && type != "application/json" &&
        type != "text/html" && type != "text/plain")
      problem(where, "podcast:transcript type '" + type + "' is not a transcript type");
  }
  for (const MarkupNode* c : children(it, kPodcastNamespace, "chapters")) {
    std::string url = trimmed(attr(c, "url").value_or(""));
    std::string type = trimmed(attr(c, "type").value_or(""));
    if (!absolute_http(url))
      problem(where, "podcast:chapters url '" + url + "' is not an absolute http(s) URL");
    if (type != "application/json+chapters")
      problem(where, "podcast:chapters type '" + type + "' is not application/json+chapters");
  }
}

}  // namespace

FeedValidation check_feed(std::string_view xml, const ValidateOptions& options) {
  FeedValidation result;
  Checker check(options, result);
  if (xml.size() > static_cast<std::size_t>(INT_MAX)) {
    check.problem("document", "larger than 2 GiB");
    return result;
  }
  // No network, and entities are not substituted (see parse_xml).
  const MarkupDocument doc = parse_xml(xml);
  // The first error libxml2 met: the last one is often a consequence ("Premature end of data").
  std::string first_error;
  if (const std::optional<MarkupError>& e = doc.first_error())
    first_error = "line " + std::to_string(e->line) + ": " + trimmed(e->message);
  if (!doc.well_formed()) {
    check.problem("document", "not well-formed XML" +
                                  (first_error.empty() ? std::string() : ": " + first_error));
    return result;
  }
  check.document(doc, first_error);
  return result;
}

std::vector<std::string> validate_feed(std::string_view xml, const ValidateOptions& options) {
  return check_feed(xml, options).problems;
}

}  // namespace briefcast
