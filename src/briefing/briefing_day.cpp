#include "briefing/briefing_day.hpp"

#include <algorithm>
#include <cstdio>

#include "base/error.hpp"

namespace briefcast {

namespace {

// Local noon of YYYY-MM-DD (normalized by mktime). Throws Error(usage).
std::tm noon_of(const std::string& day) {
  std::tm tm{};
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(day.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 ||
      d < 1 || d > 31)
    throw Error(ExitCode::usage, "--date '" + day + "': expected YYYY-MM-DD");
  tm.tm_year = y - 1900;
  tm.tm_mon = m - 1;
  tm.tm_mday = d;
  tm.tm_hour = 12;
  tm.tm_isdst = -1;
  std::tm check = tm;
  if (std::mktime(&check) == -1 || check.tm_mday != d)
    throw Error(ExitCode::usage, "--date '" + day + "': no such day");
  return tm;
}

}  // namespace

std::string today_local() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

EpisodeDay parse_episode_day(const std::string& date) {
  std::tm noon = noon_of(date);
  EpisodeDay day;
  day.date = date;
  day.noon = std::mktime(&noon);
  // timegm of the wall-clock fields: the local time as if it were UTC, which is what
  // local_seconds means.
  day.local_noon = std::chrono::local_seconds(std::chrono::seconds(timegm(&noon)));
  return day;
}

bool is_future_day(const EpisodeDay& day, std::time_t now) { return day.noon - 12 * 3600 > now; }

std::time_t publication_time(const EpisodeDay& day, const std::string& today, std::time_t now) {
  return day.date == today ? now : std::min<std::time_t>(now, day.noon);
}

bool unused_for_longer_than(const std::string& last_used, const EpisodeDay& day, double days) {
  try {
    std::tm used = noon_of(last_used);
    return std::difftime(day.noon, std::mktime(&used)) > days * 86400.0;
  } catch (const Error&) {
    return true;
  }
}

}  // namespace briefcast
