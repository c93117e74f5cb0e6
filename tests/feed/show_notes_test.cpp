// Show notes: escaped HTML for content:encoded, plain text for description.
#include "feed/show_notes.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;

namespace {
ShowNotes sample() {
  ShowNotes n;
  n.intro = "Today's <top> stories & more.";
  n.stories = {
      {"Rates held \"steady\"", "https://example.com/a?x=1&y=2", "Reuters", 0, ""},
      {"Storm <warning>", "javascript:alert(1)", "", 65.9, "Wind & rain."},
      {"Late item", "", "AP", 3725, ""},
      {"No time", "http://example.com/b", "", -1, ""},
  };
  n.footer = "Read by eSpeak NG.";
  return n;
}
}  // namespace

TEST_CASE("show notes: HTML escapes text and links only http(s)", "[feed]") {
  CHECK(render_show_notes_html(sample()) ==
        "<p>Today&#39;s &lt;top&gt; stories &amp; more.</p>\n"
        "<ol>\n"
        "<li><a href=\"https://example.com/a?x=1&amp;y=2\">Rates held &quot;steady&quot;</a> "
        "(Reuters) [0:00]</li>\n"
        "<li>Storm &lt;warning&gt; [1:05]<p>Wind &amp; rain.</p></li>\n"
        "<li>Late item (AP) [1:02:05]</li>\n"
        "<li><a href=\"http://example.com/b\">No time</a></li>\n"
        "</ol>\n"
        "<p>Read by eSpeak NG.</p>\n");
}

TEST_CASE("show notes: plain text lists the stories with times", "[feed]") {
  CHECK(render_show_notes_text(sample()) ==
        "Today's <top> stories & more.\n"
        "\n"
        "1. [0:00] Rates held \"steady\" (Reuters) https://example.com/a?x=1&y=2\n"
        "2. [1:05] Storm <warning>\n"
        "3. [1:02:05] Late item (AP)\n"
        "4. No time http://example.com/b\n"
        "\n"
        "Read by eSpeak NG.");
  CHECK(render_show_notes_text({}) == "");
  CHECK(render_show_notes_html({}) == "");
}

TEST_CASE("show notes: chapter times", "[feed]") {
  CHECK(chapter_time(0) == "0:00");
  CHECK(chapter_time(59.99) == "0:59");
  CHECK(chapter_time(600) == "10:00");
  CHECK(chapter_time(3600) == "1:00:00");
  CHECK(chapter_time(-5) == "0:00");
}

TEST_CASE("show notes: a link is any http(s) URL with a host, scheme in any case", "[feed]") {
  ShowNotes n;
  n.stories = {{"Upper", "HTTPS://Example.com/x", "", -1, ""},
               {"No host", "https://", "", -1, ""},
               {"Mail", "mailto:a@example.com", "", -1, ""}};
  CHECK(render_show_notes_html(n) ==
        "<ol>\n"
        "<li><a href=\"HTTPS://Example.com/x\">Upper</a></li>\n"
        "<li>No host</li>\n"
        "<li>Mail</li>\n"
        "</ol>\n");
  CHECK(render_show_notes_text(n) == "1. Upper HTTPS://Example.com/x\n2. No host\n3. Mail");
}
