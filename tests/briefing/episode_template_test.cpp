// Episode title, intro and outro templates: placeholders, date formats, headlines, and the exact
// messages for templates a feed definition must not contain.
#include "briefing/episode_template.hpp"

#include <catch2/catch.hpp>

#include "base/error.hpp"
#include "support/error_capture.hpp"

using namespace briefcast;

TEST_CASE("templates render the show, dates and headlines", "[sources]") {
  using namespace std::chrono;
  TemplateValues v;
  v.show = "Morning Briefing";
  v.date = local_days{2026y / March / 3} + 7h + 5min;
  v.headlines = {"Council approves budget", "Markets rally!", "  "};
  CHECK(render_template("{show} — {date}", v, false) == "Morning Briefing — Tuesday, 3 March 2026");
  CHECK(render_template("{date:%A, %d %B %Y}", v) == "Tuesday, 03 March 2026");
  CHECK(render_template("{date:%a %-d %b %y %H:%M %j %-m/%m %%}", v) ==
        "Tue 3 Mar 26 07:05 062 3/03 %");
  CHECK(render_template("Today: {headlines} ({count})", v) ==
        "Today: Council approves budget. Markets rally! (3)");
  CHECK(render_template("{{literal}} {show}", v) == "{literal} Morning Briefing");
  CHECK_THROWS_WITH(render_template("{count}", v, false),
                    "unknown placeholder '{count}' (known: {show}, {date}, {date:FORMAT})");
}

TEST_CASE("templates: headlines become sentences", "[sources]") {
  using namespace std::chrono;
  TemplateValues v;
  v.show = "S";
  v.date = local_days{2026y / November / 25};
  CHECK(render_template("{headlines}|{count}", v) == "|0");
  v.headlines = {"Rates hold\n", "Who won?", "Done."};
  CHECK(render_template("{headlines}", v) == "Rates hold. Who won? Done.");
  CHECK(render_template("{date}", v) == "Wednesday, 25 November 2026");
  // The voice's order: month first for a US voice.
  v.language = "en-US";
  CHECK(render_template("{date}", v) == "Wednesday, November 25, 2026");
  v.language = "en-GB";
  CHECK(render_template("{date}", v) == "Wednesday, 25 November 2026");
  CHECK(render_template("}} {{}}", v) == "} {}");
}

TEST_CASE("templates: bad placeholders and braces are Error(feed)", "[sources]") {
  TemplateValues v;
  auto message = [&](const std::string& text, bool stories = true) {
    return test::error_message([&] { render_template(text, v, stories); }, ExitCode::feed);
  };
  CHECK(message("{title}") ==
        "unknown placeholder '{title}' (known: {show}, {date}, {date:FORMAT}, {headlines}, "
        "{count})");
  CHECK(message("{headlines}", false) ==
        "unknown placeholder '{headlines}' (known: {show}, {date}, {date:FORMAT})");
  CHECK(message("a { b") == "unclosed '{' (write \"{{\" for a brace)");
  CHECK(message("a } b") == "a single '}' (write \"}}\" for a brace)");
  CHECK(message("{date:%Q}") ==
        "unknown date conversion '%Q' (known: %Y %y %m %d %B %b %A %a %H %M %j %%, %-m %-d "
        "without leading zero)");
  CHECK(message("{date:%-Q}").rfind("unknown date conversion '%-Q' ", 0) == 0);
  CHECK(message("{date:100%}") == "date format ends in '%'");
}

TEST_CASE("templates: date formats", "[sources]") {
  using namespace std::chrono;
  local_seconds t = local_days{2024y / December / 31} + 23h + 9min;  // leap year: day 366
  CHECK(format_date(t, "%j %-j %Y-%m-%d %H:%M") == "366 366 2024-12-31 23:09");
  CHECK(format_date(local_days{2026y / January / 5}, "%j|%-j|%a %b|%y") == "005|5|Mon Jan|26");
  CHECK(format_date(t, "plain text") == "plain text");
  CHECK(format_date(t, "") == "");
}
