#include "extract/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "base/strings.hpp"
#include "text/unicode_text.hpp"

namespace briefcast {

namespace {

constexpr std::string_view kBlanks = " \t\r";

struct Line {
  std::string_view text;
  std::size_t offset = 0;  // byte offset of the line in the document
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

std::string unquote(std::string_view v) {
  v = trim(v, kBlanks);
  if (v.size() >= 2 &&
      ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\'')))
    v = v.substr(1, v.size() - 2);
  return std::string(v);
}

// Reads "key: value" front matter lines into `a`; returns the byte offset where the body starts.
std::size_t front_matter(std::string_view doc, Article& a) {
  std::vector<Line> lines = split_lines(doc.substr(0, std::min<std::size_t>(doc.size(), 1 << 16)));
  if (lines.empty() || trim(lines[0].text, kBlanks) != "---") return 0;
  std::size_t end = 1;
  while (end < lines.size() && trim(lines[end].text, kBlanks) != "---" &&
         trim(lines[end].text, kBlanks) != "...")
    ++end;
  if (end == lines.size()) return 0;  // not front matter after all: a thematic break
  std::string list_key;               // key whose value is a "- item" list below it
  for (std::size_t i = 1; i < end; ++i) {
    std::string_view raw = lines[i].text;
    std::string_view t = trim(raw, kBlanks);
    if (t.empty() || t.starts_with('#')) continue;
    if (t.starts_with("- ") && !list_key.empty()) {
      if ((list_key == "author" || list_key == "authors") && a.author.empty())
        a.author = tidy_unicode(unquote(t.substr(2)), Typography::keep);
      continue;
    }
    std::size_t colon = t.find(':');
    if (colon == std::string_view::npos || raw.front() == ' ' || raw.front() == '\t') continue;
    std::string key = lower_ascii(trim(t.substr(0, colon), kBlanks));
    std::string value = tidy_unicode(unquote(t.substr(colon + 1)), Typography::keep);
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
  return end + 1 < lines.size() ? lines[end + 1].offset : doc.size();
}

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct ParserFree {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct IterFree {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

bool is_punctuation(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')';
}

std::string_view literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? std::string_view(s) : std::string_view();
}

// The text a listener should hear from one block's inline content.
std::string inline_text(cmark_node* block) {
  std::string out;
  bool after_dropped = false;  // an image or footnote reference was just left out
  auto append = [&](std::string_view s) {
    if (s.empty()) return;
    if (after_dropped && is_punctuation(s.front()))
      while (!out.empty() && out.back() == ' ') out.pop_back();
    after_dropped = false;
    out += s;
  };
  std::unique_ptr<cmark_iter, IterFree> it(cmark_iter_new(block));
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it.get());
    if (ev != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT: {
        std::string_view t = literal(n);
        cmark_node* parent = cmark_node_parent(n);
        if (parent && cmark_node_get_type(parent) == CMARK_NODE_LINK && t.starts_with("mailto:"))
          t.remove_prefix(7);  // <mailto:a@b.org> is heard as the address
        append(t);
        break;
      }
      case CMARK_NODE_CODE:
        append(literal(n));
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      case CMARK_NODE_HTML_INLINE:  // a tag is a word boundary, but no space before punctuation
        out += ' ';
        after_dropped = true;
        break;
      case CMARK_NODE_IMAGE:
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        cmark_iter_reset(it.get(), n, CMARK_EVENT_EXIT);
        after_dropped = true;
        break;
      default:
        break;
    }
  }
  return out;
}

bool inside(cmark_node* n, cmark_node_type type) {
  for (cmark_node* p = cmark_node_parent(n); p; p = cmark_node_parent(p))
    if (cmark_node_get_type(p) == type) return true;
  return false;
}

}  // namespace

Article parse_markdown(std::string_view utf8) {
  Article a;
  const std::size_t body = front_matter(utf8, a);
  const std::string_view text = utf8.substr(body);
  std::vector<std::size_t> line_starts{0};
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts.push_back(i + 1);

  cmark_gfm_core_extensions_ensure_registered();
  std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(CMARK_OPT_FOOTNOTES));
  for (const char* name : {"table", "autolink", "strikethrough", "tasklist"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), text.data(), text.size());
  std::unique_ptr<cmark_node, NodeFree> doc(cmark_parser_finish(parser.get()));

  std::size_t tables = 0;
  std::unique_ptr<cmark_iter, IterFree> it(cmark_iter_new(doc.get()));
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it.get());
    cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_FOOTNOTE_DEFINITION) {
      cmark_iter_reset(it.get(), n, CMARK_EVENT_EXIT);
      continue;
    }
    if (std::string_view(cmark_node_get_type_string(n)) == "table") {
      ++tables;
      cmark_iter_reset(it.get(), n, CMARK_EVENT_EXIT);
      continue;
    }
    if (type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING) continue;
    Block b;
    if (inside(n, CMARK_NODE_BLOCK_QUOTE))
      b.kind = BlockKind::quote;
    else if (inside(n, CMARK_NODE_ITEM))
      b.kind = BlockKind::list_item;
    else
      b.kind = type == CMARK_NODE_HEADING ? BlockKind::heading : BlockKind::paragraph;
    b.text = tidy_unicode(inline_text(n), Typography::keep);
    int line = cmark_node_get_start_line(n);
    std::size_t index = line > 0 ? static_cast<std::size_t>(line - 1) : 0;
    b.source_offset = body + line_starts[std::min(index, line_starts.size() - 1)];
    cmark_iter_reset(it.get(), n, CMARK_EVENT_EXIT);
    if (!b.text.empty()) a.blocks.push_back(std::move(b));
  }
  // A document that opens with a heading has it as its title (unless the front matter names
  // one). A heading further down is a section heading, never the title.
  if (a.title.empty() && !a.blocks.empty() && a.blocks.front().kind == BlockKind::heading) {
    a.title = a.blocks.front().text;
    if (a.blocks.size() > 1) a.blocks.erase(a.blocks.begin());  // never emptied
  }
  if (tables > 0)
    a.warnings.push_back("skipped " + std::to_string(tables) +
                         (tables == 1 ? " table" : " tables"));
  return a;
}

}  // namespace briefcast
