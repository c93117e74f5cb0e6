#include "briefing/feed_config.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <utility>

#include "audio/id3_tags.hpp"
#include "base/error.hpp"
#include "base/file_read.hpp"
#include "base/strings.hpp"
#include "base/uuid.hpp"
#include "briefing/episode_template.hpp"
#include "briefing/json_fields.hpp"
#include "feed/apple_categories.hpp"
#include "net/url_tools.hpp"

namespace briefcast {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

template <class List>
std::string join(const List& items) {
  std::string s;
  for (auto& i : items) s += (s.empty() ? "" : ", ") + std::string(i);
  return s;
}

bool is_alpha(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}
bool is_alnum(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

// BCP 47 language tag, the common shape: language[-script][-region][-variant...][-x-private].
bool is_bcp47(const std::string& tag) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t dash = tag.find('-', start);
    parts.push_back(tag.substr(start, dash == std::string::npos ? dash : dash - start));
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  if (parts[0].size() < 2 || parts[0].size() > 3 || !is_alpha(parts[0])) return false;
  std::size_t i = 1;
  if (i < parts.size() && parts[i].size() == 4 && is_alpha(parts[i])) ++i;  // script
  if (i < parts.size() && ((parts[i].size() == 2 && is_alpha(parts[i])) ||
                           (parts[i].size() == 3 && all_digits(parts[i]))))
    ++i;  // region
  for (; i < parts.size(); ++i) {
    const std::string& p = parts[i];
    if (p == "x" || p == "X") {  // private use: the rest are 1-8 alphanumerics
      if (i + 1 == parts.size()) return false;
      for (++i; i < parts.size(); ++i)
        if (parts[i].empty() || parts[i].size() > 8 || !is_alnum(parts[i])) return false;
      return true;
    }
    bool variant =
        is_alnum(p) && ((p.size() >= 5 && p.size() <= 8) || (p.size() == 4 && is_digit(p[0])));
    if (!variant) return false;
  }
  return true;
}

bool is_email(const std::string& s) {
  std::size_t at = s.find('@');
  if (at == 0 || at == std::string::npos || s.find('@', at + 1) != std::string::npos) return false;
  std::string domain = s.substr(at + 1);
  std::size_t dot = domain.find('.');
  return dot != std::string::npos && dot > 0 && dot + 1 < domain.size() &&
         s.find_first_of(" \t\r\n<>,;\"") == std::string::npos;
}

fs::path resolve_path(const fs::path& dir, const std::string& p) {
  fs::path path(p);
  return (path.is_absolute() ? path : dir / path).lexically_normal();
}

// Reads a path field that must name an existing regular file; returns it absolute.
fs::path existing_file(const JsonFields& r, const std::string& key, const fs::path& dir,
                       const std::vector<std::string>& extensions = {}) {
  std::string text;
  if (!r.string(key, text)) return {};
  fs::path p = resolve_path(dir, text);
  std::error_code ec;
  if (!fs::exists(p, ec)) r.fail(key, "no such file '" + p.string() + "'");
  if (!fs::is_regular_file(p, ec)) r.fail(key, "'" + p.string() + "' is not a file");
  if (!extensions.empty()) {
    std::string ext = lower_ascii(p.extension().string());
    if (std::find(extensions.begin(), extensions.end(), ext) == extensions.end())
      r.fail(key, "expected a " + join(extensions) + " file, got '" + p.filename().string() + "'");
  }
  return p;
}

// The optional "voice" and "language" pins of the feed or of one source.
void read_voice_pin(const JsonFields& r, const fs::path& dir, std::string& voice,
                    std::string& language) {
  const bool has_voice = r.string("voice", voice);
  if (r.string("language", language)) {
    if (has_voice) r.fail("language", "give \"voice\" or \"language\", not both");
    if (!is_bcp47(language))
      r.fail("language",
             "expected a BCP 47 language tag such as \"fr\" or \"de-CH\", got '" + language + "'");
  }
  if (has_voice && (voice.find('/') != std::string::npos || voice.ends_with(".json"))) {
    fs::path p = resolve_path(dir, voice);
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) r.fail("voice", "no such voice profile '" + p.string() + "'");
    voice = p.string();
  }
}

void check_template(const JsonFields& r, const std::string& key, const std::string& text,
                    bool allow_stories) {
  try {
    TemplateValues probe;
    probe.show = "x";
    render_template(text, probe, allow_stories);
  } catch (const Error& e) {
    r.fail(key, e.what());
  }
}

ShowConfig read_show(const JsonFields& r, const fs::path& dir) {
  r.only({"title", "description", "author", "owner_email", "language", "category", "subcategory",
          "explicit", "cover", "base_url", "podcast_guid"});
  ShowConfig s;
  r.string("title", s.title, true);
  if (s.title.size() > 255) r.fail("title", "longer than 255 bytes");
  r.string("description", s.description, true);
  if (s.description.size() > 4000) r.fail("description", "longer than 4000 bytes");
  r.string("author", s.author, true);
  if (r.string("owner_email", s.owner_email) && !is_email(s.owner_email))
    r.fail("owner_email", "expected an e-mail address, got '" + s.owner_email + "'");
  if (r.string("podcast_guid", s.podcast_guid)) {
    if (!is_uuid(s.podcast_guid))
      r.fail("podcast_guid",
             "expected a UUID such as \"9b024349-ccf0-5f69-a609-6b82873eab3c\", got '" +
                 s.podcast_guid + "'");
    s.podcast_guid = lower_ascii(s.podcast_guid);
  }
  r.string("language", s.language, true);
  if (!is_bcp47(s.language))
    r.fail("language",
           "expected a BCP 47 language tag such as \"en-US\", got '" + s.language + "'");
  r.string("category", s.category, true);
  const AppleCategory* cat = find_apple_category(s.category);
  if (!cat) {
    std::vector<const char*> names;
    for (auto& c : apple_categories()) names.push_back(c.name);
    r.fail("category",
           "expected one of Apple's categories (" + join(names) + "), got '" + s.category + "'");
  }
  if (r.string("subcategory", s.subcategory) && !is_apple_category(s.category, s.subcategory)) {
    if (cat->subcategories.empty())
      r.fail("subcategory",
             "'" + s.category + "' has no subcategories, got '" + s.subcategory + "'");
    r.fail("subcategory", "expected one of the subcategories of '" + s.category + "' (" +
                              join(cat->subcategories) + "), got '" + s.subcategory + "'");
  }
  r.boolean("explicit", s.explicit_content);
  s.cover = existing_file(r, "cover", dir, {".jpg", ".jpeg", ".png"});
  std::error_code size_ec;
  if (!s.cover.empty() && fs::file_size(s.cover, size_ec) > kMaxCoverBytes && !size_ec)
    r.fail("cover", "'" + s.cover.string() + "' is larger than " + std::to_string(kMaxCoverBytes) +
                        " bytes");
  r.string("base_url", s.base_url, true);
  UrlParts u = split_url(s.base_url);
  if (!is_http_url(s.base_url))
    r.fail("base_url", "expected an http:// or https:// URL, got '" + s.base_url + "'");
  if (u.has_query || u.has_fragment)
    r.fail("base_url", "must be a folder URL without '?' or '#', got '" + s.base_url + "'");
  if (!s.base_url.ends_with("/")) s.base_url += '/';
  return s;
}

SourceConfig read_source(const JsonFields& r, const fs::path& dir) {
  r.only({"type", "name", "path", "url", "max_items", "fetch_articles", "allow_private",
          "fetch_budget_seconds", "voice", "language"});
  SourceConfig s;
  std::string type;
  r.string("type", type, true);
  if (type == "file")
    s.type = SourceType::file;
  else if (type == "folder")
    s.type = SourceType::folder;
  else if (type == "feed")
    s.type = SourceType::feed;
  else
    r.fail("type", "expected \"file\", \"folder\" or \"feed\", got '" + type + "'");

  bool has_path = r.value().contains("path"), has_url = r.value().contains("url");
  if (s.type != SourceType::feed && has_url)
    r.fail("url", "only a \"feed\" source has a URL; use \"path\" for a " + type);
  if (s.type != SourceType::feed && r.value().contains("fetch_articles"))
    r.fail("fetch_articles", "only a \"feed\" source fetches articles");
  for (const char* field : {"allow_private", "fetch_budget_seconds"})
    if (s.type != SourceType::feed && r.value().contains(field))
      r.fail(field, "only a \"feed\" source fetches anything");
  if (s.type == SourceType::feed && has_path == has_url)
    r.fail(has_path ? "url" : "path", "a feed source needs either \"url\" or \"path\", not " +
                                          std::string(has_path ? "both" : "neither"));
  std::error_code ec;
  if (s.type == SourceType::file) {
    s.path = existing_file(r, "path", dir, {".txt", ".md", ".markdown", ".html", ".htm"});
    if (s.path.empty()) r.fail("path", "missing");
  } else if (s.type == SourceType::folder) {
    std::string text;
    r.string("path", text, true);
    s.path = resolve_path(dir, text);
    if (!fs::is_directory(s.path, ec)) r.fail("path", "no such folder '" + s.path.string() + "'");
  } else if (has_url) {
    r.string("url", s.url, true);
    if (!is_http_url(s.url))
      r.fail("url", "expected an http:// or https:// URL, got '" + s.url + "'");
  } else {
    s.path = existing_file(r, "path", dir);
  }
  if (!r.string("name", s.name)) {
    if (!s.url.empty())
      s.name = split_url(s.url).host;
    else
      s.name = s.path.filename().string();
  }
  r.integer("max_items", 1, 100, s.max_items);
  r.boolean("fetch_articles", s.fetch_articles);
  r.boolean("allow_private", s.allow_private);
  r.integer("fetch_budget_seconds", 1, 3600, s.fetch_budget_seconds);
  read_voice_pin(r, dir, s.voice, s.language);
  return s;
}

EpisodeConfig read_episode(const JsonFields& r, const fs::path& dir) {
  r.only({"title", "intro", "outro", "intro_sound", "outro_sound", "between_sound"});
  EpisodeConfig e;
  if (r.string("title", e.title)) check_template(r, "title", e.title, false);
  if (e.title.size() > 255) r.fail("title", "longer than 255 bytes");
  if (r.string("intro", e.intro, false, false)) check_template(r, "intro", e.intro, true);
  if (r.string("outro", e.outro, false, false)) check_template(r, "outro", e.outro, true);
  e.intro_sound = existing_file(r, "intro_sound", dir);
  e.outro_sound = existing_file(r, "outro_sound", dir);
  e.between_sound = existing_file(r, "between_sound", dir);
  return e;
}

}  // namespace

const char* to_string(SourceType type) {
  switch (type) {
    case SourceType::file:
      return "file";
    case SourceType::folder:
      return "folder";
    case SourceType::feed:
      return "feed";
  }
  return "?";
}

FeedConfig parse_feed_config(const std::string& text, const fs::path& file) {
  std::string origin = file.string();
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    throw Error(ExitCode::feed, "'" + origin + "': invalid JSON at byte " + std::to_string(e.byte) +
                                    ": " + e.what());
  } catch (const json::exception& e) {  // a number beyond a double's range (out_of_range.406)
    throw Error(ExitCode::feed, "'" + origin + "': invalid JSON: " + e.what());
  }
  if (!j.is_object()) throw Error(ExitCode::feed, "'" + origin + "': expected a JSON object");
  FeedConfig c;
  c.file = fs::absolute(file).lexically_normal();
  c.name = file.stem().string();
  fs::path dir = c.file.parent_path();

  JsonFields top(j, origin);
  top.only({"show", "output", "voice", "language", "sources", "episode", "limits", "retention",
            "audio"});
  c.show = read_show(top.object("show", true), dir);

  std::string output;
  top.string("output", output, true);
  c.output_dir = resolve_path(dir, output);

  read_voice_pin(top, dir, c.voice, c.language);

  const json* sources = top.find("sources", true);
  if (!sources->is_array())
    top.fail("sources", "expected an array, got " + std::string(sources->type_name()));
  if (sources->empty()) top.fail("sources", "expected at least one source");
  for (std::size_t i = 0; i < sources->size(); ++i) {
    std::string key = "sources[" + std::to_string(i) + "]";
    const json& s = (*sources)[i];
    if (!s.is_object()) top.fail(key, "expected an object, got " + std::string(s.type_name()));
    JsonFields r(s, origin, key);
    SourceConfig src = read_source(r, dir);
    for (std::size_t k = 0; k < c.sources.size(); ++k)
      if (c.sources[k].name == src.name)
        r.fail("name", "'" + src.name + "' is also the name of sources[" + std::to_string(k) +
                           "] (names must be unique)");
    c.sources.push_back(std::move(src));
  }

  c.episode = read_episode(top.object("episode", false), dir);

  JsonFields limits = top.object("limits", false);
  limits.only({"max_stories", "max_minutes", "fetch_budget_seconds", "parallel_fetches"});
  limits.integer("max_stories", 1, 100, c.max_stories);
  limits.integer("max_minutes", 1, 240, c.max_minutes);
  limits.integer("fetch_budget_seconds", 1, 7200, c.fetch_budget_seconds);
  limits.integer("parallel_fetches", 1, 16, c.parallel_fetches);

  JsonFields retention = top.object("retention", false);
  retention.only({"keep_episodes"});
  retention.integer("keep_episodes", 1, 10000, c.keep_episodes);

  JsonFields audio = top.object("audio", false);
  audio.only({"bitrate_kbps", "sample_rate_hz", "loudness_lufs", "true_peak_dbtp"});
  static const std::vector<int> bitrates = {32,  40,  48,  56,  64,  80,  96,
                                            112, 128, 160, 192, 224, 256, 320};
  audio.integer("bitrate_kbps", 32, 320, c.mp3.bitrate_kbps);
  if (std::find(bitrates.begin(), bitrates.end(), c.mp3.bitrate_kbps) == bitrates.end())
    audio.fail("bitrate_kbps", "expected one of the MP3 bitrates (" + join([&] {
                                 std::vector<std::string> v;
                                 for (int b : bitrates) v.push_back(std::to_string(b));
                                 return v;
                               }()) +
                                   "), got " + std::to_string(c.mp3.bitrate_kbps));
  int rate = static_cast<int>(c.mp3.sample_rate_hz);
  if (const json* v = audio.find("sample_rate_hz", false)) {
    if (!v->is_number_integer() || (v->get<long long>() != 44100 && v->get<long long>() != 48000))
      audio.fail("sample_rate_hz",
                 "expected 44100 or 48000 (what Apple Podcasts accepts), got " + v->dump());
    rate = v->get<int>();
  }
  c.mp3.sample_rate_hz = static_cast<unsigned>(rate);
  audio.number("loudness_lufs", -36, -10, c.loudness.target_lufs);
  audio.number("true_peak_dbtp", -9, 0, c.loudness.true_peak_dbtp);
  return c;
}

FeedConfig load_feed_config(const fs::path& file) {
  std::string text;
  try {
    text = read_file_bytes(file);
  } catch (const Error&) {
    // A feed definition that cannot be read is a feed error (exit 8), like a bad one.
    throw Error(ExitCode::feed, quoted(file) + ": cannot read feed definition");
  }
  return parse_feed_config(text, file);
}

}  // namespace briefcast
