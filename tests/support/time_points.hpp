#pragma once
// UTC wall-clock times as the tests write them: a calendar date and a time of day.

#include <chrono>
#include <ctime>

namespace briefcast::test {

// Seconds since the epoch (time_t) of a UTC date and time: utc_time_t(2026, 11, 2, 12) is noon
// UTC on 2 November 2026. Months and days count from 1.
std::time_t utc_time_t(int year, int month, int day, int hour, int minute = 0, int second = 0);

// The same as a time point: utc_at(2026y / March / 3, 8h, 30min).
std::chrono::sys_seconds utc_at(std::chrono::year_month_day day, std::chrono::hours hour,
                                std::chrono::minutes minute = std::chrono::minutes{0},
                                std::chrono::seconds second = std::chrono::seconds{0});

}  // namespace briefcast::test
