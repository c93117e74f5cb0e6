#include "serve/daily_schedule.hpp"

#include <cctype>
#include <cstdio>

namespace briefcast {

std::optional<int> parse_daily_time(const std::string& s) {
  int h = 0, m = 0;
  std::size_t colon = s.find(':');
  if (colon == std::string::npos || colon < 1 || colon > 2 || s.size() != colon + 3) return {};
  for (std::size_t i = 0; i < s.size(); ++i)
    if (i != colon && !std::isdigit(static_cast<unsigned char>(s[i]))) return {};
  h = std::stoi(s.substr(0, colon));
  m = std::stoi(s.substr(colon + 1));
  if (h > 23 || m > 59) return {};
  return h * 60 + m;
}

std::string daily_time_text(int minute_of_day) {
  char at[32];
  std::snprintf(at, sizeof at, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
  return at;
}

std::time_t next_daily_run(std::time_t now, int minute_of_day) {
  for (int day = 0; day < 3; ++day) {
    std::tm tm{};
    localtime_r(&now, &tm);
    tm.tm_mday += day;
    tm.tm_hour = minute_of_day / 60;
    tm.tm_min = minute_of_day % 60;
    tm.tm_sec = 0;
    tm.tm_isdst = -1;  // let mktime decide: the target day may be on the other side of DST
    std::time_t t = std::mktime(&tm);
    if (t > now) return t;
  }
  return now + 24 * 3600;
}

}  // namespace briefcast
