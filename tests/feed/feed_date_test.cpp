#include "feed/feed_date.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;
using namespace std::chrono;

namespace {

sys_seconds at(year_month_day d, hours h, minutes m = 0min, seconds s = 0s) {
  return sys_seconds{sys_days{d}} + h + m + s;
}

}  // namespace

TEST_CASE("feed dates in RFC 822 and ISO 8601 forms", "[sources]") {
  CHECK(parse_feed_date("Tue, 03 Mar 2026 08:00:00 +0000") == at(2026y / March / 3, 8h));
  CHECK(parse_feed_date("Tue, 3 Mar 2026 08:00:00 GMT") == at(2026y / March / 3, 8h));
  CHECK(parse_feed_date("03 Mar 2026 08:00 +0100") == at(2026y / March / 3, 7h));
  CHECK(parse_feed_date("Tuesday, 03 March 2026 08:00:00 -05:00") == at(2026y / March / 3, 13h));
  CHECK(parse_feed_date("Tue, 03 Mar 26 08:00:00 PDT") == at(2026y / March / 3, 15h));
  CHECK(parse_feed_date("Tue, 03 Mar 2026") == at(2026y / March / 3, 0h));
  CHECK(parse_feed_date("Tue, 03 Mar 2026 08:00:00 XYZ") == at(2026y / March / 3, 8h));
  CHECK(parse_feed_date("2026-03-03T08:00:00Z") == at(2026y / March / 3, 8h));
  CHECK(parse_feed_date("2026-03-03T08:00:00.123+01:00") == at(2026y / March / 3, 7h));
  CHECK(parse_feed_date("2026-03-03 08:00:00-0230") == at(2026y / March / 3, 10h, 30min));
  CHECK(parse_feed_date("2026-03-03T08:00") == at(2026y / March / 3, 8h));
  CHECK(parse_feed_date("2026-03-03") == at(2026y / March / 3, 0h));
  CHECK_FALSE(parse_feed_date(""));
  CHECK_FALSE(parse_feed_date("yesterday"));
  CHECK_FALSE(parse_feed_date("2026-02-30T00:00:00Z"));
  CHECK_FALSE(parse_feed_date("Tue, 31 Feb 2026 08:00:00 GMT"));
  CHECK_FALSE(parse_feed_date("2026-03-03T25:00:00Z"));
  CHECK(format_iso8601(at(2026y / March / 3, 8h, 5min, 9s)) == "2026-03-03T08:05:09Z");
}

TEST_CASE("feed dates: odd but common forms, and what is refused", "[sources]") {
  CHECK(parse_feed_date("  Mar 03 2026 08:00 GMT\n") == at(2026y / March / 3, 8h));
  CHECK(parse_feed_date("Tue, 03 Mar 99 08:00:00 Z") == at(1999y / March / 3, 8h));
  CHECK(parse_feed_date("2026-03-03t08:00:00z") == at(2026y / March / 3, 8h));
  CHECK(parse_feed_date("2026-12-31T23:59:60Z") == at(2026y / December / 31, 23h, 59min, 59s));
  CHECK_FALSE(parse_feed_date("2026-03-03T08:00:00+25:00"));
  CHECK_FALSE(parse_feed_date("Tue, 03 Foo 2026 08:00:00 GMT"));
  CHECK_FALSE(parse_feed_date("Tue, 03 Mar 2026 8am"));
  CHECK(format_iso8601(at(1999y / January / 1, 0h)) == "1999-01-01T00:00:00Z");
}
