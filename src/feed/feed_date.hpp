#pragma once
// The dates news feeds carry, read leniently (feeds in the wild rarely follow their own
// specification to the letter) and written as ISO 8601 for the briefing's state file.

#include <chrono>
#include <optional>
#include <string>

namespace briefcast {

// Parses the dates feeds contain: RFC 822/2822 ("Tue, 03 Mar 2026 08:00:00 +0000", with or without
// weekday and seconds, two-digit years, zone names GMT/UT/UTC/Z/EST/EDT/CST/CDT/MST/MDT/PST/PDT,
// numeric zones with or without a colon) and ISO 8601 / RFC 3339 ("2026-03-03T08:00:00Z",
// fractions, offsets, a space instead of 'T', or a date alone meaning midnight UTC).
// Returns nullopt for anything else or an impossible date.
std::optional<std::chrono::sys_seconds> parse_feed_date(const std::string& text);

// "2026-03-03T08:00:00Z"
std::string format_iso8601(std::chrono::sys_seconds t);

}  // namespace briefcast
