#include "support/time_points.hpp"

namespace briefcast::test {

std::time_t utc_time_t(int year, int month, int day, int hour, int minute, int second) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  return timegm(&tm);
}

std::chrono::sys_seconds utc_at(std::chrono::year_month_day day, std::chrono::hours hour,
                                std::chrono::minutes minute, std::chrono::seconds second) {
  return std::chrono::sys_seconds{std::chrono::sys_days{day}} + hour + minute + second;
}

}  // namespace briefcast::test
