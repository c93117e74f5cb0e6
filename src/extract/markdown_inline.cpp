#include "extract/markdown_inline.hpp"

#include <algorithm>

#include "base/strings.hpp"

namespace briefcast {

namespace {

bool is_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool is_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

// Index just past the bracket matching s[open] ('[' or '('), or npos.
// Looks at most kMaxLinkBytes ahead, so text full of unmatched brackets stays linear.
std::size_t match_bracket(std::string_view s, std::size_t open) {
  constexpr std::size_t kMaxLinkBytes = 2048;
  char o = s[open], c = o == '[' ? ']' : ')';
  int depth = 0;
  std::size_t stop = std::min(s.size(), open + kMaxLinkBytes);
  for (std::size_t i = open; i < stop; ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == o) ++depth;
    if (s[i] == c && --depth == 0) return i + 1;
  }
  return std::string_view::npos;
}

class InlineRenderer {
 public:
  explicit InlineRenderer(const std::set<std::string>& refs) : refs_(refs) {}

  std::string render(std::string_view s) const {
    std::string out;
    if (++depth_ > kMaxNesting) {
      out = s;  // absurdly nested brackets: keep the text as written
    } else {
      for (std::size_t i = 0; i < s.size();) i = one(s, i, out);
    }
    --depth_;
    return out;
  }

 private:
  static constexpr int kMaxNesting = 32;
  const std::set<std::string>& refs_;
  mutable int depth_ = 0;

  // Renders the construct at s[i] into `out`; returns the index after it.
  std::size_t one(std::string_view s, std::size_t i, std::string& out) const {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && is_punct(s[i + 1])) {
      out += s[i + 1];
      return i + 2;
    }
    if (c == '`') return code_span(s, i, out);
    if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') {
      std::size_t end = link_end(s, i + 1);
      if (end != std::string_view::npos) {  // images are dropped, with the space before
        bool closing =
            end < s.size() && std::string_view(".,;:!?)").find(s[end]) != std::string_view::npos;
        while (closing && !out.empty() && is_markdown_blank(out.back())) out.pop_back();
        return end;
      }
    }
    if (c == '[') {
      std::size_t close = match_bracket(s, i);
      if (close != std::string_view::npos) {
        std::string_view label = s.substr(i + 1, close - i - 2);
        if (label.starts_with('^')) return close;  // footnote reference
        std::size_t end = link_end(s, i);
        bool ref = refs_.count(markdown_label(label)) > 0;
        if (end != std::string_view::npos && (end > close || ref)) {
          out += render(label);
          return end;
        }
      }
    }
    if (c == '<') return angle(s, i, out);
    if (c == '*' || c == '_' || c == '~') return emphasis(s, i, out);
    out += c;
    return i + 1;
  }

  // End of "[text](url)", "[text][ref]", "[text][]" or "[ref]" starting at s[open] == '['.
  std::size_t link_end(std::string_view s, std::size_t open) const {
    std::size_t close = match_bracket(s, open);
    if (close == std::string_view::npos) return close;
    if (close < s.size() && s[close] == '(') {
      std::size_t end = match_bracket(s, close);
      if (end != std::string_view::npos) return end;
    }
    if (close < s.size() && s[close] == '[') {
      std::size_t end = match_bracket(s, close);
      if (end != std::string_view::npos) return end;
    }
    if (refs_.count(markdown_label(s.substr(open + 1, close - open - 2)))) return close;
    return std::string_view::npos;
  }

  std::size_t code_span(std::string_view s, std::size_t i, std::string& out) const {
    std::size_t n = 0;
    while (i + n < s.size() && s[i + n] == '`') ++n;
    std::string ticks(n, '`');
    // A code span closes within kMaxCodeBytes, so many stray backticks stay linear.
    constexpr std::size_t kMaxCodeBytes = 4096;
    std::string_view window = s.substr(0, std::min(s.size(), i + n + kMaxCodeBytes));
    for (std::size_t at = window.find(ticks, i + n); at != std::string_view::npos;
         at = window.find(ticks, at + 1)) {
      std::size_t after = at + n;
      if ((after < s.size() && s[after] == '`') || s[at - 1] == '`') continue;
      out += trim(s.substr(i + n, at - i - n), kMarkdownBlanks);
      return after;
    }
    out += ticks;
    return i + n;
  }

  // Autolinks keep their address; HTML tags vanish; anything else is a literal '<'.
  std::size_t angle(std::string_view s, std::size_t i, std::string& out) const {
    std::size_t close = s.find('>', i);
    if (close == std::string_view::npos) {
      out += '<';
      return i + 1;
    }
    std::string_view inner = s.substr(i + 1, close - i - 1);
    if (inner.find(' ') == std::string_view::npos &&
        (inner.find("://") != std::string_view::npos || inner.starts_with("mailto:") ||
         (inner.find('@') != std::string_view::npos &&
          inner.find('.') != std::string_view::npos))) {
      out += inner.starts_with("mailto:") ? inner.substr(7) : inner;
      return close + 1;
    }
    if (!inner.empty() &&
        (inner[0] == '/' || inner[0] == '!' || (inner[0] >= 'a' && inner[0] <= 'z') ||
         (inner[0] >= 'A' && inner[0] <= 'Z'))) {
      out += ' ';
      return close + 1;
    }
    out += '<';
    return i + 1;
  }

  // Emphasis delimiter runs are dropped when they can open or close emphasis; "_" inside a
  // word (snake_case), "*" between digits (2*3) and lone "~" stay.
  std::size_t emphasis(std::string_view s, std::size_t i, std::string& out) const {
    char c = s[i];
    std::size_t j = i;
    while (j < s.size() && s[j] == c) ++j;
    char prev = i > 0 ? s[i - 1] : ' ';
    char next = j < s.size() ? s[j] : ' ';
    bool prev_space = is_markdown_blank(prev), next_space = is_markdown_blank(next);
    bool left = !next_space && (!is_punct(next) || prev_space || is_punct(prev));
    bool right = !prev_space && (!is_punct(prev) || next_space || is_punct(next));
    bool keep = !left && !right;
    if (c == '_' && is_alnum(prev) && is_alnum(next)) keep = true;
    if (c == '*' && is_digit(prev) && is_digit(next)) keep = true;
    if (c == '~' && j - i != 2) keep = true;
    if (keep) out.append(s.substr(i, j - i));
    return j;
  }
};

}  // namespace

std::string markdown_label(std::string_view label) { return lower_ascii(label); }

std::string render_markdown_inline(std::string_view text,
                                   const std::set<std::string>& reference_labels) {
  return InlineRenderer(reference_labels).render(text);
}

}  // namespace briefcast
