#include "feed/podcast_feed.hpp"

#include <algorithm>
#include <cmath>

#include "base/strings.hpp"
#include "base/uuid.hpp"
#include "feed/rfc2822.hpp"

namespace briefcast {

namespace {

// A CDATA section; "]]>" inside the text ends one section and opens the next between "]]" and ">".
std::string cdata(std::string_view raw) {
  const std::string s = xml_safe_text(raw);
  std::string o = "<![CDATA[";
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "]]>") == 0) {
      o += "]]]]><![CDATA[>";
      i += 2;
      continue;
    }
    o += s[i];
  }
  return o + "]]>";
}

class Writer {
 public:
  std::string out;
  void line(int depth, const std::string& s) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += s;
    out += '\n';
  }
  // <tag>escaped text</tag>, skipped when the text is empty.
  void text(int depth, const std::string& tag, std::string_view value) {
    if (!value.empty()) line(depth, "<" + tag + ">" + escape_xml(value) + "</" + tag + ">");
  }
};

std::string attr(const std::string& name, std::string_view value) {
  return " " + name + "=\"" + escape_xml(value) + "\"";
}

void write_item(Writer& w, const Channel& ch, const Episode& e) {
  w.line(2, "<item>");
  w.text(3, "title", e.title);
  if (!e.description.empty()) w.line(3, "<description>" + cdata(e.description) + "</description>");
  if (!e.content_html.empty())
    w.line(3, "<content:encoded>" + cdata(e.content_html) + "</content:encoded>");
  w.text(3, "link", e.link);
  w.line(3, "<guid isPermaLink=\"false\">" + escape_xml(e.guid) + "</guid>");
  w.line(3, "<pubDate>" + format_rfc2822(e.pub_date) + "</pubDate>");
  w.line(3, "<enclosure" + attr("url", e.enclosure_url) +
                attr("length", std::to_string(e.enclosure_length)) +
                attr("type", e.enclosure_type) + "/>");
  long duration = std::isfinite(e.duration_seconds) && e.duration_seconds > 0
                      ? std::lround(e.duration_seconds)
                      : 0;
  w.line(3, "<itunes:duration>" + std::to_string(duration) + "</itunes:duration>");
  if (e.episode_number > 0)
    w.line(3, "<itunes:episode>" + std::to_string(e.episode_number) + "</itunes:episode>");
  w.text(3, "itunes:episodeType", e.episode_type);
  w.line(3, std::string("<itunes:explicit>") + (ch.explicit_content ? "true" : "false") +
                "</itunes:explicit>");
  if (!e.image_url.empty()) w.line(3, "<itunes:image" + attr("href", e.image_url) + "/>");
  std::string lang = e.language.empty() ? ch.language : e.language;
  std::string lang_attr = lang.empty() ? "" : attr("language", lang);
  if (!e.transcript_url.empty())
    w.line(3, "<podcast:transcript" + attr("url", e.transcript_url) + attr("type", "text/vtt") +
                  lang_attr + attr("rel", "captions") + "/>");
  if (!e.transcript_srt_url.empty())
    w.line(3, "<podcast:transcript" + attr("url", e.transcript_srt_url) +
                  attr("type", "application/x-subrip") + lang_attr + attr("rel", "captions") +
                  "/>");
  if (!e.chapters_url.empty())
    w.line(3, "<podcast:chapters" + attr("url", e.chapters_url) +
                  attr("type", "application/json+chapters") + "/>");
  w.line(2, "</item>");
}

}  // namespace

std::string render_rss(const Channel& ch, const std::vector<Episode>& input) {
  std::vector<Episode> episodes = input;
  std::stable_sort(episodes.begin(), episodes.end(), [](const Episode& a, const Episode& b) {
    if (a.pub_date != b.pub_date) return a.pub_date > b.pub_date;
    return a.episode_number > b.episode_number;
  });

  Writer w;
  w.line(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  w.line(0, std::string("<rss version=\"2.0\"") + attr("xmlns:itunes", kItunesNamespace) +
                attr("xmlns:podcast", kPodcastNamespace) + attr("xmlns:atom", kAtomNamespace) +
                attr("xmlns:content", kContentNamespace) + ">");
  w.line(1, "<channel>");
  w.text(2, "title", ch.title);
  w.text(2, "link", ch.link);
  w.line(2, "<description>" + cdata(ch.description) + "</description>");
  w.text(2, "language", ch.language);
  w.text(2, "copyright", ch.copyright);
  w.text(2, "generator", ch.generator);
  if (ch.last_build_date)
    w.line(2, "<lastBuildDate>" + format_rfc2822(*ch.last_build_date) + "</lastBuildDate>");
  else if (!episodes.empty())
    w.line(2, "<lastBuildDate>" + format_rfc2822(episodes.front().pub_date) + "</lastBuildDate>");
  if (ch.ttl_minutes > 0) w.line(2, "<ttl>" + std::to_string(ch.ttl_minutes) + "</ttl>");
  if (!ch.self_url.empty())
    w.line(2, "<atom:link" + attr("href", ch.self_url) + attr("rel", "self") +
                  attr("type", "application/rss+xml") + "/>");
  if (!ch.image_url.empty() && !ch.link.empty()) {
    w.line(2, "<image>");
    w.text(3, "url", ch.image_url);
    w.text(3, "title", ch.title);
    w.text(3, "link", ch.link);
    w.line(2, "</image>");
  }
  w.text(2, "itunes:author", ch.author);
  // Strict validators reject an itunes:owner without its e-mail: no e-mail, no owner.
  if (!ch.owner_email.empty()) {
    w.line(2, "<itunes:owner>");
    w.text(3, "itunes:name", ch.owner_name);
    w.text(3, "itunes:email", ch.owner_email);
    w.line(2, "</itunes:owner>");
  }
  if (!ch.image_url.empty()) w.line(2, "<itunes:image" + attr("href", ch.image_url) + "/>");
  if (!ch.category.empty()) {
    if (ch.subcategory.empty()) {
      w.line(2, "<itunes:category" + attr("text", ch.category) + "/>");
    } else {
      w.line(2, "<itunes:category" + attr("text", ch.category) + ">");
      w.line(3, "<itunes:category" + attr("text", ch.subcategory) + "/>");
      w.line(2, "</itunes:category>");
    }
  }
  w.line(2, std::string("<itunes:explicit>") + (ch.explicit_content ? "true" : "false") +
                "</itunes:explicit>");
  w.text(2, "itunes:type", ch.type);
  w.text(2, "itunes:new-feed-url", ch.new_feed_url);
  std::string guid = ch.podcast_guid;
  if (guid.empty() && !ch.self_url.empty()) guid = podcast_guid(ch.self_url);
  w.text(2, "podcast:guid", guid);
  std::string lock_owner = ch.locked_owner.empty() ? ch.owner_email : ch.locked_owner;
  w.line(2, "<podcast:locked" + (lock_owner.empty() ? std::string() : attr("owner", lock_owner)) +
                ">" + (ch.locked && !lock_owner.empty() ? "yes" : "no") + "</podcast:locked>");
  for (const Episode& e : episodes) write_item(w, ch, e);
  w.line(1, "</channel>");
  w.line(0, "</rss>");
  return std::move(w.out);
}

}  // namespace briefcast
