// state.json: the typed state written and read back, a missing file as the first build, an
// unreadable one and damaged fields as exit-8 errors that name the file and the field.
#include "briefing/briefing_state.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
using namespace std::chrono_literals;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kFp = "2f57b62b8405893ddcc99d437c02022520aa8ce4acfdd06eaaee96b973172db2";

TimedSentence sentence(const std::string& text, const std::string& spoken, double start, double end,
                       std::vector<TimedSentence::Word> words) {
  TimedSentence t;
  t.text = text;
  t.spoken = spoken;
  t.start_seconds = start;
  t.end_seconds = end;
  t.words = std::move(words);
  return t;
}

BriefingState sample_state() {
  BriefingState s;
  s.podcast_guid = "9b024349-ccf0-5f69-a609-6b82873eab3c";
  s.next_episode_number = 3;
  EpisodeRecord e;
  e.number = 2;
  e.guid = "0b7a3c7e-6f1d-5e2a-9c1b-2f0e8d7a6b5c";
  e.title = "Briefing — Saturday";
  e.date = "2026-11-28";
  e.published = 1795867200;
  e.audio = "episodes/2026-11-28.mp3";
  e.bytes = 1612345;
  e.duration_seconds = 201.628299;
  e.transcript_vtt = "episodes/2026-11-28.vtt";
  e.transcript_srt = "episodes/2026-11-28.srt";
  e.chapters = "episodes/2026-11-28.chapters.json";
  e.notes = "episodes/2026-11-28.html";
  e.description = "Two stories.";
  e.content_html = "<p>Two stories.</p>";
  e.stories = {{"Ferry returns", "https://n.example/ferry", "Wire", "https://n.example/ferry", 5.5},
               {"Rain", "", "Local", "sha256:ab", 61.25}};
  s.episodes = {e};
  s.broadcast = {{"https://n.example/ferry", "2026-11-28"}, {"sha256:ab", "2026-11-27"}};
  CachedPart p;
  p.file = ".briefcast/cache/" + kFp + ".mp3";
  p.duration_seconds = 5.134285714285714;
  p.last_used = "2026-11-28";
  p.timeline = {sentence("Good morning.", "Good morning.", 0.0, 0.9, {{0, 4, 0.0}, {5, 8, 0.31}}),
                sentence("It costs $5.", "It costs five dollars.", 1.7, 3.1, {})};
  s.cache[kFp] = p;
  s.cache["empty"] = {".briefcast/cache/empty.mp3", 1.0, "2026-11-27", {}};
  auto& feed = s.sources.feeds["https://a.example/feed"];
  feed.etag = "\"x\"";
  feed.last_modified = "Tue, 03 Mar 2026 08:00:00 GMT";
  feed.content_type = "text/xml; charset=iso-8859-1";
  feed.final_url = "https://a.example/feed/";
  feed.body = std::string("<rss>caf\xE9</rss>") + '\0' + "\xFF";  // not UTF-8
  feed.fetched = std::chrono::sys_days{std::chrono::year{2026} / 3 / 3} + 8h;
  s.sources.feeds["https://b.example/feed"].body = "plain";
  return s;
}

// A valid state file's JSON (sample_state as saved), to damage one field of.
json saved_json(const test::TempDir& d) {
  save_state(sample_state(), d / "state.json");
  return json::parse(test::read_file(d / "state.json"));
}

// The message load_state throws for `j` written as d/state.json, with the folder written as "D";
// checks the exit code is 8.
std::string error_for(const test::TempDir& d, const json& j) {
  test::write_file(d / "state.json", j.dump(1));
  try {
    load_state(d / "state.json");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::feed);
    std::string m = e.what();
    const std::string dir = d.path().string();
    for (std::size_t at; (at = m.find(dir)) != std::string::npos;) m.replace(at, dir.size(), "D");
    return m;
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("state: the typed state survives save and load", "[build][state]") {
  test::TempDir d;
  const BriefingState s = sample_state();
  save_state(s, d / "state.json");
  const BriefingState r = load_state(d / "state.json");

  CHECK(r.next_episode_number == 3);
  CHECK(r.podcast_guid == "9b024349-ccf0-5f69-a609-6b82873eab3c");  // the show's, kept
  REQUIRE(r.episodes.size() == 1);
  const EpisodeRecord& e = r.episodes[0];
  const EpisodeRecord& o = s.episodes[0];
  CHECK(e.number == o.number);
  CHECK(e.guid == o.guid);
  CHECK(e.title == o.title);
  CHECK(e.date == o.date);
  CHECK(e.published == o.published);
  CHECK(e.audio == o.audio);
  CHECK(e.bytes == o.bytes);
  CHECK(e.duration_seconds == o.duration_seconds);
  CHECK(e.transcript_vtt == o.transcript_vtt);
  CHECK(e.transcript_srt == o.transcript_srt);
  CHECK(e.chapters == o.chapters);
  CHECK(e.notes == o.notes);
  CHECK(e.description == o.description);
  CHECK(e.content_html == o.content_html);
  REQUIRE(e.stories.size() == 2);
  CHECK(e.stories[1].key == "sha256:ab");
  CHECK(e.stories[1].start_seconds == 61.25);
  CHECK(r.broadcast == s.broadcast);

  REQUIRE(r.cache.size() == 2);
  const CachedPart& p = r.cache.at(kFp);
  CHECK(p.file == s.cache.at(kFp).file);
  CHECK(p.duration_seconds == 5.134285714285714);  // doubles round-trip exactly
  CHECK(p.last_used == "2026-11-28");
  CHECK(p.timeline == s.cache.at(kFp).timeline);
  CHECK(r.cache.at("empty").timeline.empty());

  REQUIRE(r.sources.feeds.size() == 2);
  const auto& f = r.sources.feeds.at("https://a.example/feed");
  const auto& of = s.sources.feeds.at("https://a.example/feed");
  CHECK(f.body == of.body);
  CHECK(f.etag == of.etag);
  CHECK(f.last_modified == of.last_modified);
  CHECK(f.content_type == of.content_type);
  CHECK(f.final_url == of.final_url);
  CHECK(f.fetched == of.fetched);
  CHECK(r.sources.feeds.at("https://b.example/feed").body == "plain");

  // Saving what was read writes the same bytes.
  const std::string first = test::read_file(d / "state.json");
  save_state(r, d / "again.json");
  CHECK(test::read_file(d / "again.json") == first);
}

TEST_CASE("state: the file's format", "[build][state]") {
  test::TempDir d;
  json j = saved_json(d);
  CHECK(j["version"] == 1);
  const json& t = j["cache"][kFp]["timeline"];
  REQUIRE(t.size() == 2);
  CHECK(t[0] == json::parse(R"({"text": "Good morning.", "spoken": "Good morning.",
                                "start": 0.0, "end": 0.9, "words": [[0, 4, 0.0], [5, 8, 0.31]]})"));
  CHECK(j["sources"]["feeds"]["https://a.example/feed"].contains("body_base64"));
  CHECK(j["sources"]["feeds"]["https://a.example/feed"]["fetched"] == "2026-03-03T08:00:00Z");
  CHECK(j["sources"]["feeds"]["https://b.example/feed"]["body"] == "plain");
  CHECK(test::read_file(d / "state.json").starts_with("{\n \"broadcast\": {\n"));  // dump(1)
}

TEST_CASE("state: a missing file is the first build", "[build][state]") {
  test::TempDir d;
  for (const fs::path& missing : {d / "state.json", d / "no-folder" / "state.json"}) {
    BriefingState s = load_state(missing);
    CHECK(s.next_episode_number == 1);
    CHECK(s.episodes.empty());
    CHECK(s.broadcast.empty());
    CHECK(s.cache.empty());
    CHECK(s.sources.feeds.empty());
  }
}

TEST_CASE("state: a file that exists but cannot be read is an error, not a new history",
          "[build][state]") {
  // Permissions do not stop root (tests may run as root): a folder and a symlink loop do.
  test::TempDir d;
  fs::create_directories(d / "state.json");
  try {
    load_state(d / "state.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::feed);
    CHECK(std::string(e.what()) ==
          "'" + (d / "state.json").string() + "': cannot read: Is a directory");
  }
  fs::create_symlink("loop.json", d / "loop.json");
  try {
    load_state(d / "loop.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::feed);
    CHECK(std::string(e.what()) ==
          "'" + (d / "loop.json").string() + "': cannot read: Too many levels of symbolic links");
  }
  test::write_file(d / "file", "x");
  CHECK_THROWS_WITH(load_state(d / "file" / "state.json"),
                    "'" + (d / "file" / "state.json").string() + "': cannot read: Not a directory");
}

TEST_CASE("state: damaged fields are named with the file", "[build][state]") {
  test::TempDir d;
  const std::string cache = "cache." + kFp;
  json j = saved_json(d);
  j["cache"][kFp]["timeline"][1]["start"] = "1.7";
  CHECK(error_for(d, j) ==
        "'D/state.json': field '" + cache + ".timeline[1].start': expected a number, got string");

  j = saved_json(d);
  j["cache"][kFp]["timeline"][0].erase("spoken");
  CHECK(error_for(d, j) == "'D/state.json': field '" + cache + ".timeline[0].spoken': missing");

  j = saved_json(d);
  j["cache"][kFp]["timeline"][0]["words"][1] = json::array({5, 8});
  CHECK(error_for(d, j) == "'D/state.json': field '" + cache +
                               ".timeline[0].words[1]': expected [offset, length, start], got 2 "
                               "elements");

  j = saved_json(d);
  j["cache"][kFp]["timeline"][0]["words"][1][0] = 40;
  CHECK(error_for(d, j) == "'D/state.json': field '" + cache +
                               ".timeline[0].words[1]': word at bytes 40+8 is outside 'spoken' "
                               "(13 bytes)");

  j = saved_json(d);
  j["cache"][kFp]["timeline"][0]["words"][0][2] = -1;
  CHECK(error_for(d, j) == "'D/state.json': field '" + cache +
                               ".timeline[0].words[0][2]': expected seconds (0 or more), got -1");

  j = saved_json(d);
  j["cache"][kFp]["timeline"][1]["end"] = 1.0;
  CHECK(error_for(d, j) == "'D/state.json': field '" + cache +
                               ".timeline[1].end': ends at 1 s, before its start at 1.7 s");

  j = saved_json(d);
  j["cache"][kFp]["timeline"] = json::object();
  CHECK(error_for(d, j) ==
        "'D/state.json': field '" + cache + ".timeline': expected an array, got object");

  j = saved_json(d);
  j["episodes"][0]["bytes"] = -5;
  CHECK(error_for(d, j) ==
        "'D/state.json': field 'episodes[0].bytes': expected a non-negative integer, got -5");

  j = saved_json(d);
  j["episodes"][0]["stories"][1]["key"] = nullptr;
  CHECK(error_for(d, j) ==
        "'D/state.json': field 'episodes[0].stories[1].key': expected a string, got null");

  j = saved_json(d);
  j["broadcast"]["sha256:ab"] = 20261127;
  CHECK(error_for(d, j) ==
        "'D/state.json': field 'broadcast.sha256:ab': expected a string, got number");

  j = saved_json(d);
  j["podcast_guid"] = "feed-1";
  CHECK(error_for(d, j) == "'D/state.json': field 'podcast_guid': expected a UUID, got 'feed-1'");
  j.erase("podcast_guid");  // a state written before it was kept: made by the next build
  CHECK(error_for(d, j) == "(no error)");

  j = saved_json(d);
  j["next_episode_number"] = 0;
  CHECK(error_for(d, j) ==
        "'D/state.json': field 'next_episode_number': 0 is out of range 1-2147483647");

  j = saved_json(d);
  j["version"] = 2;
  CHECK(error_for(d, j) ==
        "'D/state.json': unknown state version 2 (written by a newer briefcast?)");

  CHECK(error_for(d, json::array()) ==
        "'D/state.json': not a valid briefcast state file (expected a JSON object, got array); "
        "move it away to start a new feed history");

  test::write_file(d / "state.json", "{\"version\": 1,");
  try {
    load_state(d / "state.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::feed);
    CHECK(std::string(e.what()).starts_with("'" + (d / "state.json").string() +
                                            "': not a valid briefcast state file ("));
  }
  test::write_file(d / "state.json", "{\"version\": 1, \"next_episode_number\": 7e77777}");
  CHECK_THROWS_AS(load_state(d / "state.json"), Error);
}

TEST_CASE("state: the sources' validators are only a cache: bad entries are dropped",
          "[build][state]") {
  test::TempDir d;
  json j = saved_json(d);
  j["sources"]["feeds"]["https://c.example/feed"] = 3;
  j["sources"]["feeds"]["https://a.example/feed"]["body_base64"] = "!!";
  test::write_file(d / "state.json", j.dump());
  BriefingState s = load_state(d / "state.json");
  REQUIRE(s.sources.feeds.size() == 1);
  CHECK(s.sources.feeds.count("https://b.example/feed") == 1);

  j.erase("sources");
  test::write_file(d / "state.json", j.dump());
  CHECK(load_state(d / "state.json").sources.feeds.empty());
  j["sources"] = json::array();
  test::write_file(d / "state.json", j.dump());
  CHECK(load_state(d / "state.json").sources.feeds.empty());
}
