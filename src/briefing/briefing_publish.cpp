#include "briefing/briefing_publish.hpp"

#include <algorithm>
#include <set>

#include "audio/id3_tags.hpp"
#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "base/file_read.hpp"
#include "base/strings.hpp"
#include "base/uuid.hpp"
#include "feed/feed_validator.hpp"

namespace briefcast {

namespace fs = std::filesystem;

std::string url_join(const std::string& base, const std::string& rel) {
  std::string b = base;
  if (b.empty() || b.back() != '/') b += '/';
  return b + rel;
}

Episode to_feed_episode(const EpisodeRecord& e, const std::string& base, const std::string& lang) {
  Episode out;
  out.title = e.title;
  out.guid = e.guid;
  out.pub_date = std::chrono::sys_seconds(std::chrono::seconds(e.published));
  out.enclosure_url = url_join(base, e.audio);
  out.enclosure_length = e.bytes;
  out.duration_seconds = e.duration_seconds;
  out.episode_number = e.number;
  out.description = e.description;
  out.content_html = e.content_html;
  if (!e.transcript_vtt.empty()) out.transcript_url = url_join(base, e.transcript_vtt);
  if (!e.transcript_srt.empty()) out.transcript_srt_url = url_join(base, e.transcript_srt);
  if (!e.chapters.empty()) out.chapters_url = url_join(base, e.chapters);
  if (!e.notes.empty()) out.link = url_join(base, e.notes);
  out.language = lang;
  return out;
}

Channel make_channel(const ShowConfig& show, const std::string& base_url,
                     const std::string& feed_url, const std::string& guid,
                     std::chrono::sys_seconds built) {
  Channel c;
  c.title = show.title;
  c.link = base_url;
  c.description = show.description;
  c.language = lower_ascii(show.language);
  c.author = show.author;
  c.owner_name = show.author;
  c.owner_email = show.owner_email;
  if (!show.cover.empty())
    c.image_url = url_join(base_url, "cover" + show.cover.extension().string());
  c.category = show.category;
  c.subcategory = show.subcategory;
  c.explicit_content = show.explicit_content;
  c.self_url = feed_url;
  c.podcast_guid = guid.empty() ? podcast_guid(feed_url) : guid;
  c.locked = !show.owner_email.empty();
  c.last_build_date = built;
  c.generator = std::string("briefcast ") + BRIEFCAST_VERSION;
  return c;
}

PageShow page_show(const ShowConfig& show, const std::string& feed_url) {
  PageShow p;
  p.title = show.title;
  p.description = show.description;
  p.author = show.author;
  p.language = show.language;
  if (!show.cover.empty()) p.cover = "cover" + show.cover.extension().string();
  p.feed_url = feed_url;
  return p;
}

PageEpisode page_episode(const EpisodeRecord& e) {
  PageEpisode p;
  p.title = e.title;
  p.date = e.date;
  p.duration_seconds = e.duration_seconds;
  p.page = e.notes;
  p.audio = e.audio;
  p.chapters_json = e.chapters;
  p.vtt = e.transcript_vtt;
  p.srt = e.transcript_srt;
  return p;
}

Retention apply_retention(const std::vector<EpisodeRecord>& current, const EpisodeRecord& added,
                          int keep_episodes) {
  Retention r;
  int first_number = added.number;
  for (auto& e : current) {
    first_number = std::min(first_number, e.number);
    if (e.date == added.date)
      r.removed.push_back(e);
    else
      r.episodes.push_back(e);
  }
  r.episodes.push_back(added);
  // By the day each episode is for (a back-dated episode goes before later days), then by when
  // it was published; the numbers follow that order from the first episode kept.
  std::sort(r.episodes.begin(), r.episodes.end(), [](auto& a, auto& b) {
    if (a.date != b.date) return a.date < b.date;
    return a.published < b.published;
  });
  for (auto& e : r.episodes) e.number = first_number++;
  if (keep_episodes > 0)
    while (r.episodes.size() > static_cast<std::size_t>(keep_episodes)) {
      r.removed.push_back(r.episodes.front());
      r.episodes.erase(r.episodes.begin());
    }
  return r;
}

std::string episode_stem(const std::string& day, const fs::path& root,
                         const std::vector<EpisodeRecord>& episodes) {
  std::string stem = day;
  for (int n = 2; fs::exists(root / "episodes" / (stem + ".mp3")) ||
                  std::any_of(episodes.begin(), episodes.end(),
                              [&](auto& e) { return e.audio == "episodes/" + stem + ".mp3"; });
       ++n)
    stem = day + "-" + std::to_string(n);
  return stem;
}

void write_episode_files(const fs::path& root, const std::string& stem,
                         const std::vector<TranscriptCue>& cues,
                         const std::vector<Chapter>& chapters, const std::string& page_html) {
  const fs::path dir = root / "episodes";
  write_file_atomically(dir / (stem + ".vtt"), render_webvtt(cues));
  write_file_atomically(dir / (stem + ".srt"), render_srt(cues));
  write_file_atomically(dir / (stem + ".chapters.json"), render_chapters_json(chapters));
  write_file_atomically(dir / (stem + ".html"), page_html);
}

void publish_cover(const fs::path& cover, const fs::path& root) {
  const fs::path published = root / ("cover" + cover.extension().string());
  std::string bytes = read_regular_file(cover, kMaxCoverBytes);
  if (!fs::exists(published) || read_file_bytes(published) != bytes)
    write_file_atomically(published, bytes);
}

std::string render_checked_feed(const Channel& channel, const std::vector<EpisodeRecord>& episodes,
                                const std::string& base_url, const std::string& language,
                                const fs::path& root, std::ostream& log) {
  std::vector<Episode> items;
  for (auto& e : episodes) items.push_back(to_feed_episode(e, base_url, language));
  const std::string xml = render_rss(channel, items);
  ValidateOptions vo;
  vo.name = (root / "feed.xml").string();
  vo.root = root.string();
  vo.base_url = base_url;
  std::vector<std::string> problems = validate_feed(xml, vo);
  if (!problems.empty()) {
    for (auto& p : problems) log << "briefcast: " << p << "\n";
    throw Error(ExitCode::invalid, "'" + vo.name + "': the new feed does not validate (" +
                                       std::to_string(problems.size()) +
                                       " problem(s) above); nothing was published");
  }
  return xml;
}

void publish_feed(BriefingState& state, const Retention& retention, const EpisodeRecord& added,
                  const std::string& feed_xml, const std::string& show_page, const fs::path& root,
                  const fs::path& state_file, const EpisodeDay& day) {
  state.episodes = retention.episodes;
  state.next_episode_number = std::max(state.next_episode_number, added.number + 1);
  for (auto& e : state.episodes)
    state.next_episode_number = std::max(state.next_episode_number, e.number + 1);
  for (auto& s : added.stories) state.broadcast.emplace(s.key, day.date);
  const std::vector<std::string> stale = take_stale_cache_entries(state.cache, day);
  save_state(state, state_file);
  if (!show_page.empty()) write_file_atomically(root / "index.html", show_page);
  write_file_atomically(root / "feed.xml", feed_xml);
  // Published: from here on only files are removed, and nothing can fail (exit 0 ⇔ published).
  for (auto& e : retention.removed) remove_episode_files(e, root);
  for (const std::string& file : stale) {
    std::error_code ec;
    fs::remove(root / file, ec);
  }
  remove_orphaned_episode_files(state.episodes, root);
}

void remove_orphaned_episode_files(const std::vector<EpisodeRecord>& episodes,
                                   const fs::path& root) noexcept {
  try {
    std::set<fs::path> referenced;
    for (auto& e : episodes)
      for (auto* rel : {&e.audio, &e.transcript_vtt, &e.transcript_srt, &e.chapters, &e.notes})
        if (!rel->empty()) referenced.insert((root / *rel).lexically_normal());
    std::error_code ec;
    std::vector<fs::path> orphans;
    for (fs::directory_iterator it(root / "episodes", ec), end; !ec && it != end;
         it.increment(ec)) {
      const fs::path& p = it->path();
      // Dot files are temporaries (remove_stale_temporaries' business) or not ours.
      if (p.filename().string().starts_with(".") || !it->is_regular_file(ec)) continue;
      if (!referenced.count(p.lexically_normal())) orphans.push_back(p);
    }
    for (const fs::path& p : orphans) fs::remove(p, ec);
  } catch (...) {  // a file left behind is removed by the next build
  }
}

void remove_episode_files(const EpisodeRecord& e, const fs::path& root) {
  for (auto* rel : {&e.audio, &e.transcript_vtt, &e.transcript_srt, &e.chapters, &e.notes}) {
    if (rel->empty()) continue;
    std::error_code ec;
    fs::remove(root / *rel, ec);
  }
}

std::vector<std::string> take_stale_cache_entries(std::map<std::string, CachedPart>& cache,
                                                  const EpisodeDay& day) {
  std::vector<std::string> files;
  for (auto it = cache.begin(); it != cache.end();) {
    if (unused_for_longer_than(it->second.last_used, day, kCacheDays)) {
      files.push_back(it->second.file);
      it = cache.erase(it);
    } else {
      ++it;
    }
  }
  return files;
}

void prune_cache(std::map<std::string, CachedPart>& cache, const fs::path& root,
                 const EpisodeDay& day) {
  for (const std::string& file : take_stale_cache_entries(cache, day)) {
    std::error_code ec;
    fs::remove(root / file, ec);
  }
}

}  // namespace briefcast
