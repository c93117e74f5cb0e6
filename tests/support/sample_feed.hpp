#pragma once
// The podcast the feed tests render, validate and parse: one show and its numbered episodes, so
// that each test states only what it changes.

#include <string>

#include "feed/podcast_feed.hpp"

namespace briefcast::test {

// Where the sample show's feed is published.
inline const std::string kSampleFeedUrl = "https://news.example.com/podcast/feed.xml";

// "Morning Briefing" by "Briefcast": link https://news.example.com/, description "The day's news,
// read aloud.", owner e-mail ed@example.com, cover https://news.example.com/cover.png, self URL
// kSampleFeedUrl; every other field keeps the Channel default (en-us, News / Daily News).
Channel sample_channel();

// Episode `n` of the sample show: guid "briefcast-N", enclosure `base` + "ep/N.mp3" of 1000 + N
// bytes, itunes:episode N. Title, date, duration and notes are each test's own.
Episode sample_episode(int n, const std::string& base = "https://news.example.com/podcast/");

}  // namespace briefcast::test
