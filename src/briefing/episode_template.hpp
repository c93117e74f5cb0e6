#pragma once
// Episode texts from templates: the title, intro and outro of a feed definition (feeds/NAME.json,
// field "episode") rendered for one day's episode. Pure functions over values; names of days and
// months are English whatever the locale. Errors are Error(ExitCode::feed) whose message names
// the problem only; feed_config.cpp prefixes the file and field when it checks a definition.
//
// Placeholders in braces are replaced; everything else is kept. "{{" and "}}" are literal braces.
//   {show}        the show title
//   {date}        the episode date in the voice's order: "Wednesday, November 25, 2026" for
//                 a US voice (language "en-US"), "Wednesday, 25 November 2026" otherwise
//   {date:FMT}    the date with a format: %Y year, %y two-digit year, %m month 01-12, %-m 1-12,
//                 %d day 01-31, %-d 1-31, %B January, %b Jan, %A Monday, %a Mon, %H hour 00-23,
//                 %M minute, %j day of year, %% a percent sign.
//   {headlines}   the story titles as sentences, "Budget approved. Markets rally!": a title
//                 without final punctuation gets a full stop, blank titles are left out
//                 (intro/outro only)
//   {count}       the number of stories (intro/outro only)

#include <chrono>
#include <string>
#include <vector>

namespace briefcast {

struct TemplateValues {
  std::string show;                    // the show title
  std::chrono::local_seconds date{};   // local date and time of the episode
  std::vector<std::string> headlines;  // story titles in episode order
  std::string language;                // the voice's BCP 47 tag: picks the order of {date}
};

// Renders `text`. Throws Error(ExitCode::feed) for a placeholder not in the list or not allowed
// (`allow_stories` false, as for the episode title: {headlines} and {count} rejected):
//   "unknown placeholder '{count}' (known: {show}, {date}, {date:FORMAT})"
// and for a lone brace: "unclosed '{' (write \"{{\" for a brace)", "a single '}' (...)".
std::string render_template(const std::string& text, const TemplateValues& values,
                            bool allow_stories = true);

// Formats a local time with the conversions listed above, e.g. "%A, %-d %B %Y" → "Tuesday, 3
// March 2026". Throws Error(ExitCode::feed) for a format ending in '%' ("date format ends in
// '%'") or a conversion not in the list ("unknown date conversion '%Q' (known: ...)").
std::string format_date(std::chrono::local_seconds t, const std::string& format);

}  // namespace briefcast
