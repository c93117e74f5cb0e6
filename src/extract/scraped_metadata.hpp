#pragma once
// The lines of scraped text that are facts about the story rather than the story: its byline,
// photo credits and a dateline standing alone. Pure functions over one tidied block of text
// (tidy_unicode: single spaces, plain quotes); nothing here throws but std::bad_alloc.

#include <optional>
#include <string>
#include <string_view>

namespace briefcast {

// The name a byline gives, or nullopt: "By Jane Doe", "By Jane Doe, Staff Writer | May 2",
// "Written by Jane Doe", "Author: Jane Doe", "An AFP report". The name must look like one
// (capitalized words and particles such as "de", "van", "and"); lines over 14 words or ending
// in a period are never bylines.
std::optional<std::string> byline_name(std::string_view text);

// A photo credit: "Photo: ...", "Image credit ...", "(Photo by ...)", ".../Getty Images",
// ".../Reuters"; at most 20 words.
bool is_photo_credit(std::string_view text);

// A dateline on its own ("May 2, 2024", "2 May 2024", "Published: 2024-05-02", "Updated
// Monday March 3, 2024 10:30 am"): the date as ISO 8601 (YYYY-MM-DD), or nullopt.
std::optional<std::string> standalone_date(std::string_view text);

}  // namespace briefcast
