#include "extract/scraped_cleaner.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "base/strings.hpp"
#include "extract/scraped_furniture.hpp"
#include "extract/scraped_metadata.hpp"
#include "text/unicode_text.hpp"

namespace briefcast {

namespace {

// 25 words: longer than any furniture line, shorter than most news paragraphs.
constexpr std::size_t kRealParagraphWords = 25;
// Lines shorter than this are titles, labels or list lines, not hard-wrapped prose.
constexpr std::size_t kWrapMinBytes = 40;

struct Piece {
  std::string text;         // tidied, one line or several joined
  std::size_t offset = 0;   // byte offset of its first line in the input
  bool bulleted = false;    // opened by a bullet or list marker
  bool first_line = false;  // the input's first non-blank line
};

// Rough sentence count: terminal punctuation followed by the end or a space and a capital.
std::size_t count_sentences(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '.' && s[i] != '!' && s[i] != '?') continue;
    std::size_t j = i + 1;
    while (j < s.size()) {
      if (s[j] == '"' || s[j] == '\'' || s[j] == ')') {
        ++j;
      } else if (s.substr(j, 3) == "\u201D" || s.substr(j, 3) == "\u2019") {
        j += 3;
      } else {
        break;
      }
    }
    if (j == s.size() ||
        (s[j] == ' ' && j + 1 < s.size() &&
         (is_upper_ascii(s[j + 1]) || s[j + 1] == '"' || s.substr(j + 1, 3) == "\u201C")))
      ++n;
  }
  return n;
}

bool is_real_paragraph(std::string_view s) {
  return split_words(s).size() > kRealParagraphWords || count_sentences(s) >= 3;
}

// Lower-case, letters and digits only, single spaces: for comparing lines with the title.
std::string comparable(std::string_view s) {
  std::string out;
  for (char c : lower_ascii(s)) {
    bool keep = is_lower_ascii(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80;
    if (keep) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Raw line opens with a bullet glyph, "- ", "* " or a number marker such as "1." / "2)".
bool opens_item(std::string_view raw) {
  while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t')) raw.remove_prefix(1);
  for (std::string_view b : {"\u2022", "\u2023", "\u2043", "\u25AA", "\u25CF", "\u25E6", "\u25A0",
                             "\u25BA", "\u00B7", "- ", "* ", "\u2013 ", "\u2014 "})
    if (raw.starts_with(b)) return true;
  std::size_t d = 0;
  while (d < raw.size() && d < 3 && is_digit(raw[d])) ++d;
  return d > 0 && d + 1 < raw.size() && (raw[d] == '.' || raw[d] == ')') && raw[d + 1] == ' ';
}

std::string strip_item_marker(std::string s) {
  if (s.starts_with("- ") || s.starts_with("* ")) s.erase(0, 2);
  return s;
}

// Title-like: short, no final period or colon, starts with a letter or digit.
bool looks_like_title(std::string_view s) {
  auto w = split_words(s);
  if (w.empty() || w.size() > 25 || s.size() > 250) return false;
  char last = s.back();
  return last != '.' && last != ':' && last != ',' && last != ';';
}

bool ends_like_sentence(std::string_view s) {
  if (s.empty()) return false;
  if (s.ends_with("\u201D") || s.ends_with("\u2019") || s.ends_with("\u2026")) return true;
  char last = s.back();
  return last == '.' || last == '!' || last == '?' || last == '"' || last == '\'' || last == ':' ||
         last == ')';
}

std::vector<Piece> split_pieces(std::string_view input) {
  std::vector<Piece> pieces;
  bool open = false;  // the last piece may take a wrapped continuation line
  bool seen_text = false;
  std::size_t pos = 0;
  while (pos <= input.size()) {
    std::size_t nl = input.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? input.size() : nl;
    std::string_view raw = input.substr(pos, end - pos);
    if (raw.ends_with('\r')) raw.remove_suffix(1);
    std::string text = tidy_unicode(raw, Typography::keep);
    if (text.empty()) {
      open = false;
    } else {
      bool item = opens_item(raw);
      // A short line after a finished sentence starts a block of its own ("Share", a credit).
      bool separate = item || pieces.empty() || pieces.back().text.size() < kWrapMinBytes ||
                      (text.size() < kWrapMinBytes && ends_like_sentence(pieces.back().text));
      if (open && !separate) {
        pieces.back().text += ' ';
        pieces.back().text += text;
      } else {
        Piece p;
        p.offset = pos;
        p.bulleted = item;
        p.first_line = !seen_text;
        p.text = item ? strip_item_marker(std::move(text)) : std::move(text);
        pieces.push_back(std::move(p));
      }
      open = true;
      seen_text = true;
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return pieces;
}

std::size_t line_of(std::string_view input, std::size_t offset) {
  return 1 +
         static_cast<std::size_t>(std::count(
             input.begin(),
             input.begin() + static_cast<std::ptrdiff_t>(std::min(offset, input.size())), '\n'));
}

}  // namespace

bool shows_scrape_signs(std::string_view utf8_text) {
  std::vector<Piece> pieces = split_pieces(utf8_text);
  if (pieces.empty()) return false;
  const std::string title_key = comparable(pieces[0].text);
  std::size_t furniture = 0;
  for (std::size_t i = 1; i < pieces.size(); ++i) {
    const std::string& t = pieces[i].text;
    if (is_real_paragraph(t)) continue;
    if (!title_key.empty() && comparable(t) == title_key) return true;
    if (is_tail_marker(t)) return true;
    if (is_boilerplate(t)) ++furniture;
  }
  return furniture >= 2;
}

Article clean_scraped_text(std::string_view utf8_text) {
  Article a;
  std::vector<Piece> pieces = split_pieces(utf8_text);
  const bool scraped = shows_scrape_signs(utf8_text);
  auto drop = [&](const Piece& p, std::string reason) {
    a.dropped.push_back({line_of(utf8_text, p.offset), p.text, std::move(reason)});
  };
  std::size_t start = 0;
  if (pieces.size() > 1 && pieces[0].first_line && looks_like_title(pieces[0].text) &&
      !is_boilerplate(pieces[0].text) && !byline_name(pieces[0].text) &&
      !is_real_paragraph(pieces[0].text)) {
    a.title = pieces[0].text;
    start = 1;
  }
  const std::string title_key = comparable(a.title);
  bool tail = false;
  std::vector<bool> heading_candidate;
  for (std::size_t i = start; i < pieces.size(); ++i) {
    Piece& p = pieces[i];
    if (!title_key.empty() && comparable(p.text) == title_key) {
      drop(p, "repeats the title");
      continue;
    }
    if (is_real_paragraph(p.text)) {
      Block b;
      b.kind = p.bulleted ? BlockKind::list_item : BlockKind::paragraph;
      b.text = p.text;
      b.source_offset = p.offset;
      a.blocks.push_back(std::move(b));
      heading_candidate.push_back(false);
      continue;
    }
    if (auto name = byline_name(p.text)) {
      if (a.author.empty()) a.author = *name;
      drop(p, "byline (author)");
      continue;
    }
    if (auto date = standalone_date(p.text)) {
      if (a.date.empty()) a.date = *date;
      drop(p, "date line");
      continue;
    }
    if (is_photo_credit(p.text)) {
      drop(p, "photo credit");
      continue;
    }
    if (scraped) {
      if (is_tail_marker(p.text)) tail = true;
      if (tail) {
        drop(p, "after a comment form, author box or related-links heading");
        continue;
      }
      if (is_boilerplate(p.text)) {
        drop(p, "boilerplate");
        // "Previous article" / "Next post" on a line of its own: the next short line is the
        // other story's headline.
        std::string lower = lower_ascii(p.text);
        if ((lower.starts_with("previous") || lower.starts_with("next") ||
             lower.starts_with("prev")) &&
            split_words(p.text).size() <= 3 && i + 1 < pieces.size() &&
            !is_real_paragraph(pieces[i + 1].text) && looks_like_title(pieces[i + 1].text)) {
          drop(pieces[i + 1], "previous/next headline");
          ++i;
        }
        continue;
      }
    }
    Block b;
    b.kind = p.bulleted ? BlockKind::list_item : BlockKind::paragraph;
    b.text = p.text;
    b.source_offset = p.offset;
    heading_candidate.push_back(!p.bulleted && split_words(b.text).size() <= 12 &&
                                !ends_like_sentence(b.text));
    a.blocks.push_back(std::move(b));
  }
  if (a.blocks.empty() && !pieces.empty()) {
    // Nothing the user wrote is emptied away: a text whose every line looked like metadata or
    // furniture ("Title\n\n2012", a one-line input) is spoken as written.
    a.dropped.clear();
    heading_candidate.clear();
    for (std::size_t i = start; i < pieces.size(); ++i) {
      Block b;
      b.kind = pieces[i].bulleted ? BlockKind::list_item : BlockKind::paragraph;
      b.text = pieces[i].text;
      b.source_offset = pieces[i].offset;
      a.blocks.push_back(std::move(b));
      heading_candidate.push_back(false);
    }
    if (a.blocks.empty()) {  // one piece: the body, and the title too when it looks like one
      Block b;
      b.kind = pieces[0].bulleted ? BlockKind::list_item : BlockKind::paragraph;
      b.text = pieces[0].text;
      b.source_offset = pieces[0].offset;
      a.blocks.push_back(std::move(b));
      heading_candidate.push_back(false);
    }
    if (a.title.empty() && looks_like_title(pieces[0].text)) a.title = pieces[0].text;
    a.author.clear();
    a.date.clear();
  }
  // A one-piece input is the body and, when it looks like one, the title too.
  if (pieces.size() == 1 && a.title.empty() && looks_like_title(pieces[0].text))
    a.title = pieces[0].text;
  // A short unpunctuated line is a heading when a paragraph follows it.
  for (std::size_t i = 0; i + 1 < a.blocks.size(); ++i)
    if (heading_candidate[i] && a.blocks[i + 1].kind == BlockKind::paragraph &&
        !heading_candidate[i + 1])
      a.blocks[i].kind = BlockKind::heading;
  return a;
}

}  // namespace briefcast
