// The --build-at schedule: "HH:MM" parsing and the next run by the local wall clock, in fixed
// time zones (UTC, and Europe/London across both daylight-saving changes).
#include "serve/daily_schedule.hpp"

#include <catch2/catch.hpp>
#include <ctime>

#include "support/test_support.hpp"
#include "support/time_points.hpp"

using namespace briefcast;

using test::utc_time_t;

TEST_CASE("daily schedule: HH:MM to minutes after midnight", "[serve]") {
  CHECK(parse_daily_time("06:30") == 390);
  CHECK(parse_daily_time("0:05") == 5);
  CHECK(parse_daily_time("00:00") == 0);
  CHECK(parse_daily_time("23:59") == 1439);
  CHECK_FALSE(parse_daily_time("24:00"));
  CHECK_FALSE(parse_daily_time("12:60"));
  CHECK_FALSE(parse_daily_time("1230"));
  CHECK_FALSE(parse_daily_time("12:3"));
  CHECK_FALSE(parse_daily_time("ab:cd"));
  CHECK_FALSE(parse_daily_time("123:00"));
  CHECK_FALSE(parse_daily_time(":30"));
  CHECK_FALSE(parse_daily_time("-1:30"));
  CHECK_FALSE(parse_daily_time(""));
  CHECK(daily_time_text(390) == "06:30");
  CHECK(daily_time_text(0) == "00:00");
  CHECK(daily_time_text(1439) == "23:59");
}

TEST_CASE("daily schedule: the next run in UTC", "[serve]") {
  test::TimeZone zone("UTC");
  const std::time_t eight = utc_time_t(2026, 3, 3, 8, 0);
  CHECK(next_daily_run(eight, 8 * 60 + 1) == eight + 60);
  CHECK(next_daily_run(eight, 8 * 60) == eight + 86400);  // its minute has begun: tomorrow
  CHECK(next_daily_run(eight + 59, 8 * 60) == eight + 86400);
  CHECK(next_daily_run(eight, 6 * 60 + 30) == utc_time_t(2026, 3, 4, 6, 30));
  CHECK(next_daily_run(eight, 23 * 60 + 59) == utc_time_t(2026, 3, 3, 23, 59));
  CHECK(next_daily_run(utc_time_t(2026, 12, 31, 23, 30), 0) == utc_time_t(2027, 1, 1, 0, 0));
}

TEST_CASE("daily schedule: the wall clock across daylight-saving changes", "[serve]") {
  test::TimeZone zone("Europe/London");  // GMT+0 / BST+1; changes 29 March and 25 October 2026
  // Noon stays noon: 23 hours across the spring change, 25 across the autumn one.
  CHECK(next_daily_run(utc_time_t(2026, 3, 28, 12, 0), 12 * 60) == utc_time_t(2026, 3, 29, 11, 0));
  CHECK(next_daily_run(utc_time_t(2026, 10, 24, 11, 0), 12 * 60) ==
        utc_time_t(2026, 10, 25, 12, 0));
  // 01:30 does not exist on 29 March: it runs at 02:30 BST (01:30 UTC).
  CHECK(next_daily_run(utc_time_t(2026, 3, 28, 12, 0), 90) == utc_time_t(2026, 3, 29, 1, 30));
  // The day after, 01:30 BST again.
  CHECK(next_daily_run(utc_time_t(2026, 3, 29, 12, 0), 90) == utc_time_t(2026, 3, 30, 0, 30));
}

TEST_CASE("daily schedule: the next run in this machine's time zone", "[serve]") {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  int minute_now = tm.tm_hour * 60 + tm.tm_min;
  std::time_t next = next_daily_run(now, minute_now);  // this minute has begun: tomorrow
  CHECK(next > now + 22 * 3600);
  CHECK(next <= now + 26 * 3600);
  std::tm at{};
  localtime_r(&next, &at);
  CHECK(at.tm_hour * 60 + at.tm_min == minute_now);
  CHECK(at.tm_sec == 0);
}
