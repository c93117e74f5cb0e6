#pragma once
// RFC 2822 dates as podcast feeds carry them (`pubDate`, `lastBuildDate`):
//   Tue, 03 Mar 2026 08:00:00 +0000
// Formatted by hand with English day and month names (strftime follows the locale) and a numeric
// zone; parsed back strictly for `briefcast validate`.

#include <chrono>
#include <string>
#include <string_view>

namespace briefcast {

// `t` written in the zone `utc_offset_minutes` east of UTC (e.g. +60 → "+0100"); the date and
// time shown are local to that zone. Offsets beyond ±23:59 throw Error(ExitCode::invalid)
// ("RFC 2822 date: UTC offset of 1440 minutes is beyond ±23:59"): no feed is written with them.
std::string format_rfc2822(std::chrono::sys_seconds t, int utc_offset_minutes = 0);

// `t` in the process's local time zone (TZ / /etc/localtime), with its offset at that instant.
std::string format_rfc2822_local(std::chrono::sys_seconds t);

// The result of parsing one date. `error` is empty when the text is a valid RFC 2822 date.
struct Rfc2822Date {
  std::chrono::sys_seconds time{};   // the instant, UTC
  int utc_offset_minutes = 0;        // the zone as written (+0100 → 60, EST → -300)
  int year = 0, month = 0, day = 0;  // the calendar date as written (in that zone)
  std::string error;                 // why the text was rejected, e.g. "unknown month 'Mrz'"
  bool ok() const { return error.empty(); }
};

// Strict RFC 2822 (section 3.3): optional English day name that must match the date, 1-2 digit
// day, English month, 4-digit year, HH:MM[:SS], and a zone that is numeric (+hhmm / -hhmm) or
// one of UT, GMT, Z, EST, EDT, CST, CDT, MST, MDT, PST, PDT. Surrounding whitespace is allowed,
// nothing else is. Never throws.
Rfc2822Date parse_rfc2822(std::string_view text);

}  // namespace briefcast
