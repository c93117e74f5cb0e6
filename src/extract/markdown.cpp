#include "extract/markdown.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/strings.hpp"
#include "extract/markdown_inline.hpp"
#include "text/unicode_text.hpp"

namespace briefcast {

namespace {

struct Line {
  std::string_view text;
  std::size_t offset = 0;  // byte offset of the line in the document
};

struct RawBlock {
  BlockKind kind = BlockKind::paragraph;
  std::string text;  // Markdown inline source, lines joined with spaces
  std::size_t offset = 0;
};

std::vector<Line> split_lines(std::string_view doc) {
  std::vector<Line> out;
  std::size_t pos = 0;
  while (pos < doc.size()) {
    std::size_t nl = doc.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? doc.size() : nl;
    std::string_view t = doc.substr(pos, end - pos);
    if (t.ends_with('\r')) t.remove_suffix(1);
    out.push_back({t, pos});
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return out;
}

// Columns of leading indentation, a tab counting as four.
std::size_t indent_of(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    if (c == ' ')
      ++n;
    else if (c == '\t')
      n += 4;
    else
      break;
  }
  return n;
}

// "***", "- - -", "___": three or more of one marker character and nothing else.
bool is_thematic_break(std::string_view t) {
  if (t.empty() || (t[0] != '*' && t[0] != '-' && t[0] != '_')) return false;
  std::size_t n = 0;
  for (char c : t) {
    if (c == t[0])
      ++n;
    else if (!is_markdown_blank(c))
      return false;
  }
  return n >= 3;
}

bool all_of_char(std::string_view t, char ch) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [ch](char c) { return c == ch; });
}

// The heading level and text of an ATX heading line ("## Text ##").
std::optional<std::pair<int, std::string_view>> atx_heading(std::string_view t) {
  std::size_t n = 0;
  while (n < t.size() && t[n] == '#') ++n;
  if (n == 0 || n > 6 || (n < t.size() && !is_markdown_blank(t[n]))) return std::nullopt;
  std::string_view text = trim(t.substr(n), kMarkdownBlanks);
  std::size_t close = text.size();
  while (close > 0 && text[close - 1] == '#') --close;
  if (close == 0 || is_markdown_blank(text[close - 1]))
    text = trim(text.substr(0, close), kMarkdownBlanks);
  return std::pair{static_cast<int>(n), text};
}

struct ListMarker {
  std::string_view rest;  // the item's text after the marker
  bool ordered = false;
  long number = 0;
};

std::optional<ListMarker> list_marker(std::string_view t) {
  ListMarker m;
  std::size_t n = 0;
  if (!t.empty() && (t[0] == '-' || t[0] == '*' || t[0] == '+')) {
    n = 1;
  } else {
    while (n < t.size() && n < 9 && is_digit(t[n])) ++n;
    if (n == 0 || n >= t.size() || (t[n] != '.' && t[n] != ')')) return std::nullopt;
    m.ordered = true;
    m.number = std::stol(std::string(t.substr(0, n)));
    ++n;
  }
  if (n < t.size() && !is_markdown_blank(t[n])) return std::nullopt;
  m.rest = trim(t.substr(n), kMarkdownBlanks);
  for (std::string_view box : {"[ ] ", "[x] ", "[X] "})
    if (m.rest.starts_with(box)) m.rest = trim(m.rest.substr(box.size()), kMarkdownBlanks);
  return m;
}

// "| --- | :---: |": the row under a table's header.
bool is_table_delimiter(std::string_view t) {
  if (t.find('-') == std::string_view::npos) return false;
  bool pipe = t.find('|') != std::string_view::npos;
  for (char c : t)
    if (c != '|' && c != '-' && c != ':' && !is_markdown_blank(c)) return false;
  return pipe || t.find(':') != std::string_view::npos;
}

bool is_reference_definition(std::string_view t) {
  if (!t.starts_with('[')) return false;
  std::size_t close = t.find("]:");
  return close != std::string_view::npos && close > 1 && t.find(']') == close;
}

class BlockParser {
 public:
  std::vector<RawBlock> blocks;
  std::set<std::string> reference_labels;  // markdown_label() of [label]: url definitions
  std::size_t tables_skipped = 0;

  void parse(const std::vector<Line>& lines) {
    for (std::size_t i = 0; i < lines.size(); ++i) i = step(lines, i);
    flush();
  }

 private:
  static constexpr int kMaxQuoteNesting = 16;
  int nesting_ = 0;  // block quote depth of this parser
  RawBlock para_;
  bool open_ = false;     // para_ holds text
  bool in_list_ = false;  // inside a list: indented lines continue it rather than being code

  void flush() {
    if (open_ && !trim(para_.text, kMarkdownBlanks).empty()) blocks.push_back(para_);
    open_ = false;
    para_ = RawBlock{};
  }

  void start(BlockKind kind, std::string_view text, std::size_t offset) {
    flush();
    para_.kind = kind;
    para_.text = std::string(text);
    para_.offset = offset;
    open_ = true;
  }

  void append(std::string_view text) {
    std::string& p = para_.text;
    if (p.ends_with('\\')) p.pop_back();  // hard line break
    if (!p.empty()) p += ' ';
    p += text;
  }

  // Handles the line at `i` (and any lines it owns); returns the index of the last line used.
  std::size_t step(const std::vector<Line>& lines, std::size_t i) {
    std::string_view raw = lines[i].text;
    std::string_view t = trim(raw, kMarkdownBlanks);
    std::size_t indent = indent_of(raw);
    if (t.empty()) {
      flush();
      return i;
    }
    if (indent >= 4 && !open_ && !in_list_) return i;  // indented code
    if (t.starts_with("```") || t.starts_with("~~~")) return skip_fence(lines, i, t);
    if (t.starts_with("<!--")) return skip_until(lines, i, "-->", t.substr(4));
    if (lower_ascii(t).starts_with("<script")) return skip_until(lines, i, "</script>", t);
    if (lower_ascii(t).starts_with("<style")) return skip_until(lines, i, "</style>", t);
    if (open_ && para_.kind == BlockKind::paragraph) {  // Setext underline
      if (all_of_char(t, '=') || (all_of_char(t, '-') && indent < 4)) {
        para_.kind = BlockKind::heading;
        flush();
        return i;
      }
    }
    if (is_thematic_break(t)) {
      flush();
      in_list_ = false;
      return i;
    }
    if (auto h = atx_heading(t)) {
      start(BlockKind::heading, h->second, lines[i].offset);
      flush();
      in_list_ = false;
      return i;
    }
    if (t.starts_with('>')) return quote(lines, i);
    if (t.find('|') != std::string_view::npos && i + 1 < lines.size() &&
        is_table_delimiter(trim(lines[i + 1].text, kMarkdownBlanks)))
      return skip_table(lines, i);
    if (!open_ && is_reference_definition(t)) {
      std::string_view label = t.substr(1, t.find("]:") - 1);
      if (!label.starts_with('^')) reference_labels.insert(markdown_label(label));
      return i;
    }
    if (auto m = list_marker(t)) {
      bool may_interrupt =
          !open_ || para_.kind == BlockKind::list_item || !m->ordered || m->number == 1;
      if (may_interrupt && !(open_ && m->rest.empty())) {
        in_list_ = true;
        start(BlockKind::list_item, m->rest, lines[i].offset);
        return i;
      }
    }
    if (open_) {
      append(t);
      return i;
    }
    if (in_list_ && indent < 2) in_list_ = false;
    start(BlockKind::paragraph, t, lines[i].offset);
    return i;
  }

  std::size_t skip_fence(const std::vector<Line>& lines, std::size_t i, std::string_view t) {
    flush();
    char fc = t[0];
    std::size_t len = 0;
    while (len < t.size() && t[len] == fc) ++len;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      std::string_view u = trim(lines[j].text, kMarkdownBlanks);
      std::size_t n = 0;
      while (n < u.size() && u[n] == fc) ++n;
      if (n >= len && n == u.size()) return j;
    }
    return lines.size() - 1;  // an unclosed fence runs to the end of the document
  }

  // Skips from line i up to the line containing `end`; `first` is line i after the opener.
  std::size_t skip_until(const std::vector<Line>& lines, std::size_t i, std::string_view end,
                         std::string_view first) {
    flush();
    if (lower_ascii(first).find(end) != std::string::npos) return i;
    for (std::size_t j = i + 1; j < lines.size(); ++j)
      if (lower_ascii(lines[j].text).find(end) != std::string::npos) return j;
    return lines.size() - 1;
  }

  std::size_t skip_table(const std::vector<Line>& lines, std::size_t i) {
    flush();
    std::size_t j = i + 2;
    while (j < lines.size() && !trim(lines[j].text, kMarkdownBlanks).empty() &&
           lines[j].text.find('|') != std::string_view::npos)
      ++j;
    ++tables_skipped;
    return j - 1;
  }

  std::size_t quote(const std::vector<Line>& lines, std::size_t i) {
    flush();
    std::vector<Line> inner;
    std::size_t j = i;
    for (; j < lines.size(); ++j) {
      std::string_view t = trim(lines[j].text, kMarkdownBlanks);
      if (t.starts_with('>')) {
        t.remove_prefix(1);
        if (!t.empty() && is_markdown_blank(t[0])) t.remove_prefix(1);
        inner.push_back({t, lines[j].offset});
      } else if (!t.empty() && !inner.empty() &&
                 !trim(inner.back().text, kMarkdownBlanks).empty()) {
        inner.push_back({t, lines[j].offset});  // lazy continuation
      } else {
        break;
      }
    }
    BlockParser sub;
    sub.nesting_ = nesting_ + 1;
    if (sub.nesting_ > kMaxQuoteNesting) {  // "> > > ..." thousands deep: keep the rest as text
      start(BlockKind::quote, "", lines[i].offset);
      for (auto& l : inner) append(l.text);
      flush();
      return j - 1;
    }
    sub.parse(inner);
    for (auto& b : sub.blocks) {
      b.kind = BlockKind::quote;
      blocks.push_back(std::move(b));
    }
    reference_labels.insert(sub.reference_labels.begin(), sub.reference_labels.end());
    tables_skipped += sub.tables_skipped;
    return j - 1;
  }
};

std::string unquote(std::string_view v) {
  v = trim(v, kMarkdownBlanks);
  if (v.size() >= 2 &&
      ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\'')))
    v = v.substr(1, v.size() - 2);
  return std::string(v);
}

// Reads "key: value" front matter lines into `a`; returns the index of the first body line.
std::size_t front_matter(const std::vector<Line>& lines, Article& a) {
  if (lines.empty() || trim(lines[0].text, kMarkdownBlanks) != "---") return 0;
  std::size_t end = 1;
  while (end < lines.size() && trim(lines[end].text, kMarkdownBlanks) != "---" &&
         trim(lines[end].text, kMarkdownBlanks) != "...")
    ++end;
  if (end == lines.size()) return 0;  // not front matter after all: a thematic break
  std::string list_key;               // key whose value is a "- item" list below it
  for (std::size_t i = 1; i < end; ++i) {
    std::string_view raw = lines[i].text;
    std::string_view t = trim(raw, kMarkdownBlanks);
    if (t.empty() || t.starts_with('#')) continue;
    if (t.starts_with("- ") && !list_key.empty()) {
      if ((list_key == "author" || list_key == "authors") && a.author.empty())
        a.author = tidy_unicode(unquote(t.substr(2)));
      continue;
    }
    std::size_t colon = t.find(':');
    if (colon == std::string_view::npos || indent_of(raw) > 0) continue;
    std::string key = lower_ascii(trim(t.substr(0, colon), kMarkdownBlanks));
    std::string value = tidy_unicode(unquote(t.substr(colon + 1)));
    list_key = value.empty() ? key : "";
    if (value.starts_with('[') && value.ends_with(']'))  // authors: [Jane Doe, John Roe]
      value = unquote(value.substr(1, value.find_first_of(",]") - 1));
    if (value.empty()) continue;
    if (key == "title")
      a.title = value;
    else if ((key == "author" || key == "authors") && a.author.empty())
      a.author = value;
    else if (key == "date")
      a.date = value;
    else if (key == "lang" || key == "language")
      a.language = value;
    else if (key == "canonical_url" || key == "url")
      a.canonical_url = value;
    else if (key == "site" || key == "site_name")
      a.site_name = value;
  }
  return end + 1;
}

}  // namespace

Article parse_markdown(std::string_view utf8) {
  Article a;
  std::vector<Line> lines = split_lines(utf8);
  std::size_t body = front_matter(lines, a);
  BlockParser parser;
  parser.parse(std::vector<Line>(lines.begin() + static_cast<std::ptrdiff_t>(body), lines.end()));
  for (auto& rb : parser.blocks) {
    Block b;
    b.kind = rb.kind;
    b.text = tidy_unicode(render_markdown_inline(rb.text, parser.reference_labels));
    b.source_offset = rb.offset;
    if (!b.text.empty()) a.blocks.push_back(std::move(b));
  }
  if (a.title.empty()) {
    auto h = std::find_if(a.blocks.begin(), a.blocks.end(),
                          [](const Block& b) { return b.kind == BlockKind::heading; });
    if (h != a.blocks.end()) {
      a.title = h->text;
      if (h == a.blocks.begin()) a.blocks.erase(h);
    }
  }
  if (parser.tables_skipped > 0)
    a.warnings.push_back("skipped " + std::to_string(parser.tables_skipped) +
                         (parser.tables_skipped == 1 ? " table" : " tables"));
  return a;
}

}  // namespace briefcast
