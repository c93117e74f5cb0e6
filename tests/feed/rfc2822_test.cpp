// RFC 2822 dates: formatting independent of the locale, strict parsing for validate.
#include "feed/rfc2822.hpp"

#include <catch2/catch.hpp>
#include <clocale>
#include <cstdlib>
#include <ctime>
#include <string>

#include "base/error.hpp"
#include "support/test_support.hpp"
#include "support/time_points.hpp"

using namespace briefcast;
using namespace std::chrono;

using test::utc_at;

TEST_CASE("rfc2822: formats English names, 2-digit day, 4-digit year, numeric zone", "[feed]") {
  CHECK(format_rfc2822(utc_at(2026y / March / 3, 8h)) == "Tue, 03 Mar 2026 08:00:00 +0000");
  CHECK(format_rfc2822(utc_at(2026y / November / 23, 23h, 59min, 59s)) ==
        "Mon, 23 Nov 2026 23:59:59 +0000");
  CHECK(format_rfc2822(sys_seconds{}) == "Thu, 01 Jan 1970 00:00:00 +0000");
  // The date and time shown are those of the zone.
  CHECK(format_rfc2822(utc_at(2026y / November / 23, 23h, 30min), 60) ==
        "Tue, 24 Nov 2026 00:30:00 +0100");
  CHECK(format_rfc2822(utc_at(2026y / March / 1, 2h), -330) == "Sat, 28 Feb 2026 20:30:00 -0530");
  CHECK(format_rfc2822(sys_seconds{}, 24 * 60 - 1) == "Thu, 01 Jan 1970 23:59:00 +2359");
  for (int offset : {24 * 60, -24 * 60}) {
    try {
      format_rfc2822(sys_seconds{}, offset);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::invalid);
      CHECK(std::string(e.what()) ==
            "RFC 2822 date: UTC offset of " + std::to_string(offset) + " minutes is beyond ±23:59");
    }
  }
}

TEST_CASE("rfc2822: the locale does not change the names", "[feed]") {
  // Whatever locales exist here, formatting never consults them.
  const char* old = std::setlocale(LC_TIME, nullptr);
  std::string saved = old ? old : "C";
  std::setlocale(LC_TIME, "de_DE.UTF-8");
  CHECK(format_rfc2822(utc_at(2026y / May / 5, 6h, 7min, 8s)) == "Tue, 05 May 2026 06:07:08 +0000");
  std::setlocale(LC_TIME, saved.c_str());
}

TEST_CASE("rfc2822: local time carries the zone's offset at that instant", "[feed]") {
  test::TimeZone zone("Europe/Berlin");
  CHECK(format_rfc2822_local(utc_at(2026y / January / 15, 12h)) ==
        "Thu, 15 Jan 2026 13:00:00 +0100");
  CHECK(format_rfc2822_local(utc_at(2026y / July / 15, 12h)) == "Wed, 15 Jul 2026 14:00:00 +0200");
}

TEST_CASE("rfc2822: parses back what it formats", "[feed]") {
  for (int offset : {0, 60, -300, 330, -720, 840}) {
    sys_seconds t = utc_at(2026y / February / 28, 23h, 15min, 42s);
    std::string s = format_rfc2822(t, offset);
    Rfc2822Date d = parse_rfc2822(s);
    INFO(s);
    REQUIRE(d.ok());
    CHECK(d.time == t);
    CHECK(d.utc_offset_minutes == offset);
  }
}

TEST_CASE("rfc2822: accepts the forms RFC 2822 allows", "[feed]") {
  auto t = utc_at(2026y / March / 3, 8h);
  CHECK(parse_rfc2822("Tue, 03 Mar 2026 08:00:00 +0000").time == t);
  CHECK(parse_rfc2822("03 Mar 2026 08:00:00 GMT").time == t);
  CHECK(parse_rfc2822("Tue, 3 Mar 2026 08:00 UT").time == t);
  CHECK(parse_rfc2822("  Tue, 03 Mar 2026 03:00:00 EST \n").time == t);
  CHECK(parse_rfc2822("Tue, 03 Mar 2026 00:00:00 PST").time == t);
  CHECK(parse_rfc2822("Tue, 03 Mar 2026 09:30:00 +0130").time == t);
  Rfc2822Date d = parse_rfc2822("Tue, 03 Mar 2026 01:00:00 -0700");
  CHECK(d.ok());
  CHECK(d.time == t);
  CHECK(d.utc_offset_minutes == -420);
  CHECK(d.year == 2026);
  CHECK(d.month == 3);
  CHECK(d.day == 3);
  CHECK(parse_rfc2822("Sun, 29 Feb 2032 12:00:00 +0000").ok());
}

TEST_CASE("rfc2822: rejects what apps misread, with the reason", "[feed]") {
  struct Case {
    const char* text;
    const char* error;
  } cases[] = {
      {"Tue, 03 Mar 26 08:00:00 +0000", "year must have 4 digits"},
      {"Di, 03 Mär 2026 08:00:00 +0000", "unknown day name 'Di'"},
      {"Tue, 03 Mrz 2026 08:00:00 +0000", "unknown month 'Mrz'"},
      {"Wed, 03 Mar 2026 08:00:00 +0000", "day name Wed does not match the date (a Tue)"},
      {"Mon, 29 Feb 2027 08:00:00 +0000", "no such date: day 29 of Feb 2027"},
      {"Tue, 03 Mar 2026 08:00:00", "missing zone"},
      {"Tue, 03 Mar 2026 08:00:00 CET", "unknown zone 'CET'"},
      {"Tue, 03 Mar 2026 08:00:00 +00:00", "numeric zone must be +hhmm or -hhmm"},
      {"Tue, 03 Mar 2026 08:00:00 +0060", "zone minutes out of range"},
      {"Tue, 03 Mar 2026 24:00:00 +0000", "time out of range"},
      {"Tue, 03 Mar 2026 8:00:00 +0000", "time must be HH:MM or HH:MM:SS"},
      {"Tue 03 Mar 2026 08:00:00 +0000", "no comma after the day name"},
      {"2026-03-03T08:00:00Z", "day of month must be 1 or 2 digits"},
      {"Tue, 03 Mar2026 08:00:00 +0000", "no space after the month"},
      {"Tue, 03 Mar 2026 08:00:00 +0000 extra", "unexpected text after the zone: 'extra'"},
      {"", "day of month must be 1 or 2 digits"},
  };
  for (auto& c : cases) {
    INFO(c.text);
    Rfc2822Date d = parse_rfc2822(c.text);
    CHECK_FALSE(d.ok());
    CHECK(d.error == c.error);
  }
}
