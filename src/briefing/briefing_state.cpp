#include "briefing/briefing_state.hpp"

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "base/strings.hpp"
#include "base/uuid.hpp"
#include "briefing/json_fields.hpp"
#include "feed/syndication.hpp"
#include "text/text_encoding.hpp"

namespace briefcast {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kStateVersion = 1;

// ---- Reading the file ----

// The file's bytes, or nullopt when it does not exist. Not read_file_bytes (base/file_read.hpp):
// that cannot tell a missing file from an unreadable one, and only a missing one may start a new
// feed history.
std::optional<std::string> read_if_exists(const fs::path& file) {
  auto close = [](std::FILE* f) { std::fclose(f); };
  errno = 0;
  std::unique_ptr<std::FILE, decltype(close)> in(std::fopen(file.c_str(), "rb"), close);
  if (!in) {
    int err = errno;
    if (err == ENOENT) return std::nullopt;
    throw Error(ExitCode::feed, quoted(file) + ": cannot read: " + std::strerror(err));
  }
  std::string bytes;
  char buf[1 << 16];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, in.get())) bytes.append(buf, n);
  if (std::ferror(in.get()))  // a folder (EISDIR) or an I/O error
    throw Error(ExitCode::feed, quoted(file) + ": cannot read: " + std::strerror(errno));
  return bytes;
}

// ---- Base64, for source bodies that are not UTF-8 (JSON strings must be) ----

const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_encode(const std::string& in) {
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16 |
                 static_cast<unsigned char>(in[i + 1]) << 8 | static_cast<unsigned char>(in[i + 2]);
    for (int k = 3; k >= 0; --k) out += kBase64[(v >> (6 * k)) & 63];
  }
  if (std::size_t rest = in.size() - i; rest) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kBase64[(v >> 18) & 63];
    out += kBase64[(v >> 12) & 63];
    out += rest == 2 ? kBase64[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> base64_decode(const std::string& in) {
  std::string out;
  unsigned v = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') break;
    const char* p = std::strchr(kBase64, c);
    if (!p || !c) return std::nullopt;
    v = (v << 6) | static_cast<unsigned>(p - kBase64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((v >> bits) & 0xFF);
    }
  }
  return out;
}

// ---- Typed values to JSON (save_state) ----

json to_json(const StoryRecord& s) {
  return {{"title", s.title},
          {"url", s.url},
          {"source", s.source},
          {"key", s.key},
          {"start_seconds", s.start_seconds}};
}

json to_json(const EpisodeRecord& e) {
  json stories = json::array();
  for (auto& s : e.stories) stories.push_back(to_json(s));
  return {{"number", e.number},
          {"guid", e.guid},
          {"title", e.title},
          {"date", e.date},
          {"published", e.published},
          {"audio", e.audio},
          {"bytes", e.bytes},
          {"duration_seconds", e.duration_seconds},
          {"transcript_vtt", e.transcript_vtt},
          {"transcript_srt", e.transcript_srt},
          {"chapters", e.chapters},
          {"notes", e.notes},
          {"description", e.description},
          {"content_html", e.content_html},
          {"stories", stories}};
}

// {"text", "spoken", "start", "end", "words": [[offset, length, start], ...]}
json to_json(const TimedSentence& t) {
  json words = json::array();
  for (auto& w : t.words) words.push_back({w.offset, w.length, w.start_seconds});
  return {{"text", t.text},
          {"spoken", t.spoken},
          {"start", t.start_seconds},
          {"end", t.end_seconds},
          {"words", words}};
}

json to_json(const CachedPart& p) {
  json timeline = json::array();
  for (auto& t : p.timeline) timeline.push_back(to_json(t));
  return {{"file", p.file},
          {"duration_seconds", p.duration_seconds},
          {"last_used", p.last_used},
          {"timeline", timeline}};
}

// {"feeds": {"URL": {"etag": ..., "last_modified": ..., "content_type": ..., "final_url": ...,
//   "fetched": "2026-03-03T08:00:00Z", "body": "..."}}}; a body that is not valid UTF-8 goes
// base64-encoded under "body_base64" instead.
json to_json(const SourceState& sources) {
  json feeds = json::object();
  for (auto& [url, e] : sources.feeds) {
    json j = {{"etag", e.etag},
              {"last_modified", e.last_modified},
              {"content_type", e.content_type},
              {"final_url", e.final_url},
              {"fetched", format_iso8601(e.fetched)}};
    if (is_valid_utf8(e.body))
      j["body"] = e.body;
    else
      j["body_base64"] = base64_encode(e.body);
    feeds[url] = std::move(j);
  }
  return json{{"feeds", std::move(feeds)}};
}

// ---- JSON to typed values, checked (load_state) ----

// A time or duration in seconds: a finite number, not negative.
double seconds(const JsonFields& f) {
  double v = f.as_number();
  if (!std::isfinite(v) || v < 0)
    f.fail_here("expected seconds (0 or more), got " + JsonFields::format(v));
  return v;
}

StoryRecord story_from(const JsonFields& f) {
  StoryRecord s;
  s.title = f.member("title").as_string();
  s.url = f.member("url").as_string();
  s.source = f.member("source").as_string();
  s.key = f.member("key").as_string();
  s.start_seconds = seconds(f.member("start_seconds"));
  return s;
}

EpisodeRecord episode_from(const JsonFields& f) {
  EpisodeRecord e;
  e.number = static_cast<int>(f.member("number").as_integer(1, INT_MAX));
  e.guid = f.member("guid").as_string();
  e.title = f.member("title").as_string();
  e.date = f.member("date").as_string();
  e.published = f.member("published").as_integer(INT64_MIN, INT64_MAX);
  e.audio = f.member("audio").as_string();
  e.bytes = f.member("bytes").as_unsigned();
  e.duration_seconds = seconds(f.member("duration_seconds"));
  e.transcript_vtt = f.member("transcript_vtt").as_string();
  e.transcript_srt = f.member("transcript_srt").as_string();
  e.chapters = f.member("chapters").as_string();
  e.notes = f.member("notes").as_string();
  e.description = f.member("description").as_string();
  e.content_html = f.member("content_html").as_string();
  JsonFields stories = f.member("stories");
  stories.expect_array();
  for (std::size_t i = 0; i < stories.size(); ++i)
    e.stories.push_back(story_from(stories.element(i)));
  return e;
}

TimedSentence sentence_from(const JsonFields& f) {
  TimedSentence t;
  t.text = f.member("text").as_string();
  t.spoken = f.member("spoken").as_string();
  t.start_seconds = seconds(f.member("start"));
  t.end_seconds = seconds(f.member("end"));
  if (t.end_seconds < t.start_seconds)
    f.fail("end", "ends at " + JsonFields::format(t.end_seconds) + " s, before its start at " +
                      JsonFields::format(t.start_seconds) + " s");
  JsonFields words = f.member("words");
  words.expect_array();
  for (std::size_t i = 0; i < words.size(); ++i) {
    JsonFields w = words.element(i);  // [offset, length, start]
    w.expect_array();
    if (w.size() != 3)
      w.fail_here("expected [offset, length, start], got " + std::to_string(w.size()) +
                  " elements");
    TimedSentence::Word word;
    word.offset = w.element(0).as_unsigned();
    word.length = w.element(1).as_unsigned();
    word.start_seconds = seconds(w.element(2));
    if (word.offset > t.spoken.size() || word.length > t.spoken.size() - word.offset)
      w.fail_here("word at bytes " + std::to_string(word.offset) + "+" +
                  std::to_string(word.length) + " is outside 'spoken' (" +
                  std::to_string(t.spoken.size()) + " bytes)");
    t.words.push_back(word);
  }
  return t;
}

CachedPart cached_part_from(const JsonFields& f) {
  CachedPart p;
  p.file = f.member("file").as_string();
  p.duration_seconds = seconds(f.member("duration_seconds"));
  p.last_used = f.member("last_used").as_string();
  JsonFields timeline = f.member("timeline");
  timeline.expect_array();
  for (std::size_t i = 0; i < timeline.size(); ++i)
    p.timeline.push_back(sentence_from(timeline.element(i)));
  return p;
}

// Lenient: the sources state is only a cache of HTTP validators; an entry that cannot be used
// costs one full download.
SourceState sources_from(const json& j) {
  SourceState s;
  if (!j.is_object()) return s;
  auto feeds = j.find("feeds");
  if (feeds == j.end() || !feeds->is_object()) return s;
  auto str = [](const json& o, const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  for (auto& [url, o] : feeds->items()) {
    if (!o.is_object()) continue;
    SourceState::Entry e;
    e.etag = str(o, "etag");
    e.last_modified = str(o, "last_modified");
    e.content_type = str(o, "content_type");
    e.final_url = str(o, "final_url");
    if (auto t = parse_feed_date(str(o, "fetched"))) e.fetched = *t;
    if (o.contains("body_base64")) {
      auto body = base64_decode(str(o, "body_base64"));
      if (!body) continue;
      e.body = std::move(*body);
    } else {
      e.body = str(o, "body");
    }
    s.feeds[url] = std::move(e);
  }
  return s;
}

BriefingState state_from(const JsonFields& top) {
  if (!top.value().is_object())
    top.fail_here("not a valid briefcast state file (expected a JSON object, got " +
                  std::string(top.value().type_name()) +
                  "); move it away to start a new feed history");
  JsonFields version = top.member("version");
  if (version.as_integer(INT64_MIN, INT64_MAX) != kStateVersion)
    top.fail_here("unknown state version " + version.value().dump() +
                  " (written by a newer briefcast?)");
  BriefingState state;
  if (top.find("podcast_guid", false)) {
    JsonFields guid = top.member("podcast_guid");
    state.podcast_guid = guid.as_string();
    if (!is_uuid(state.podcast_guid))
      guid.fail_here("expected a UUID, got '" + state.podcast_guid + "'");
  }
  state.next_episode_number =
      static_cast<int>(top.member("next_episode_number").as_integer(1, INT_MAX));
  JsonFields episodes = top.member("episodes");
  episodes.expect_array();
  for (std::size_t i = 0; i < episodes.size(); ++i)
    state.episodes.push_back(episode_from(episodes.element(i)));
  for (auto& [key, date] : top.member("broadcast").members())
    state.broadcast.emplace(key, date.as_string());
  for (auto& [fingerprint, part] : top.member("cache").members())
    state.cache.emplace(fingerprint, cached_part_from(part));
  if (const json* sources = top.find("sources", false)) state.sources = sources_from(*sources);
  return state;
}

}  // namespace

BriefingState load_state(const fs::path& file) {
  std::optional<std::string> text = read_if_exists(file);
  if (!text) return {};
  json j;
  try {
    j = json::parse(*text);
  } catch (const json::exception& e) {  // syntax, or a number beyond a double's range
    throw Error(ExitCode::feed, quoted(file) + ": not a valid briefcast state file (" + e.what() +
                                    "); move it away to start a new feed history");
  }
  return state_from(JsonFields(j, file.string()));
}

void save_state(const BriefingState& state, const fs::path& file) {
  json episodes = json::array();
  for (auto& e : state.episodes) episodes.push_back(to_json(e));
  json cache = json::object();
  for (auto& [fingerprint, part] : state.cache) cache[fingerprint] = to_json(part);
  json j = {{"version", kStateVersion}, {"next_episode_number", state.next_episode_number},
            {"episodes", episodes},     {"broadcast", state.broadcast},
            {"cache", cache},           {"sources", to_json(state.sources)}};
  if (!state.podcast_guid.empty()) j["podcast_guid"] = state.podcast_guid;
  write_file_atomically(file, j.dump(1) + "\n");
}

}  // namespace briefcast
