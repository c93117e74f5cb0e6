// Publishing a built episode: records to feed items and channel, retention, the episode's file
// names and side files, the cover, the feed checked before it is written, and the order of
// publication (state, feed, then deletions and the cache pruned).
#include "briefing/briefing_publish.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "base/error.hpp"
#include "base/uuid.hpp"
#include "feed/show_notes.hpp"
#include "support/test_support.hpp"
#include "support/time_points.hpp"

using namespace briefcast;
namespace fs = std::filesystem;

namespace {

EpisodeRecord record(const std::string& date, std::int64_t published, int number) {
  EpisodeRecord e;
  e.number = number;
  e.guid = "guid-" + date;
  e.title = "Briefing " + date;
  e.date = date;
  e.published = published;
  e.audio = "episodes/" + date + ".mp3";
  e.bytes = 1000;
  e.duration_seconds = 61.4;
  e.transcript_vtt = "episodes/" + date + ".vtt";
  e.transcript_srt = "episodes/" + date + ".srt";
  e.chapters = "episodes/" + date + ".chapters.json";
  e.notes = "episodes/" + date + ".html";
  e.description = "1. Story";
  e.content_html = "<ol><li>Story</li></ol>";
  return e;
}

std::vector<std::string> dates(const std::vector<EpisodeRecord>& episodes) {
  std::vector<std::string> out;
  for (auto& e : episodes) out.push_back(e.date);
  return out;
}

ShowConfig show() {
  ShowConfig s;
  s.title = "Test Briefing";
  s.description = "A briefing built by the tests.";
  s.author = "Test Desk";
  s.owner_email = "desk@example.org";
  s.language = "en-US";
  s.category = "News";
  s.subcategory = "Daily News";
  s.base_url = "http://127.0.0.1:8080/";
  return s;
}

// The files an episode record names, each as large as the record says for the audio.
void write_episode(const fs::path& root, const EpisodeRecord& e) {
  fs::create_directories(root / "episodes");
  test::write_file(root / e.audio, std::string(e.bytes, 'a'));
  for (auto* rel : {&e.transcript_vtt, &e.transcript_srt, &e.chapters, &e.notes})
    test::write_file(root / *rel, "x");
}

}  // namespace

TEST_CASE("publish: episode records become feed items under the base URL", "[build]") {
  CHECK(url_join("http://h/pod", "feed.xml") == "http://h/pod/feed.xml");
  CHECK(url_join("http://h/pod/", "feed.xml") == "http://h/pod/feed.xml");
  CHECK(url_join("", "feed.xml") == "/feed.xml");

  EpisodeRecord e = record("2026-11-02", test::utc_time_t(2026, 11, 2, 12), 4);
  Episode item = to_feed_episode(e, "http://h/pod/", "en-US");
  CHECK(item.title == "Briefing 2026-11-02");
  CHECK(item.guid == "guid-2026-11-02");
  CHECK(item.pub_date.time_since_epoch().count() == test::utc_time_t(2026, 11, 2, 12));
  CHECK(item.enclosure_url == "http://h/pod/episodes/2026-11-02.mp3");
  CHECK(item.enclosure_length == 1000);
  CHECK(item.duration_seconds == 61.4);
  CHECK(item.episode_number == 4);
  CHECK(item.transcript_url == "http://h/pod/episodes/2026-11-02.vtt");
  CHECK(item.transcript_srt_url == "http://h/pod/episodes/2026-11-02.srt");
  CHECK(item.chapters_url == "http://h/pod/episodes/2026-11-02.chapters.json");
  CHECK(item.link == "http://h/pod/episodes/2026-11-02.html");
  CHECK(item.description == "1. Story");
  CHECK(item.content_html == "<ol><li>Story</li></ol>");
  CHECK(item.language == "en-US");
  e.transcript_srt.clear();
  e.chapters.clear();
  item = to_feed_episode(e, "http://h/pod/", "en-US");
  CHECK(item.transcript_srt_url.empty());
  CHECK(item.chapters_url.empty());
}

TEST_CASE("publish: the channel of the show", "[build]") {
  ShowConfig s = show();
  s.cover = "/art/cover.png";
  const auto built =
      std::chrono::sys_days{std::chrono::November / 29 / 2026} + std::chrono::hours(17);
  Channel c = make_channel(s, "http://h/pod/", "http://h/pod/feed.xml", "", built);
  CHECK(c.title == "Test Briefing");
  CHECK(c.link == "http://h/pod/");
  CHECK(c.language == "en-us");
  CHECK(c.author == "Test Desk");
  CHECK(c.owner_name == "Test Desk");
  CHECK(c.owner_email == "desk@example.org");
  CHECK(c.image_url == "http://h/pod/cover.png");
  CHECK(c.category == "News");
  CHECK(c.subcategory == "Daily News");
  CHECK(c.self_url == "http://h/pod/feed.xml");
  CHECK(c.podcast_guid == podcast_guid("http://h/pod/feed.xml"));
  CHECK(c.locked);
  CHECK(c.last_build_date == built);
  CHECK(c.generator == "briefcast " BRIEFCAST_VERSION);
  CHECK(make_channel(show(), "http://h/", "http://h/feed.xml", "", built).image_url.empty());
  // The kept GUID wins over the URL; no owner e-mail: no lock.
  s.owner_email.clear();
  c = make_channel(s, "http://other/", "http://other/feed.xml",
                   "9b024349-ccf0-5f69-a609-6b82873eab3c", built);
  CHECK(c.podcast_guid == "9b024349-ccf0-5f69-a609-6b82873eab3c");
  CHECK_FALSE(c.locked);
}

TEST_CASE("publish: retention replaces the day and keeps the newest", "[build]") {
  std::vector<EpisodeRecord> current = {record("2026-11-01", 100, 1), record("2026-11-03", 300, 3),
                                        record("2026-11-02", 200, 2)};
  Retention r = apply_retention(current, record("2026-11-04", 400, 4), 3);
  CHECK(dates(r.episodes) == std::vector<std::string>{"2026-11-02", "2026-11-03", "2026-11-04"});
  CHECK(dates(r.removed) == std::vector<std::string>{"2026-11-01"});

  r = apply_retention(current, record("2026-11-03", 350, 4), 0);  // --force of 3 November
  CHECK(dates(r.episodes) == std::vector<std::string>{"2026-11-01", "2026-11-02", "2026-11-03"});
  REQUIRE(r.removed.size() == 1);
  CHECK(r.removed[0].number == 3);
  CHECK(r.episodes.back().number == 3);  // numbers follow the days: 1, 2, 3

  // A back-dated episode takes its day's place; the later days move up one.
  r = apply_retention({record("2026-11-03", 300, 1)}, record("2026-11-02", 400, 2), 0);
  CHECK(dates(r.episodes) == std::vector<std::string>{"2026-11-02", "2026-11-03"});
  CHECK(r.episodes[0].number == 1);
  CHECK(r.episodes[1].number == 2);
  CHECK(r.episodes[1].guid == "guid-2026-11-03");  // the GUID stays with its episode

  r = apply_retention({}, record("2026-11-04", 400, 1), 1);
  CHECK(dates(r.episodes) == std::vector<std::string>{"2026-11-04"});
  CHECK(r.removed.empty());
}

TEST_CASE("publish: file names never reuse a published one, side files and cover", "[build]") {
  test::TempDir d;
  const fs::path root = d.path();
  CHECK(episode_stem("2026-11-02", root, {}) == "2026-11-02");
  fs::create_directories(root / "episodes");
  test::write_file(root / "episodes/2026-11-02.mp3", "old");
  CHECK(episode_stem("2026-11-02", root, {}) == "2026-11-02-2");
  EpisodeRecord taken = record("2026-11-02", 0, 1);
  taken.audio = "episodes/2026-11-02-2.mp3";
  CHECK(episode_stem("2026-11-02", root, {taken}) == "2026-11-02-3");

  std::vector<TranscriptCue> cues = {{0.0, 1.5, "Hello.", "", {}}};
  std::vector<Chapter> chapters(1);
  chapters[0].title = "Introduction";
  write_episode_files(root, "2026-11-02-2", cues, chapters, "<p>page</p>\n");
  CHECK(test::read_file(root / "episodes/2026-11-02-2.vtt") == render_webvtt(cues));
  CHECK(test::read_file(root / "episodes/2026-11-02-2.srt") == render_srt(cues));
  CHECK(test::read_file(root / "episodes/2026-11-02-2.chapters.json") ==
        render_chapters_json(chapters));
  CHECK(test::read_file(root / "episodes/2026-11-02-2.html") == "<p>page</p>\n");

  test::write_file(d / "art.PNG", "png bytes");
  publish_cover(d / "art.PNG", root / "episodes");
  CHECK(test::read_file(root / "episodes/cover.PNG") == "png bytes");
  test::write_file(d / "art.PNG", "new png bytes");
  publish_cover(d / "art.PNG", root / "episodes");
  CHECK(test::read_file(root / "episodes/cover.PNG") == "new png bytes");
  CHECK_THROWS_WITH(publish_cover(d / "none.png", root),
                    "'" + (d / "none.png").string() + "': cannot read: No such file or directory");
}

TEST_CASE("publish: a feed that would not validate is refused with its problems", "[build]") {
  test::TempDir d;
  const fs::path root = d.path();
  EpisodeRecord e = record("2026-11-02", test::utc_time_t(2026, 11, 2, 12), 1);
  write_episode(root, e);
  ShowConfig with_cover = show();
  with_cover.cover = "/art/cover.png";  // apps require artwork
  test::write_file(root / "cover.png", "png");
  Channel c = make_channel(with_cover, "http://127.0.0.1:8080/", "http://127.0.0.1:8080/feed.xml",
                           "", std::chrono::sys_seconds{});
  std::ostringstream log;
  std::string xml = render_checked_feed(c, {e}, "http://127.0.0.1:8080/", "en-US", root, log);
  CHECK(log.str().empty());
  CHECK(xml.find("<enclosure url=\"http://127.0.0.1:8080/episodes/2026-11-02.mp3\" "
                 "length=\"1000\"") != std::string::npos);

  e.bytes = 999;  // the file on disk has 1000
  try {
    render_checked_feed(c, {e}, "http://127.0.0.1:8080/", "en-US", root, log);
    FAIL("no error");
  } catch (const Error& err) {
    CHECK(err.code() == ExitCode::invalid);
    CHECK(std::string(err.what()) == "'" + (root / "feed.xml").string() +
                                         "': the new feed does not validate (1 problem(s) "
                                         "above); nothing was published");
  }
  CHECK(log.str() == "briefcast: " + (root / "feed.xml").string() +
                         ": item 1 (guid guid-2026-11-02): enclosure length 999 != file size "
                         "1000 (episodes/2026-11-02.mp3)\n");
  CHECK_FALSE(fs::exists(root / "feed.xml"));
}

TEST_CASE("publish: state, then the feed, then what retention and the cache dropped", "[build]") {
  test::TempDir d;
  const fs::path root = d.path();
  const fs::path state_file = root / ".briefcast/state.json";
  fs::create_directories(root / ".briefcast/cache");
  EpisodeRecord old = record("2026-11-01", 100, 1);
  EpisodeRecord added = record("2026-11-20", 200, 2);
  added.stories.push_back({"Ferry", "https://n.example/f", "Wire", "https://n.example/f", 3.0});
  write_episode(root, old);
  write_episode(root, added);
  test::write_file(root / ".briefcast/cache/fresh.mp3", "f");
  test::write_file(root / ".briefcast/cache/stale.mp3", "s");
  // Left by builds killed before they published: no feed item or state entry names them.
  test::write_file(root / "episodes/2026-11-10.mp3", "orphan");
  test::write_file(root / "episodes/2026-11-10.vtt", "orphan");
  test::write_file(root / "episodes/.2026-11-21.mp3.tmp-abc123", "someone else's temporary");

  BriefingState state;
  state.episodes = {old};
  state.next_episode_number = 2;
  state.cache["fresh"] = {".briefcast/cache/fresh.mp3", 1.0, "2026-11-10", {}};
  state.cache["stale"] = {".briefcast/cache/stale.mp3", 1.0, "2026-11-05", {}};
  Retention r = apply_retention(state.episodes, added, 1);
  publish_feed(state, r, added, "<rss/>\n", "<p>show</p>\n", root, state_file,
               parse_episode_day("2026-11-20"));

  CHECK(test::read_file(root / "feed.xml") == "<rss/>\n");
  CHECK(test::read_file(root / "index.html") == "<p>show</p>\n");
  CHECK_FALSE(fs::exists(root / old.audio));  // dropped by retention
  CHECK_FALSE(fs::exists(root / old.transcript_vtt));
  CHECK(fs::exists(root / added.audio));
  CHECK_FALSE(fs::exists(root / ".briefcast/cache/stale.mp3"));  // 15 days unused
  CHECK(fs::exists(root / ".briefcast/cache/fresh.mp3"));
  BriefingState saved = load_state(state_file);
  CHECK(dates(saved.episodes) == std::vector<std::string>{"2026-11-20"});
  CHECK(saved.next_episode_number == 3);
  CHECK(saved.broadcast.at("https://n.example/f") == "2026-11-20");
  CHECK(saved.cache.count("fresh") == 1);
  CHECK(saved.cache.count("stale") == 0);
  CHECK_FALSE(fs::exists(root / "episodes/2026-11-10.mp3"));
  CHECK_FALSE(fs::exists(root / "episodes/2026-11-10.vtt"));
  CHECK(fs::exists(root / "episodes/.2026-11-21.mp3.tmp-abc123"));
  CHECK(fs::exists(root / added.notes));

  remove_episode_files(added, root);
  CHECK_FALSE(fs::exists(root / added.audio));
  CHECK_FALSE(fs::exists(root / added.notes));
  remove_episode_files(added, root);  // already gone: fine
}
