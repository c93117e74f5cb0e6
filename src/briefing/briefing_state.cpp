#include "briefing/briefing_state.hpp"

#include <fstream>
#include <sstream>

#include "base/atomic_file.hpp"
#include "base/error.hpp"

namespace briefcast {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kStateVersion = 1;

json to_json(const StoryRecord& s) {
  return {{"title", s.title}, {"url", s.url}, {"source", s.source}, {"key", s.key},
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

StoryRecord story_from(const json& j) {
  StoryRecord s;
  s.title = j.at("title").get<std::string>();
  s.url = j.at("url").get<std::string>();
  s.source = j.at("source").get<std::string>();
  s.key = j.at("key").get<std::string>();
  s.start_seconds = j.at("start_seconds").get<double>();
  return s;
}

EpisodeRecord episode_from(const json& j) {
  EpisodeRecord e;
  e.number = j.at("number").get<int>();
  e.guid = j.at("guid").get<std::string>();
  e.title = j.at("title").get<std::string>();
  e.date = j.at("date").get<std::string>();
  e.published = j.at("published").get<std::int64_t>();
  e.audio = j.at("audio").get<std::string>();
  e.bytes = j.at("bytes").get<std::uint64_t>();
  e.duration_seconds = j.at("duration_seconds").get<double>();
  e.transcript_vtt = j.at("transcript_vtt").get<std::string>();
  e.transcript_srt = j.at("transcript_srt").get<std::string>();
  e.chapters = j.at("chapters").get<std::string>();
  e.notes = j.at("notes").get<std::string>();
  e.description = j.at("description").get<std::string>();
  e.content_html = j.at("content_html").get<std::string>();
  for (auto& s : j.at("stories")) e.stories.push_back(story_from(s));
  return e;
}

}  // namespace

BriefingState load_state(const fs::path& file) {
  BriefingState state;
  std::ifstream in(file, std::ios::binary);
  if (!in) return state;
  std::stringstream buf;
  buf << in.rdbuf();
  try {
    json j = json::parse(buf.str());
    if (j.at("version").get<int>() != kStateVersion)
      throw Error(ExitCode::feed, "'" + file.string() + "': unknown state version " +
                                      j.at("version").dump() + " (written by a newer briefcast?)");
    state.next_episode_number = j.at("next_episode_number").get<int>();
    for (auto& e : j.at("episodes")) state.episodes.push_back(episode_from(e));
    state.broadcast = j.at("broadcast").get<std::map<std::string, std::string>>();
    for (auto& [fp, c] : j.at("cache").items()) {
      CachedPart p;
      p.file = c.at("file").get<std::string>();
      p.duration_seconds = c.at("duration_seconds").get<double>();
      p.last_used = c.at("last_used").get<std::string>();
      p.timeline = c.at("timeline");
      state.cache.emplace(fp, std::move(p));
    }
    state.sources = j.value("sources", json::object());
  } catch (const json::exception& e) {
    throw Error(ExitCode::feed, "'" + file.string() + "': not a valid briefcast state file (" +
                                    e.what() + "); move it away to start a new feed history");
  }
  return state;
}

void save_state(const BriefingState& state, const fs::path& file) {
  json episodes = json::array();
  for (auto& e : state.episodes) episodes.push_back(to_json(e));
  json cache = json::object();
  for (auto& [fp, p] : state.cache)
    cache[fp] = {{"file", p.file},
                 {"duration_seconds", p.duration_seconds},
                 {"last_used", p.last_used},
                 {"timeline", p.timeline}};
  json j = {{"version", kStateVersion},
            {"next_episode_number", state.next_episode_number},
            {"episodes", episodes},
            {"broadcast", state.broadcast},
            {"cache", cache},
            {"sources", state.sources}};
  write_file_atomically(file, j.dump(1) + "\n");
}

}  // namespace briefcast
