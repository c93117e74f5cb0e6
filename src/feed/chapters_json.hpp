#pragma once
// Podcasting 2.0 chapters file (`podcast:chapters type="application/json+chapters"`):
//   {"version":"1.2.0","chapters":[{"startTime":0.0,"title":"...","url":"..."}]}

#include <optional>
#include <string>
#include <vector>

namespace briefcast {

// One chapter of an episode.
struct Chapter {
  double start_s = 0;           // seconds from the start of the audio (written as a float)
  std::optional<double> end_s;  // seconds; written as "endTime" when set
  std::string title;            // shown in the app's chapter list
  std::string url;              // optional link for the chapter (the story's article)
  std::string image_url;        // optional "img"
  bool toc = true;              // false: a silent marker, written as "toc": false
};

// The chapters JSON, startTime ascending (stable for equal starts), times rounded to the
// millisecond, empty optional fields omitted, pretty-printed with 2 spaces.
// Throws Error(ExitCode::invalid) "chapter 'TITLE': start time T s is not a time in the episode"
// for a negative or non-finite start time: such a file is not published.
std::string render_chapters_json(const std::vector<Chapter>& chapters);

}  // namespace briefcast
