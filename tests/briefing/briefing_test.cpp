// `briefcast build` end to end: the published feed, incremental builds, the lock, bad input and
// SIGKILL at random moments (the published feed always validates).

#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "audio/id3_tags.hpp"
#include "audio/mp3_frames.hpp"
#include "base/strings.hpp"
#include "base/uuid.hpp"
#include "feed/rfc2822.hpp"
#include "support/feed_clients.hpp"
#include "support/feed_definition.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
using test::run_briefcast;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

const char* kStories[] = {
    "Harbour Ferry Returns\n\nThe harbour ferry returned to service on Monday after a two-week "
    "repair. Officials said 1,200 passengers used it on the first day.\n",
    "Library Opens Late\n\nThe city library will open until 9 p.m. from next month. The council "
    "approved $2.5 million for the new hours.\n",
    "Rain Expected\n\nForecasters expect 40 mm of rain on Thursday. Drivers were asked to take "
    "care on the coast road.\n",
};

// The tests' feed definition in `d`, reading d/articles, publishing to d/public.
void write_feed(const TempDir& d) {
  test::write_feed_definition(d.path(), "http://127.0.0.1:8080/", "public");
}

void add_story(const TempDir& d, int i) {
  test::write_file(d / "articles" / ("story" + std::to_string(i) + ".txt"), kStories[i]);
}

std::string feed_path(const TempDir& d) { return (d / "public/feed.xml").string(); }

int validate(const TempDir& d) { return run_briefcast({"validate", feed_path(d)}).exit_code; }

// The text of every `<tag>…</tag>` in `xml`, in document order.
std::vector<std::string> all_of(const std::string& xml, const std::string& tag) {
  std::vector<std::string> out;
  const std::string open = "<" + tag + ">", close = "</" + tag.substr(0, tag.find(' ')) + ">";
  for (auto p = xml.find(open); p != std::string::npos; p = xml.find(open, p + 1)) {
    auto b = p + open.size();
    out.push_back(xml.substr(b, xml.find(close, b) - b));
  }
  return out;
}

}  // namespace

TEST_CASE("build: publishes an episode and a feed that validates and parsers read", "[build]") {
  TempDir d;
  write_feed(d);
  add_story(d, 0);
  add_story(d, 1);
  auto r = test::run_build(d / "feed.json", "2026-11-02");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("published 'Test Briefing Monday, November 2, 2026'") != std::string::npos);
  CHECK(r.err.find("parts: 4 spoken, 0 from cache") != std::string::npos);
  CHECK(validate(d) == 0);

  fs::path mp3 = d / "public/episodes/2026-11-02.mp3";
  REQUIRE(fs::exists(mp3));
  for (auto ext : {".vtt", ".srt", ".chapters.json", ".html"})
    CHECK(fs::exists(d / ("public/episodes/2026-11-02" + std::string(ext))));
  CHECK(test::read_file(d / "public/episodes/2026-11-02.vtt").rfind("WEBVTT", 0) == 0);
  CHECK(std::system(("mpg123 -q -t " + mp3.string()).c_str()) == 0);

  // Chapters: intro, two stories, outro, in the MP3 and in the chapters file.
  ReadTags tags = read_id3v2(mp3);
  REQUIRE(tags.chapters.size() == 4);
  CHECK(tags.chapters[1].title == "Harbour Ferry Returns");
  CHECK(tags.chapters[2].title == "Library Opens Late");
  auto chapters =
      nlohmann::json::parse(test::read_file(d / "public/episodes/2026-11-02.chapters.json"));
  CHECK(chapters["chapters"].size() == 4);

  // gPodder's parser and feedparser read what the feed says, and it matches the file.
  auto j = test::parse_with_feed_clients(feed_path(d), "http://127.0.0.1:8080/feed.xml");
  auto& ep = j["podcastparser"]["episodes"][0];
  CHECK(ep["title"] == "Test Briefing Monday, November 2, 2026");
  CHECK(ep["enclosures"][0]["url"] == "http://127.0.0.1:8080/episodes/2026-11-02.mp3");
  CHECK(ep["enclosures"][0]["length"].get<std::uint64_t>() == fs::file_size(mp3));
  CHECK(ep["enclosures"][0]["type"] == "audio/mpeg");
  Mp3StreamInfo info = scan_mp3(mp3);
  CHECK(std::abs(ep["duration"].get<double>() - info.seconds()) <= 1.0);
  auto& fp = j["feedparser"]["entries"][0];
  CHECK(fp["guid"] == ep["guid"]);
  CHECK(fp["title"] == ep["title"]);
  CHECK(fp["published"] == ep["published"]);
}

TEST_CASE("build: the show keeps its identity through a base_url change", "[build]") {
  TempDir d;
  write_feed(d);
  add_story(d, 0);
  const auto before = std::chrono::system_clock::now();
  auto r = test::run_build(d / "feed.json", "2026-11-03");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("warning") == std::string::npos);  // the tests' show has an owner e-mail
  std::string xml = test::read_file(feed_path(d));
  const auto show_guid = all_of(xml, "podcast:guid");
  REQUIRE(show_guid.size() == 1);
  CHECK(show_guid[0] == podcast_guid("http://127.0.0.1:8080/feed.xml"));  // made once, from the URL
  const auto first_guids = all_of(xml, "guid isPermaLink=\"false\"");
  CHECK(xml.find("<itunes:email>desk@example.org</itunes:email>") != std::string::npos);
  CHECK(xml.find("<podcast:locked owner=\"desk@example.org\">yes</podcast:locked>") !=
        std::string::npos);
  // lastBuildDate is when the build ran, not the (past) episode's date.
  auto built = parse_rfc2822(all_of(xml, "lastBuildDate").at(0));
  REQUIRE(built.ok());
  CHECK(built.time >= std::chrono::floor<std::chrono::seconds>(before) - std::chrono::seconds(1));

  // Moved to another address (as for other devices) and a back-dated episode for the day before.
  add_story(d, 1);
  r = test::run_build(d / "feed.json", "2026-11-02", {"--base-url", "http://192.168.1.20:8080/"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // The serve command printed serves what was built: every interface, and the same base URL.
  const std::string feed_arg = (d / "feed.json").string();
  CHECK(r.err.find("serve it with:  briefcast serve " + feed_arg +
                   " --bind 0.0.0.0 --base-url http://192.168.1.20:8080/\n") != std::string::npos);
  CHECK(r.err.find("the show's web page: http://192.168.1.20:8080/index.html\n") !=
        std::string::npos);
  auto again =
      test::run_build(d / "feed.json", "2026-11-02", {"--base-url", "http://localhost:9000/"});
  CHECK(again.err.find("serve it with:  briefcast serve " + feed_arg +
                       " --port 9000 --base-url http://localhost:9000/\n") != std::string::npos);
  CHECK(validate(d) == 0);
  xml = test::read_file(feed_path(d));
  CHECK(all_of(xml, "podcast:guid") == show_guid);
  CHECK(xml.find("http://192.168.1.20:8080/episodes/2026-11-03.mp3") != std::string::npos);
  const auto guids = all_of(xml, "guid isPermaLink=\"false\"");  // newest first
  REQUIRE(guids.size() == 2);
  CHECK(guids[0] == first_guids.at(0));  // the published episode kept its GUID
  CHECK(guids[1] != guids[0]);
  // Numbers follow the days: the back-dated episode is 1, the later day 2.
  CHECK(all_of(xml, "itunes:episode") == std::vector<std::string>{"2", "1"});
  auto state = nlohmann::json::parse(test::read_file(d / "public/.briefcast/state.json"));
  CHECK(state["podcast_guid"] == show_guid[0]);

  // A definition may set the GUID (moving a show in): it wins from then on.
  TempDir moved;
  test::write_feed_definition(
      moved.path(), "http://127.0.0.1:8080/", "public",
      {{"show", {{"podcast_guid", "9B024349-CCF0-5F69-A609-6B82873EAB3C"}}}});
  test::write_file(moved / "articles/story.txt", kStories[2]);
  REQUIRE(test::run_build(moved / "feed.json", "2026-11-02").exit_code == 0);
  xml = test::read_file(moved / "public/feed.xml");
  CHECK(all_of(xml, "podcast:guid") ==
        std::vector<std::string>{"9b024349-ccf0-5f69-a609-6b82873eab3c"});
}

TEST_CASE("build: without owner_email a warning, no itunes:owner and no lock", "[build]") {
  TempDir d;
  test::write_feed_definition(d.path(), "http://127.0.0.1:8080/", "public",
                              {{"show", {{"owner_email", nullptr}}}});
  add_story(d, 0);
  auto r = test::run_build(d / "feed.json", "2026-11-02");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("briefcast: warning: '" + (d / "feed.json").string() +
                   "': no show.owner_email") != std::string::npos);
  std::string xml = test::read_file(feed_path(d));
  CHECK(xml.find("itunes:owner") == std::string::npos);
  CHECK(xml.find("<podcast:locked>no</podcast:locked>") != std::string::npos);
  CHECK(validate(d) == 0);
}

TEST_CASE("build: max_minutes holds against a 9 KB title and a long story", "[build]") {
  // Once a feed item with a 9 KB title made a 21-minute episode out of a 20-minute limit: the
  // estimate counted raw words and the first story was always taken whole.
  TempDir d;
  test::write_feed_definition(
      d.path(), "http://127.0.0.1:8080/", "public",
      {{"limits", {{"max_minutes", 1}}}, {"sources", {{{"type", "feed"}, {"path", "wire.xml"}}}}});
  std::string title;
  while (title.size() < 9000) title += "Council approves 1234567890 harbour plan ";
  std::string body;
  for (int p = 0; p < 40; ++p) {
    body += "&lt;p&gt;";
    for (int i = 0; i < 5; ++i)
      body += "The council met again to discuss item " + std::to_string(p * 5 + i + 1) +
              " of the harbour plan. ";
    body += "&lt;/p&gt;";
  }
  test::write_file(d / "wire.xml",
                   "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/"
                   "content/\"><channel><title>Wire</title><item><title>" +
                       title +
                       "</title><link>https://news.example/harbour</link>"
                       "<content:encoded>" +
                       body + "</content:encoded></item></channel></rss>\n");
  auto r = test::run_build(d / "feed.json", "2026-11-02");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("cut to its first ") != std::string::npos);
  CHECK(r.err.find(" of 200 sentences: the episode would exceed 1 minutes") != std::string::npos);
  const fs::path mp3 = d / "public/episodes/2026-11-02.mp3";
  ReadTags tags = read_id3v2(mp3);
  REQUIRE(tags.chapters.size() == 3);  // intro, the story cut, outro
  const Id3Chapter& story = tags.chapters[1];
  CHECK(story.title.ends_with("\u2026"));
  CHECK(count_code_points(story.title) <= 201);
  // The story within the minute (the estimate is from the spoken script; speech may run a little
  // longer or shorter than it), the whole episode with its intro and outro not much more.
  CHECK(story.end_ms - story.start_ms <= 66'000);
  CHECK(story.end_ms - story.start_ms >= 30'000);
  CHECK(scan_mp3(mp3).seconds() <= 90);
  CHECK(validate(d) == 0);
}

TEST_CASE("build: a failed write names the file, never a hidden temporary one", "[build]") {
  // The disk fills while the build writes (the file size limit, SIGXFSZ ignored: write() fails
  // with EFBIG): the one-line error names the file being written, the published folder keeps
  // nothing half-written.
  TempDir d;
  write_feed(d);
  add_story(d, 0);
  auto r = test::run_shell(
      "ulimit -f 16; trap '' XFSZ; exec " + test::shell_quote(BRIEFCAST_BINARY) + " build " +
      test::shell_quote((d / "feed.json").string()) + " --date 2026-11-02 --quiet");
  INFO(r.err);
  CHECK(r.exit_code == 7);
  CHECK(r.err.find("briefcast: '" + (d / "public").string() + "/") != std::string::npos);
  CHECK(r.err.find("too large") != std::string::npos);
  CHECK(r.err.find(".tmp-") == std::string::npos);
  CHECK_FALSE(fs::exists(d / "public/feed.xml"));
  for (auto& entry : fs::recursive_directory_iterator(d / "public"))
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("build: a later day with one new story speaks only that story", "[build]") {
  TempDir d;
  write_feed(d);
  add_story(d, 0);
  add_story(d, 1);
  REQUIRE(test::run_build(d / "feed.json", "2026-11-02").exit_code == 0);
  // Same day again: nothing to do without --force.
  auto again = test::run_build(d / "feed.json", "2026-11-02");
  CHECK(again.exit_code == 0);
  CHECK(again.err.find("already published") != std::string::npos);

  add_story(d, 2);
  auto r = test::run_build(d / "feed.json", "2026-11-03");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // The two stories of the first day are not repeated; the new intro and story are spoken, the
  // unchanged outro comes from the cache.
  CHECK(r.err.find("1 stories; parts: 2 spoken, 1 from cache") != std::string::npos);
  CHECK(r.err.find("2 episode(s) in the feed") != std::string::npos);
  CHECK(validate(d) == 0);

  // --force rebuilds the day from cached parts; the replaced file goes, a new one comes.
  auto forced = test::run_build(d / "feed.json", "2026-11-03", {"--force"});
  INFO(forced.err);
  REQUIRE(forced.exit_code == 0);
  CHECK(forced.err.find("parts: 0 spoken, 3 from cache") != std::string::npos);
  CHECK(fs::exists(d / "public/episodes/2026-11-03-2.mp3"));
  CHECK_FALSE(fs::exists(d / "public/episodes/2026-11-03.mp3"));
  CHECK(validate(d) == 0);
}

TEST_CASE("build: bad definitions and sources are reported clearly", "[build]") {
  TempDir d;
  write_feed(d);
  add_story(d, 0);
  // Malformed definition.
  test::write_file(d / "bad.json", R"({"show": {"title": 5}})");
  auto r = run_briefcast({"build", (d / "bad.json").string()});
  CHECK(r.exit_code == 8);
  CHECK(r.err.find("bad.json': field 'show.title'") != std::string::npos);
  // Unknown voice.
  auto j = nlohmann::json::parse(test::read_file(d / "feed.json"));
  j["voice"] = "no-such-voice";
  test::write_file(d / "voice.json", j.dump());
  r = run_briefcast({"build", (d / "voice.json").string()});
  CHECK(r.exit_code == 4);
  CHECK(r.err.find("no-such-voice") != std::string::npos);
  // Missing article folder.
  j = nlohmann::json::parse(test::read_file(d / "feed.json"));
  j["sources"][0]["path"] = "missing-folder";
  test::write_file(d / "missing.json", j.dump());
  r = run_briefcast({"build", (d / "missing.json").string()});
  CHECK(r.exit_code == 8);
  CHECK(r.err.find("missing-folder") != std::string::npos);
  CHECK_FALSE(fs::exists(d / "public/feed.xml"));

  // An RSS source that is HTML, one that is invalid XML, an unreachable URL and an empty article:
  // each reported and skipped, the episode still built from the rest.
  test::write_file(d / "page.rss", "<!doctype html><html><body><p>Not a feed</p></body></html>");
  test::write_file(d / "broken.rss", "<rss version=\"2.0\"><channel><title>x</title>");
  test::write_file(d / "articles/empty.txt", "   \n");
  int port = test::free_port();
  j = nlohmann::json::parse(test::read_file(d / "feed.json"));
  j["sources"].push_back({{"type", "feed"}, {"path", "page.rss"}, {"name", "HtmlPage"}});
  j["sources"].push_back({{"type", "feed"}, {"path", "broken.rss"}, {"name", "Broken"}});
  j["sources"].push_back({{"type", "feed"},
                          {"url", "http://127.0.0.1:" + std::to_string(port) + "/feed.xml"},
                          {"name", "Offline"}});
  test::write_file(d / "mixed.json", j.dump());
  r = run_briefcast({"build", (d / "mixed.json").string(), "--date", "2026-11-02"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("source 'HtmlPage'") != std::string::npos);
  CHECK(r.err.find("looks like HTML") != std::string::npos);
  CHECK(r.err.find("source 'Broken'") != std::string::npos);
  CHECK(r.err.find("source 'Offline'") != std::string::npos);
  CHECK(r.err.find("empty.txt") != std::string::npos);
  CHECK(r.err.find("published") != std::string::npos);
  CHECK(validate(d) == 0);
}

TEST_CASE("build: a second build of the same feed exits at once while one runs", "[build]") {
  TempDir d;
  write_feed(d);
  add_story(d, 0);
  add_story(d, 1);
  test::ChildProcess first(
      {BRIEFCAST_BINARY, "build", (d / "feed.json").string(), "--date", "2026-11-02"},
      d / "first.log");
  REQUIRE(test::wait_for_text(d / "public/.briefcast/lock", std::to_string(first.pid()), 20));
  auto r = test::run_build(d / "feed.json", "2026-11-02");
  if (first.running()) {  // the first may finish early on a fast machine
    CHECK(r.exit_code == 11);
    CHECK(r.err.find("another build of this feed is running (pid " + std::to_string(first.pid()) +
                     ")") != std::string::npos);
  }
  CHECK(first.stop(0, 120) == 0);
  CHECK(validate(d) == 0);
}

TEST_CASE("build: killed at 20 random moments the published feed stays valid", "[build]") {
  TempDir d;
  write_feed(d);
  add_story(d, 0);
  add_story(d, 1);
  REQUIRE(test::run_build(d / "feed.json", "2026-11-02").exit_code == 0);
  std::mt19937 rng(20261125);
  std::uniform_int_distribution<int> delay_ms(0, 1000);
  int completed = 0;
  for (int i = 0; i < 20; ++i) {
    // Empty the part cache so each run speaks, assembles and publishes again.
    for (auto& f : test::files_in(d / "public/.briefcast/cache")) fs::remove(f);
    test::ChildProcess build(
        {BRIEFCAST_BINARY, "build", (d / "feed.json").string(), "--date", "2026-11-02", "--force"},
        d / "kill.log");
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
    int rc = build.stop(SIGKILL, 30);
    if (rc == 0) ++completed;
    INFO("run " << i);
    auto v = run_briefcast({"validate", feed_path(d)});
    INFO(v.out << v.err);
    CHECK(v.exit_code == 0);
  }
  WARN(completed << " of 20 runs finished before the kill");
}

namespace {

// The spoken script of every sentence state.json's part cache holds, one per line.
std::string cached_spoken(const TempDir& d) {
  auto state = nlohmann::json::parse(test::read_file(d / "public/.briefcast/state.json"));
  std::string out;
  for (auto& [key, part] : state["cache"].items())
    for (auto& sentence : part["timeline"]) out += sentence["spoken"].get<std::string>() + "\n";
  return out;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("build: each story in the voice of its language unless the definition pins one",
          "[build]") {
  TempDir d;
  test::write_feed_definition(d.path(), "http://127.0.0.1:8080/", "public");
  add_story(d, 0);  // English: "1,200 passengers"
  // French, declared by the page; German, declared by nothing (the stop words tell).
  fs::create_directories(d / "french");
  fs::create_directories(d / "german");
  test::write_file(d / "french/vote.html",
                   "<!doctype html><html lang=\"fr\"><head><title>Le vote au Sénat</title></head>"
                   "<body><article><h1>Le vote au Sénat</h1><p>Le texte a été adopté par 250 "
                   "voix contre 30 à 9h15, mardi 3 mars. Les sénateurs ont ensuite levé la "
                   "séance pour la nuit.</p></article></body></html>");
  test::write_file(d / "german/Zug.txt",
                   "Der Zug fährt wieder\n\nDer Zug nach Berlin fährt ab dem 3. Mai wieder um "
                   "14 Uhr. Die Bahn hat die Strecke für 250 Millionen Euro erneuert, und die "
                   "Fahrgäste sind froh.\n");
  auto j = nlohmann::json::parse(test::read_file(d / "feed.json"));
  j["sources"].push_back({{"type", "folder"}, {"path", "french"}, {"name", "Paris"}});
  j["sources"].push_back({{"type", "folder"}, {"path", "german"}, {"name", "Berlin"}});
  test::write_file(d / "feed.json", j.dump());

  // Nothing pinned: the French page in fr-news, the German text in de-news, the English story in
  // the episode's voice (en-us-news, the show's language), which the dry run does not repeat.
  auto dry = test::run_build(d / "feed.json", "2026-11-02", {"--dry-run"});
  INFO(dry.err);
  REQUIRE(dry.exit_code == 0);
  CHECK(has(dry.err, "Harbour Ferry Returns (Local, ~"));
  CHECK(has(dry.err, "Le vote au Sénat (Paris, fr-news, ~"));
  CHECK(has(dry.err, "Der Zug fährt wieder (Berlin, de-news, ~"));

  auto r = test::run_build(d / "feed.json", "2026-11-02");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(validate(d) == 0);
  std::string spoken = cached_spoken(d);
  INFO(spoken);
  CHECK(has(spoken, "one thousand two hundred passengers"));
  CHECK(has(spoken, "deux cent cinquante voix contre trente"));
  CHECK(has(spoken, "neuf heures quinze"));
  CHECK(has(spoken, "dritten Mai"));
  CHECK(has(spoken, "zweihundertfünfzig Millionen Euro"));
  CHECK_FALSE(has(spoken, "two hundred fifty"));

  // The feed's pin wins over the language of the page; a source's pin wins over the feed's.
  j["voice"] = "en-us-news";
  j["sources"][2]["language"] = "de";
  test::write_file(d / "feed.json", j.dump());
  auto pinned = test::run_build(d / "feed.json", "2026-11-02", {"--force"});
  INFO(pinned.err);
  REQUIRE(pinned.exit_code == 0);
  spoken = cached_spoken(d);
  CHECK(has(spoken, "two hundred fifty voix contre thirty"));  // French in the English voice
  CHECK(has(spoken, "zweihundertfünfzig Millionen Euro"));     // German, its source's pin
  CHECK(validate(d) == 0);
  dry = test::run_build(d / "feed.json", "2026-11-02", {"--dry-run", "--force"});
  CHECK(has(dry.err, "Le vote au Sénat (Paris, ~"));
  CHECK(has(dry.err, "Der Zug fährt wieder (Berlin, de-news, ~"));

  // A pin no voice fits: the file, the field and the reason, exit 4 (voice) as for "voice".
  j["sources"][1]["language"] = "tlh";
  test::write_file(d / "feed.json", j.dump());
  auto bad = test::run_build(d / "feed.json", "2026-11-03");
  CHECK(bad.exit_code == 4);
  CHECK(has(bad.err, "feed.json': field 'sources[1].language': no voice speaks 'tlh'"));
  j["sources"][1].erase("language");
  j["sources"][1]["voice"] = "no-such-profile";
  test::write_file(d / "feed.json", j.dump());
  bad = test::run_build(d / "feed.json", "2026-11-03");
  CHECK(bad.exit_code == 4);
  CHECK(has(bad.err, "field 'sources[1].voice': no voice profile 'no-such-profile'"));
  // A malformed one is a bad definition (exit 8), found before anything is fetched.
  j["sources"][1]["language"] = "French";
  test::write_file(d / "feed.json", j.dump());
  bad = test::run_build(d / "feed.json", "2026-11-03");
  CHECK(bad.exit_code == 8);
  CHECK(has(bad.err, "field 'sources[1].language'"));
}
