#pragma once
// The day an episode is for: `build --date YYYY-MM-DD` (default today), its local noon (the
// reference time of the episode: template dates, the pubDate of a back-dated episode, the age of
// cached parts) and when the episode is said to be published.
//
// Local time is the process's time zone (TZ, /etc/localtime), read through localtime_r/mktime.

#include <chrono>
#include <ctime>
#include <string>

namespace briefcast {

struct EpisodeDay {
  std::string date;                         // "YYYY-MM-DD" as given
  std::time_t noon = 0;                     // local noon of that day, seconds since the epoch
  std::chrono::local_seconds local_noon{};  // the same wall-clock time, for episode templates
};

// Today's local date, "YYYY-MM-DD".
std::string today_local();

// Parses "YYYY-MM-DD". Throws Error(ExitCode::usage) naming the option:
//   "--date 'DATE': expected YYYY-MM-DD"   other shapes, month 1-12, day 1-31
//   "--date 'DATE': no such day"           e.g. 2026-02-30
EpisodeDay parse_episode_day(const std::string& date);

// True when `day` starts after `now` (its local noon is more than 12 hours ahead).
bool is_future_day(const EpisodeDay& day, std::time_t now);

// The pubDate of `day`'s episode built at `now`: `now` for today's episode (`today` is
// today_local()), else noon of that earlier day, never later than `now`.
std::time_t publication_time(const EpisodeDay& day, const std::string& today, std::time_t now);

// True when a cached part last used on `last_used` ("YYYY-MM-DD") was used more than `days`
// days before `day`'s noon, or when `last_used` is not a date (such entries are dropped).
bool unused_for_longer_than(const std::string& last_used, const EpisodeDay& day, double days);

}  // namespace briefcast
