#pragma once
// The daily schedule of `briefcast serve --build-at HH:MM`: reading the time of day and finding
// when, by the local wall clock, the job next runs.
//
// Pure functions over values, except that next_daily_run reads the process's time zone (TZ and
// /etc/localtime, through localtime_r and mktime). Nothing here throws.

#include <ctime>
#include <optional>
#include <string>

namespace briefcast {

// "HH:MM" (00:00-23:59; the hour may have one digit: "6:05") to minutes after midnight, e.g.
// "06:30" → 390. nullopt when malformed ("24:00", "12:3", "1230", "ab:cd").
std::optional<int> parse_daily_time(const std::string& hh_mm);

// minutes after midnight (0-1439) → "HH:MM", always two digits each: 390 → "06:30".
std::string daily_time_text(int minute_of_day);

// The first local time strictly after `now` (seconds since the epoch) whose wall clock reads
// `minute_of_day` (0-1439) at second 0, so a job started at its minute next runs tomorrow.
// DST-aware: the date advances by calendar days, not by 24 hours, and mktime decides the UTC
// offset of the target day, so 12:00 stays 12:00 across a change (23 or 25 hours later). A time
// the spring change skips is moved forward by the size of the gap (Europe/London: 01:30 on that
// night runs at 02:30 summer time). Falls back to now + 24 h if mktime finds no such time
// within three days.
std::time_t next_daily_run(std::time_t now, int minute_of_day);

}  // namespace briefcast
