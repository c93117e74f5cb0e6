#include "feed/show_notes.hpp"

#include <cmath>

#include "base/strings.hpp"
#include "net/url_tools.hpp"

namespace briefcast {

std::string chapter_time(double seconds) {
  return clock_time(std::isfinite(seconds) && seconds > 0 ? static_cast<long>(std::floor(seconds))
                                                          : 0);
}

std::string render_show_notes_html(const ShowNotes& n) {
  std::string h;
  if (!n.intro.empty()) h += "<p>" + escape_html(n.intro) + "</p>\n";
  if (!n.stories.empty()) {
    h += "<ol>\n";
    for (const ShowNotesStory& s : n.stories) {
      h += "<li>";
      if (is_http_url(s.url))
        h += "<a href=\"" + escape_html(s.url) + "\">" + escape_html(s.title) + "</a>";
      else
        h += escape_html(s.title);
      if (!s.source.empty()) h += " (" + escape_html(s.source) + ")";
      if (s.start_s >= 0) h += " [" + chapter_time(s.start_s) + "]";
      if (!s.summary.empty()) h += "<p>" + escape_html(s.summary) + "</p>";
      h += "</li>\n";
    }
    h += "</ol>\n";
  }
  if (!n.footer.empty()) h += "<p>" + escape_html(n.footer) + "</p>\n";
  return h;
}

std::string render_show_notes_text(const ShowNotes& n) {
  std::string t;
  if (!n.intro.empty()) t += n.intro + "\n\n";
  std::size_t i = 0;
  for (const ShowNotesStory& s : n.stories) {
    t += std::to_string(++i) + ". ";
    if (s.start_s >= 0) t += "[" + chapter_time(s.start_s) + "] ";
    t += s.title;
    if (!s.source.empty()) t += " (" + s.source + ")";
    if (is_http_url(s.url)) t += " " + s.url;
    t += "\n";
  }
  if (!n.footer.empty()) t += (n.stories.empty() ? "" : "\n") + n.footer + "\n";
  while (!t.empty() && t.back() == '\n') t.pop_back();
  return t;
}

}  // namespace briefcast
