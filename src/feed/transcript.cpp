#include "feed/transcript.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/strings.hpp"

namespace briefcast {

namespace {

struct Token {
  std::size_t offset, length, chars;
};

std::vector<Token> tokenize(const std::string& text) {
  std::vector<Token> t;
  for (std::string_view w : split_words(text))
    t.push_back({static_cast<std::size_t>(w.data() - text.data()), w.size(), count_code_points(w)});
  return t;
}

// A caption: lines of token indices.
using Part = std::vector<std::vector<std::size_t>>;

// Greedy line filling at `width` characters per line, `max_lines` lines per part.
std::vector<Part> pack(const std::vector<Token>& tokens, std::size_t width, std::size_t max_lines) {
  std::vector<Part> parts;
  std::size_t line_chars = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::size_t c = tokens[i].chars;
    if (!parts.empty() && !parts.back().back().empty() && line_chars + 1 + c <= width) {
      parts.back().back().push_back(i);
      line_chars += 1 + c;
      continue;
    }
    if (parts.empty() || parts.back().size() >= max_lines) parts.emplace_back();
    parts.back().push_back({i});
    line_chars = c;
  }
  return parts;
}

std::string join(const std::string& text, const std::vector<Token>& tokens, const Part& part) {
  std::string s;
  for (std::size_t l = 0; l < part.size(); ++l) {
    if (l) s += '\n';
    for (std::size_t k = 0; k < part[l].size(); ++k) {
      if (k) s += ' ';
      const Token& t = tokens[part[l][k]];
      s.append(text, t.offset, t.length);
    }
  }
  return s;
}

// WebVTT cue text needs only & < > escaped; quotes stay as written (escape_html would turn them
// into references some players show as typed).
std::string escape_vtt(std::string_view raw) {
  const std::string s = xml_safe_text(raw);  // the characters players choke on, as in feeds
  std::string o;
  for (char c : s) {
    if (c == '&')
      o += "&amp;";
    else if (c == '<')
      o += "&lt;";
    else if (c == '>')
      o += "&gt;";
    else
      o += c;
  }
  return o;
}

}  // namespace

std::string caption_timestamp(double seconds, char separator) {
  long long ms = std::llround(std::max(0.0, seconds) * 1000.0);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld%c%03lld", ms / 3600000, ms / 60000 % 60,
                ms / 1000 % 60, separator, ms % 1000);
  return buf;
}

std::vector<TranscriptCue> layout_captions(const std::vector<TranscriptCue>& input,
                                           const CaptionLayout& layout) {
  std::size_t max_lines = std::max<std::size_t>(1, layout.max_lines);
  std::size_t max_width = std::max<std::size_t>(1, layout.max_line_chars);
  std::vector<TranscriptCue> cues = input;
  std::stable_sort(cues.begin(), cues.end(), [](const TranscriptCue& a, const TranscriptCue& b) {
    return a.start_s < b.start_s;
  });
  std::vector<TranscriptCue> out;
  double previous_end = 0;
  for (const TranscriptCue& cue : cues) {
    double start = std::max(cue.start_s, previous_end), end = cue.end_s;
    if (!(end > start)) continue;
    std::vector<Token> tokens = tokenize(cue.text);
    if (tokens.empty()) continue;
    std::vector<Part> parts = pack(tokens, max_width, max_lines);
    if (parts.size() > 1) {
      // Balance the parts: the narrowest width that still needs no more parts, so a long
      // sentence becomes two half-full captions rather than a full one and a stub.
      std::size_t lo = 1, hi = max_width;
      while (lo < hi) {
        std::size_t mid = (lo + hi) / 2;
        if (pack(tokens, mid, max_lines).size() <= parts.size())
          hi = mid;
        else
          lo = mid + 1;
      }
      parts = pack(tokens, lo, max_lines);
    }
    std::size_t first = tokens.front().offset;
    std::size_t span = tokens.back().offset + tokens.back().length - first;
    std::vector<double> starts(parts.size(), start);
    for (std::size_t p = 1; p < parts.size(); ++p) {
      std::size_t offset = tokens[parts[p].front().front()].offset;
      double t =
          start + (end - start) * static_cast<double>(offset - first) / static_cast<double>(span);
      for (const TranscriptWord& w : cue.words)
        if (w.offset == offset && w.start_s > starts[p - 1] && w.start_s < end) t = w.start_s;
      starts[p] = std::clamp(t, starts[p - 1], end);
    }
    for (std::size_t p = 0; p < parts.size(); ++p) {
      double part_end = p + 1 < parts.size() ? starts[p + 1] : end;
      if (!(part_end > starts[p])) continue;
      TranscriptCue c;
      c.start_s = starts[p];
      c.end_s = part_end;
      c.text = join(cue.text, tokens, parts[p]);
      c.speaker = cue.speaker;
      out.push_back(std::move(c));
    }
    previous_end = end;
  }
  return out;
}

std::string render_webvtt(const std::vector<TranscriptCue>& cues, const CaptionLayout& layout) {
  std::string s = "WEBVTT\n";
  for (const TranscriptCue& c : layout_captions(cues, layout)) {
    s +=
        "\n" + caption_timestamp(c.start_s, '.') + " --> " + caption_timestamp(c.end_s, '.') + "\n";
    if (!c.speaker.empty()) s += "<v " + escape_vtt(c.speaker) + ">";
    s += escape_vtt(c.text) + "\n";
  }
  return s;
}

std::string render_srt(const std::vector<TranscriptCue>& cues, const CaptionLayout& layout) {
  std::string s;
  std::size_t n = 0;
  for (const TranscriptCue& c : layout_captions(cues, layout)) {
    if (n) s += "\n";
    s += std::to_string(++n) + "\n" + caption_timestamp(c.start_s, ',') + " --> " +
         caption_timestamp(c.end_s, ',') + "\n";
    if (!c.speaker.empty()) s += c.speaker + ": ";
    s += c.text + "\n";
  }
  return s;
}

}  // namespace briefcast
