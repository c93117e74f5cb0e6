#pragma once
// The podcast feed: RSS 2.0 with the iTunes, Podcasting 2.0, Atom and content namespaces, as
// Apple Podcasts, gPodder and AntennaPod read it (see ../shared/reference/podcast.md).
// A pure function of values: no clock, no file system.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace briefcast {

inline constexpr const char* kItunesNamespace = "http://www.itunes.com/dtds/podcast-1.0.dtd";
inline constexpr const char* kPodcastNamespace = "https://podcastindex.org/namespace/1.0";
inline constexpr const char* kAtomNamespace = "http://www.w3.org/2005/Atom";
inline constexpr const char* kContentNamespace = "http://purl.org/rss/1.0/modules/content/";

// The show.
struct Channel {
  std::string title;               // <title>, required
  std::string link;                // <link>: the show's web page, absolute URL
  std::string description;         // <description> (CDATA; may hold HTML); Apple: <= 4000 bytes
  std::string language = "en-us";  // <language>, ISO 639 (+ region)
  std::string author;              // <itunes:author>
  std::string owner_name;          // <itunes:owner><itunes:name>, written only with owner_email
  std::string owner_email;         // <itunes:owner><itunes:email>; empty: no itunes:owner
  std::string image_url;           // <itunes:image href> and <image>: square JPEG/PNG
  std::string category = "News";   // <itunes:category text>, Apple's list
  std::string subcategory = "Daily News";  // nested <itunes:category>; empty: none
  bool explicit_content = false;           // <itunes:explicit> true/false
  std::string type = "episodic";           // <itunes:type>: episodic or serial
  std::string self_url;                    // <atom:link rel="self">: where this feed is published
  std::string podcast_guid;                // <podcast:guid>; empty: podcast_guid(self_url)
  // <podcast:locked> yes/no: other hosts may not import it. Written "yes" only with an owner
  // e-mail (locked_owner or owner_email): a lock nobody can verify is written "no".
  bool locked = true;
  std::string locked_owner;  // <podcast:locked owner>: e-mail; empty: owner_email
  // <lastBuildDate>: when the feed was built; unset: the newest episode's pubDate.
  std::optional<std::chrono::sys_seconds> last_build_date;
  std::string copyright;                // <copyright>, optional
  std::string generator = "briefcast";  // <generator>
  std::string new_feed_url;             // <itunes:new-feed-url> when the feed moved, else empty
  int ttl_minutes = 0;                  // <ttl>, 0: omitted
};

// One episode.
struct Episode {
  std::string title;                    // <title>; unique per day, no episode number in it
  std::string guid;                     // <guid isPermaLink="false">; never changes once published
  std::chrono::sys_seconds pub_date{};  // <pubDate>, written in UTC (+0000)
  std::string enclosure_url;            // <enclosure url>: absolute http(s) URL of the MP3
  std::uint64_t enclosure_length = 0;   // <enclosure length>: exact file size, bytes
  std::string enclosure_type = "audio/mpeg";  // <enclosure type>
  double duration_seconds = 0;                // <itunes:duration>, written rounded to whole seconds
  int episode_number = 0;                     // <itunes:episode>, 0: omitted
  std::string episode_type = "full";          // <itunes:episodeType>: full, trailer or bonus
  std::string description;                    // <description>: plain text (CDATA)
  std::string content_html;                   // <content:encoded> (CDATA); empty: omitted
  std::string link;                           // <link>: the episode's page, optional
  std::string image_url;                      // <itunes:image href>, optional
  std::string transcript_url;                 // <podcast:transcript type="text/vtt">, optional
  std::string transcript_srt_url;             // <podcast:transcript type="application/x-subrip">
  std::string chapters_url;                   // <podcast:chapters type="application/json+chapters">
  std::string language;                       // transcript language attribute; empty: the channel's
};

// The whole feed document, UTF-8, starting with the XML declaration. Episodes are written newest
// first (by pub_date, then by episode_number), whatever their order in `episodes`.
// Text is XML-escaped; description and content:encoded go in CDATA sections with "]]>" split;
// characters XML 1.0 forbids (C0 controls other than tab/newline/CR) are dropped.
// Does not validate: `validate_feed` does that on the result.
std::string render_rss(const Channel& channel, const std::vector<Episode>& episodes);

}  // namespace briefcast
