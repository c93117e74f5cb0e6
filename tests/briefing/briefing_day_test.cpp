// The day an episode is for: --date parsing and its messages, local noon in fixed time zones,
// the future check, the pubDate rule and the age of cached parts.
#include "briefing/briefing_day.hpp"

#include <catch2/catch.hpp>

#include "base/error.hpp"
#include "support/error_capture.hpp"
#include "support/test_support.hpp"
#include "support/time_points.hpp"

using namespace briefcast;
using namespace std::chrono;
using test::utc_time_t;

namespace {

std::string date_error(const std::string& date) {
  return test::error_message([&] { parse_episode_day(date); }, ExitCode::usage);
}

}  // namespace

TEST_CASE("briefing day: YYYY-MM-DD to local noon", "[build]") {
  {
    test::TimeZone zone("UTC");
    EpisodeDay d = parse_episode_day("2026-11-02");
    CHECK(d.date == "2026-11-02");
    CHECK(d.noon == utc_time_t(2026, 11, 2, 12));
    CHECK(d.local_noon == local_days{2026y / November / 2} + 12h);
    CHECK(parse_episode_day("2024-02-29").noon == utc_time_t(2024, 2, 29, 12));
  }
  test::TimeZone zone("Europe/London");
  EpisodeDay summer = parse_episode_day("2026-07-01");
  CHECK(summer.noon == utc_time_t(2026, 7, 1, 11));  // BST
  CHECK(summer.local_noon == local_days{2026y / July / 1} + 12h);
  CHECK(parse_episode_day("2026-03-29").noon ==
        utc_time_t(2026, 3, 29, 11));  // the spring change day
}

TEST_CASE("briefing day: a bad --date says what is wrong", "[build]") {
  CHECK(date_error("2026-13-01") == "--date '2026-13-01': expected YYYY-MM-DD");
  CHECK(date_error("2026-11-02x") == "--date '2026-11-02x': expected YYYY-MM-DD");
  CHECK(date_error("tomorrow") == "--date 'tomorrow': expected YYYY-MM-DD");
  CHECK(date_error("") == "--date '': expected YYYY-MM-DD");
  CHECK(date_error("2026-02-30") == "--date '2026-02-30': no such day");
  CHECK(date_error("2025-02-29") == "--date '2025-02-29': no such day");
}

TEST_CASE("briefing day: future days, publication times, stale cache entries", "[build]") {
  test::TimeZone zone("UTC");
  EpisodeDay d = parse_episode_day("2026-11-02");
  CHECK(is_future_day(d, utc_time_t(2026, 11, 1, 23, 59)));
  CHECK_FALSE(is_future_day(d, utc_time_t(2026, 11, 2, 0)));
  CHECK_FALSE(is_future_day(d, utc_time_t(2027, 1, 1, 0)));

  // Today's episode is published now; an earlier day's at its noon, never after now.
  CHECK(publication_time(d, "2026-11-02", utc_time_t(2026, 11, 2, 7)) ==
        utc_time_t(2026, 11, 2, 7));
  CHECK(publication_time(d, "2026-11-05", utc_time_t(2026, 11, 5, 7)) ==
        utc_time_t(2026, 11, 2, 12));
  CHECK(publication_time(d, "2026-11-03", utc_time_t(2026, 11, 2, 8)) ==
        utc_time_t(2026, 11, 2, 8));

  EpisodeDay later = parse_episode_day("2026-11-20");
  CHECK_FALSE(unused_for_longer_than("2026-11-20", later, 14));
  CHECK_FALSE(unused_for_longer_than("2026-11-06", later, 14));  // exactly 14 days
  CHECK(unused_for_longer_than("2026-11-05", later, 14));
  CHECK(unused_for_longer_than("not a date", later, 14));
  CHECK(unused_for_longer_than("", later, 14));
}
