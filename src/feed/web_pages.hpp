#pragma once
// The show's web pages, published next to the feed: an episode page (the `<link>` every podcast
// app opens and people share) and the show page (index.html). Pure functions over values: no
// clock, no file system.
//
// Both pages are one self-contained HTML document each: a viewport for phones, one small inline
// stylesheet and one small inline script (seeking the player, copying the feed URL), nothing
// loaded from anywhere else; a <link rel="alternate"> names the feed for autodiscovery. Every text
// and attribute value is escaped; the markup is also well-formed XML (void elements written "<meta
// …/>"), so the tests parse it strictly. Links between the files are relative, so the pages work
// under any base URL.

#include <string>
#include <vector>

#include "feed/chapters_json.hpp"
#include "feed/transcript.hpp"

namespace briefcast {

// The show as its pages present it.
struct PageShow {
  std::string title;            // the show's name, plain text
  std::string description;      // plain text
  std::string author;           // plain text, optional
  std::string language = "en";  // <html lang>, BCP 47
  std::string cover;     // the cover, relative to the output folder ("cover.png"); empty: none
  std::string feed_url;  // absolute URL of feed.xml: what people subscribe to
};

// One episode as its pages present it. Paths are relative to the output folder.
struct PageEpisode {
  std::string title;                      // plain text
  std::string date;                       // YYYY-MM-DD the episode is for
  double duration_seconds = 0;            // of the audio
  std::string page;                       // its page, e.g. "episodes/2026-11-02.html"
  std::string audio;                      // the enclosure, e.g. "episodes/2026-11-02.mp3"
  std::string audio_type = "audio/mpeg";  // its MIME type
  std::string chapters_json;              // "episodes/….chapters.json"; empty: no link
  std::string vtt;                        // "episodes/….vtt"; empty: no link
  std::string srt;                        // "episodes/….srt"; empty: no link
  std::string intro;                      // plain-text paragraph before the chapters, optional
  std::string footer;                     // plain-text closing line, optional
  std::vector<Chapter> chapters;          // episode page: the chapter list (times seek)
  std::vector<TranscriptCue> cues;        // episode page: the transcript, one entry per cue
};

// The episode's page (at `episode.page`): the show's cover and name (linking to the show page),
// the title as <h1>, date and duration as <time datetime>, an <audio controls preload="none">
// player on the enclosure, the chapters (each time a link that seeks the player — without
// scripts it opens the audio at that time — and each titled chapter with a URL linking to it),
// the transcript from `cues` with a seeking time per cue, and links to the feed, the chapters
// JSON and the VTT/SRT files.
std::string render_episode_web_page(const PageShow& show, const PageEpisode& episode);

// The show's page (index.html in the output folder): cover, title, description, "Subscribe"
// with the feed URL to copy and links for apps (podcast://, pcast://, AntennaPod's subscribe
// link), and `episodes` newest
// first (by date, then by their order in `episodes`, later first), each with its player and a
// link to its page.
std::string render_show_web_page(const PageShow& show, const std::vector<PageEpisode>& episodes);

// "Monday, 2 November 2026" for "2026-11-02"; the text itself when it is not such a date.
std::string long_date(const std::string& yyyy_mm_dd);

// The feed URL in a scheme podcast apps register to subscribe: `scheme` "podcast" (Apple
// Podcasts and most apps: "https://h/f.xml" → "podcast://h/f.xml") or "pcast" (the older
// iTunes form other apps still answer, "pcast://h/f.xml").
std::string app_scheme_url(const std::string& feed_url, const std::string& scheme);

// Percent-encodes everything except RFC 3986's unreserved characters (a query value).
std::string percent_encode(const std::string& text);

}  // namespace briefcast
