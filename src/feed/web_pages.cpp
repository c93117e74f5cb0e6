#include "feed/web_pages.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "base/strings.hpp"
#include "feed/show_notes.hpp"
#include "net/url_tools.hpp"

namespace briefcast {

namespace {

// One small stylesheet for both pages: system fonts, readable at 320 px, dark mode from the
// system's setting.
constexpr const char* kStyle =
    ":root{color-scheme:light dark;--muted:#666;--line:#8884;--accent:#0a58ca}"
    "@media (prefers-color-scheme:dark){:root{--muted:#aaa;--accent:#8ab4f8}}"
    "*{box-sizing:border-box}"
    "body{margin:0 auto;max-width:44rem;padding:1rem;font:1.05rem/1.55 system-ui,-apple-system,"
    "'Segoe UI',Roboto,sans-serif;overflow-wrap:anywhere}"
    "a{color:var(--accent)}"
    "header.show{display:flex;gap:1rem;align-items:center;margin-bottom:1rem}"
    "header.show img{width:5rem;height:5rem;border-radius:.5rem;flex:none}"
    "header.show p{margin:0}"
    ".hero img{width:100%;max-width:12rem;height:auto;border-radius:.75rem}"
    "h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}"
    "h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-top:1px solid var(--line);padding-top:1rem}"
    "h3{font-size:1.05rem;margin:0 0 .25rem}"
    ".meta{color:var(--muted);margin:.25rem 0 .75rem}"
    "audio{width:100%;margin:.25rem 0}"
    "ol.chapters,ol.episodes,ul.links{padding-left:0;list-style:none}"
    "ol.chapters li{display:flex;gap:.75rem;padding:.3rem 0;border-bottom:1px solid var(--line)}"
    "a.seek{font-variant-numeric:tabular-nums;min-width:3.5rem;text-decoration:none}"
    "ol.episodes li{padding:.75rem 0;border-bottom:1px solid var(--line)}"
    ".transcript p{margin:.35rem 0}"
    ".transcript a.seek{display:inline-block;font-size:.85rem}"
    "ul.links li{display:inline-block;margin:0 1rem .5rem 0}"
    ".subscribe input{width:100%;font:inherit;padding:.4rem}"
    ".subscribe button{font:inherit;margin:.5rem 0}";

// Seeks the page's player from a.seek links (their href opens the audio at that time when
// scripts are off) and copies the feed URL. Written without '&' and '<' so the page stays
// well-formed XML.
constexpr const char* kScript =
    "document.addEventListener('click',function(e){"
    "var a=e.target.closest('a.seek');"
    "if(a){var p=document.getElementById(a.getAttribute('data-player'));"
    "if(!p)return;e.preventDefault();p.currentTime=parseFloat(a.getAttribute('data-start'));"
    "var r=p.play();if(r)r.catch(function(){});return;}"
    "var b=e.target.closest('button[data-copy]');"
    "if(b){var i=document.getElementById(b.getAttribute('data-copy'));i.select();"
    "if(navigator.clipboard)navigator.clipboard.writeText(i.value).catch(function(){});"
    "else document.execCommand('copy');}});";

std::string esc(const std::string& s) { return escape_html(s); }

// `target` (relative to the output folder) as seen from `page` (also relative to it): a file in
// the page's own folder by its name, others through "../".
std::string relative_to(const std::string& page, const std::string& target) {
  const std::string dir = page.substr(0, page.rfind('/') + 1);  // "" or "episodes/"
  if (!dir.empty() && target.compare(0, dir.size(), dir) == 0) return target.substr(dir.size());
  std::string up;
  for (char c : dir)
    if (c == '/') up += "../";
  return up + target;
}

// "PT1H2M5S": a valid HTML duration string.
std::string iso_duration(double seconds) {
  long s = std::isfinite(seconds) && seconds > 0 ? std::lround(seconds) : 0;
  std::string out = "PT";
  if (s >= 3600) out += std::to_string(s / 3600) + "H";
  if (s >= 60) out += std::to_string(s / 60 % 60) + "M";
  return out + std::to_string(s % 60) + "S";
}

std::string seconds_attr(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", std::isfinite(seconds) && seconds > 0 ? seconds : 0.0);
  return buf;
}

bool is_iso_date(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  return true;
}

// The document up to <body>; `page` is where it is published (relative to the output folder), for
// the feed's autodiscovery link.
std::string head(const PageShow& show, const std::string& page, const std::string& title,
                 const std::string& description) {
  std::string h = "<!DOCTYPE html>\n<html lang=\"" + esc(show.language) + "\">\n<head>\n";
  h += "<meta charset=\"utf-8\"/>\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
  h += "<title>" + esc(title) + "</title>\n";
  if (!description.empty())
    h += "<meta name=\"description\" content=\"" + esc(description) + "\"/>\n";
  // Feed autodiscovery: browsers and podcast apps find the feed from any page of the show.
  h += "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"" + esc(show.title) +
       "\" href=\"" + esc(relative_to(page, "feed.xml")) + "\"/>\n";
  h += "<style>" + std::string(kStyle) + "</style>\n</head>\n";
  return h;
}

std::string foot() { return "<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n"; }

std::string date_line(const PageEpisode& e) {
  std::string line = "<p class=\"meta\">";
  if (is_iso_date(e.date))
    line += "<time datetime=\"" + e.date + "\">" + esc(long_date(e.date)) + "</time>";
  else
    line += esc(e.date);
  line += " · <time datetime=\"" + iso_duration(e.duration_seconds) + "\">" +
          chapter_time(e.duration_seconds) + "</time></p>\n";
  return line;
}

std::string player(const std::string& id, const std::string& src, const std::string& type,
                   const std::string& title) {
  return "<audio id=\"" + id + "\" controls=\"controls\" preload=\"none\" src=\"" + esc(src) +
         "\" aria-label=\"" + esc(title) + "\">Your browser cannot play this; <a href=\"" +
         esc(src) + "\" type=\"" + esc(type) + "\">download the episode</a>.</audio>\n";
}

std::string seek_link(const std::string& player_id, const std::string& audio, double start_s) {
  std::string start = seconds_attr(start_s);
  return "<a class=\"seek\" href=\"" + esc(audio) + "#t=" + start + "\" data-player=\"" +
         player_id + "\" data-start=\"" + start + "\"><time datetime=\"" +
         iso_duration(std::isfinite(start_s) ? std::floor(start_s) : 0) + "\">" +
         chapter_time(start_s) + "</time></a>";
}

}  // namespace

std::string long_date(const std::string& d) {
  using namespace std::chrono;
  if (!is_iso_date(d)) return d;
  year_month_day ymd{year{std::stoi(d.substr(0, 4))}, month{unsigned(std::stoi(d.substr(5, 2)))},
                     day{unsigned(std::stoi(d.substr(8, 2)))}};
  if (!ymd.ok()) return d;
  static const char* const kDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                      "Thursday", "Friday", "Saturday"};
  static const char* const kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};
  weekday wd{sys_days{ymd}};
  return std::string(kDays[wd.c_encoding()]) + ", " + std::to_string(unsigned(ymd.day())) + " " +
         kMonths[unsigned(ymd.month()) - 1] + " " + std::to_string(int(ymd.year()));
}

std::string app_scheme_url(const std::string& feed_url, const std::string& scheme) {
  auto at = feed_url.find("://");
  return scheme + "://" + (at == std::string::npos ? feed_url : feed_url.substr(at + 3));
}

std::string percent_encode(const std::string& text) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string render_episode_web_page(const PageShow& show, const PageEpisode& e) {
  const std::string& here = e.page;
  const std::string audio = relative_to(here, e.audio);
  std::string h = head(show, here, e.title + " · " + show.title, e.intro);
  h += "<body>\n<header class=\"show\">";
  if (!show.cover.empty())
    h += "<img src=\"" + esc(relative_to(here, show.cover)) +
         "\" alt=\"\" width=\"80\" height=\"80\"/>";
  h += "<p><a href=\"" + esc(relative_to(here, "index.html")) + "\">" + esc(show.title) +
       "</a></p></header>\n<main>\n<article>\n";
  h += "<h1>" + esc(e.title) + "</h1>\n" + date_line(e);
  h += player("player", audio, e.audio_type, e.title);
  if (!e.intro.empty()) h += "<p>" + esc(e.intro) + "</p>\n";

  if (!e.chapters.empty()) {
    h += "<section aria-labelledby=\"chapters\">\n<h2 id=\"chapters\">Chapters</h2>\n"
         "<ol class=\"chapters\">\n";
    for (const Chapter& c : e.chapters) {
      if (!c.toc) continue;
      h += "<li>" + seek_link("player", audio, c.start_s) + " <span>";
      if (is_http_url(c.url))
        h += "<a href=\"" + esc(c.url) + "\">" + esc(c.title) + "</a>";
      else
        h += esc(c.title);
      h += "</span></li>\n";
    }
    h += "</ol>\n</section>\n";
  }

  bool any_cue = std::any_of(e.cues.begin(), e.cues.end(),
                             [](const TranscriptCue& c) { return c.end_s > c.start_s; });
  if (any_cue) {
    h += "<section class=\"transcript\" aria-labelledby=\"transcript\">\n"
         "<h2 id=\"transcript\">Transcript</h2>\n";
    for (const TranscriptCue& c : e.cues) {
      if (c.end_s <= c.start_s) continue;  // skipped by the VTT as well
      h += "<p>" + seek_link("player", audio, c.start_s) + " ";
      if (!c.speaker.empty()) h += "<b>" + esc(c.speaker) + ":</b> ";
      h += esc(fold_space(c.text)) + "</p>\n";
    }
    h += "</section>\n";
  }

  h += "<section aria-labelledby=\"files\">\n<h2 id=\"files\">Files</h2>\n<ul class=\"links\">\n";
  h += "<li><a href=\"" + esc(relative_to(here, "feed.xml")) +
       "\" type=\"application/rss+xml\">Podcast feed (RSS)</a></li>\n";
  h += "<li><a href=\"" + esc(audio) + "\" type=\"" + esc(e.audio_type) + "\">Audio</a></li>\n";
  if (!e.chapters_json.empty())
    h += "<li><a href=\"" + esc(relative_to(here, e.chapters_json)) +
         "\" type=\"application/json\">Chapters (JSON)</a></li>\n";
  if (!e.vtt.empty())
    h += "<li><a href=\"" + esc(relative_to(here, e.vtt)) +
         "\" type=\"text/vtt\">Transcript (WebVTT)</a></li>\n";
  if (!e.srt.empty())
    h += "<li><a href=\"" + esc(relative_to(here, e.srt)) +
         "\" type=\"application/x-subrip\">Transcript (SRT)</a></li>\n";
  h += "</ul>\n</section>\n</article>\n</main>\n";
  if (!e.footer.empty()) h += "<footer><p class=\"meta\">" + esc(e.footer) + "</p></footer>\n";
  return h + foot();
}

std::string render_show_web_page(const PageShow& show, const std::vector<PageEpisode>& input) {
  std::vector<PageEpisode> episodes(input.rbegin(), input.rend());
  std::stable_sort(episodes.begin(), episodes.end(),
                   [](const PageEpisode& a, const PageEpisode& b) { return a.date > b.date; });
  std::string h = head(show, "index.html", show.title, show.description);
  h += "<body>\n<main>\n<header class=\"hero\">\n";
  if (!show.cover.empty())
    h += "<img src=\"" + esc(show.cover) + "\" alt=\"Cover of " + esc(show.title) +
         "\" width=\"256\" height=\"256\"/>\n";
  h += "<h1>" + esc(show.title) + "</h1>\n";
  if (!show.author.empty()) h += "<p class=\"meta\">" + esc(show.author) + "</p>\n";
  if (!show.description.empty()) h += "<p>" + esc(show.description) + "</p>\n";
  h += "</header>\n";

  h += "<section class=\"subscribe\" aria-labelledby=\"subscribe\">\n"
       "<h2 id=\"subscribe\">Subscribe</h2>\n"
       "<p><label for=\"feed-url\">Paste this address into your podcast app:</label></p>\n"
       "<input id=\"feed-url\" type=\"url\" readonly=\"readonly\" value=\"" +
       esc(show.feed_url) + "\"/>\n<button type=\"button\" data-copy=\"feed-url\">Copy</button>\n";
  h += "<ul class=\"links\">\n<li><a href=\"" + esc(app_scheme_url(show.feed_url, "podcast")) +
       "\">Open in a podcast app</a></li>\n";
  // The older iTunes scheme, for apps that register only that one.
  h += "<li><a href=\"" + esc(app_scheme_url(show.feed_url, "pcast")) +
       "\">Other apps (pcast://)</a></li>\n";
  h += "<li><a href=\"https://antennapod.org/deeplink/subscribe?url=" +
       esc(percent_encode(show.feed_url)) + "&amp;title=" + esc(percent_encode(show.title)) +
       "\">Subscribe in AntennaPod</a></li>\n";
  h += "<li><a href=\"feed.xml\" type=\"application/rss+xml\">RSS feed</a></li>\n</ul>\n"
       "</section>\n";

  h += "<section aria-labelledby=\"episodes\">\n<h2 id=\"episodes\">Episodes</h2>\n";
  if (episodes.empty())
    h += "<p>No episodes yet.</p>\n";
  else
    h += "<ol class=\"episodes\">\n";
  int n = 0;
  for (const PageEpisode& e : episodes) {
    const std::string id = "player-" + std::to_string(++n);
    h += "<li><article>\n<h3><a href=\"" + esc(e.page) + "\">" + esc(e.title) + "</a></h3>\n";
    h += date_line(e) + player(id, e.audio, e.audio_type, e.title) + "</article></li>\n";
  }
  if (!episodes.empty()) h += "</ol>\n";
  h += "</section>\n</main>\n";
  return h + foot();
}

}  // namespace briefcast
