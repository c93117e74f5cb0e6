#include "support/sample_feed.hpp"

namespace briefcast::test {

Channel sample_channel() {
  Channel c;
  c.title = "Morning Briefing";
  c.link = "https://news.example.com/";
  c.description = "The day's news, read aloud.";
  c.author = "Briefcast";
  c.owner_email = "ed@example.com";
  c.image_url = "https://news.example.com/cover.png";
  c.self_url = kSampleFeedUrl;
  return c;
}

Episode sample_episode(int n, const std::string& base) {
  Episode e;
  e.guid = "briefcast-" + std::to_string(n);
  e.enclosure_url = base + "ep/" + std::to_string(n) + ".mp3";
  e.enclosure_length = 1000u + static_cast<unsigned>(n);
  e.episode_number = n;
  return e;
}

}  // namespace briefcast::test
