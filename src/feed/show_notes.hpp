#pragma once
// Show notes for one episode of the daily briefing: the stories it covers with their links,
// sources and where each starts in the audio. HTML for `content:encoded`, plain text for
// `description` (the episode's web page is web_pages.hpp).

#include <string>
#include <string_view>
#include <vector>

namespace briefcast {

// One story read in the episode.
struct ShowNotesStory {
  std::string title;    // headline as read
  std::string url;      // the article; linked only when it is an absolute http(s) URL
  std::string source;   // publication name, e.g. "Reuters"; optional
  double start_s = -1;  // where the story starts in the audio, seconds; < 0: unknown (not shown)
  std::string summary;  // optional one-paragraph summary, plain text
};

// Everything the notes show.
struct ShowNotes {
  std::string intro;                    // optional opening paragraph, plain text
  std::vector<ShowNotesStory> stories;  // in the order they are read
  std::string footer;  // optional closing line, plain text (e.g. "Read by eSpeak NG")
};

// An HTML fragment (no <html>/<body>): <p>intro</p>, an <ol> of stories
// ("<li><a href=URL>Title</a> (Source) [1:05]</li>" plus a <p> summary), <p>footer</p>.
// All text and attributes are escaped; URLs other than http(s) are not linked.
std::string render_show_notes_html(const ShowNotes& notes);

// The same content as plain text, one story per line ("1. [1:05] Title (Source)").
std::string render_show_notes_text(const ShowNotes& notes);

// "M:SS" under an hour, "H:MM:SS" from an hour on, rounded down to the second.
std::string chapter_time(double seconds);

}  // namespace briefcast
