#include "extract/block_emitter.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_set>

#include "base/strings.hpp"
#include "extract/class_hints.hpp"
#include "extract/html_text.hpp"

namespace briefcast {
namespace {

// A paragraph whose sentence links its object ("Australian-born Assange faces <a>a charge of
// conspiracy ...</a>.") is story text, unlike a link with a label ("Read more: <a>...</a>"): it
// has at least three words outside its links and ends as a sentence ends.
bool is_sentence_around_link(const MarkupNode& p) {
  std::string outside;
  bool pending = false;
  traverse(
      &p,
      [&](const MarkupNode* n) {
        if (n->kind == MarkupKind::text) append_folded(outside, n->text, pending);
        return tag_of(*n) != "a";
      },
      [](const MarkupNode*) {});
  if (split_words(outside).size() < 3) return false;
  std::string whole = folded_text(p);
  while (!whole.empty() && (whole.back() == ' ' || whole.back() == '"' || whole.back() == ')'))
    whole.pop_back();
  return !whole.empty() && (whole.back() == '.' || whole.back() == '!' || whole.back() == '?');
}

// The <p> that `n` only wraps (up to three wrappers deep, nothing else in them but white space),
// else nullptr: CNN's first paragraph sits alone in a "sourced-paragraph" media container.
const MarkupNode* lone_paragraph(const MarkupNode* n) {
  for (int depth = 0; depth < 3 && tag_of(*n) != "p"; ++depth) {
    const MarkupNode* only = nullptr;
    for (const MarkupNode* c = n->first_child; c; c = c->next) {
      if (c->is_element()) {
        if (only) return nullptr;
        only = c;
      } else if ((c->kind == MarkupKind::text || c->kind == MarkupKind::cdata) &&
                 !trim(c->text).empty()) {
        return nullptr;
      }
    }
    if (!only) return nullptr;
    n = only;
  }
  return tag_of(*n) == "p" ? n : nullptr;
}

std::vector<std::size_t> line_starts_of(std::string_view s) {
  std::vector<std::size_t> out{0};
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] == '\n') out.push_back(i + 1);
  return out;
}

class BlockWriter {
 public:
  BlockWriter(const ContentSelection& sel, std::string_view html)
      : sel_(sel), html_(html), line_starts_(line_starts_of(html)) {}

  void write(const MarkupNode* container) {
    container_ = container;
    traverse(
        container, [&](const MarkupNode* n) { return enter(n); },
        [&](const MarkupNode* n) { leave(n); });
    flush();
  }

  std::vector<Block> take() { return std::move(blocks_); }

 private:
  // Boilerplate inside the article: share bars, related links, link lists, bylines...
  bool skip(const MarkupNode* n) {
    const std::string_view t = tag_of(*n);
    if (t == "img") return true;
    if (n == container_) return false;
    const NodeStats& s = sel_.stats(*n);
    // Most of the article under a misleading class name ("elementor-widget") is still the article.
    const bool bulk = s.text * 2 > sel_.stats(*container_).text && sel_.link_density(*n) < 0.2;
    const std::string ci = class_and_id(*n);
    const bool in_list = li_depth_ > 0;
    if (ci.size() > 1 && s.text < 500 && is_share_hint(ci)) return true;
    if (is_heading_tag(t)) return class_weight(*n) < 0 || sel_.link_density(*n) > 0.5;
    if (!one_of(t, {"div", "section", "ul", "ol", "table", "dl", "form", "fieldset", "p"}))
      return false;
    const int weight = class_weight(*n);
    if (t != "p" && weight < 0 && !bulk && !wraps_story_paragraph(n, ci)) return true;
    if (s.commas >= 10) return false;
    const double ld = sel_.link_density(*n);
    const bool is_list = t == "ul" || t == "ol" || t == "dl";
    if (t == "p") return ld > 0.5 && s.text < 200 && !is_sentence_around_link(*n);
    if (s.img > 1 && static_cast<double>(s.p) / static_cast<double>(s.img) < 0.5) return true;
    if (s.input > s.p / 3) return true;
    if (!is_list && !in_list && s.text < 25 && ld > 0) return true;
    if (weight < 25 && ld > 0.2 + (is_list ? 0.15 : 0.0)) return true;
    if (weight >= 25 && ld > 0.5) return true;
    return false;
  }

  // A container of a negative class name ("el__leafmedia") around one paragraph of story text:
  // over 80 characters, few of them links, ending as a sentence ends; not hidden, a footer or
  // comments.
  bool wraps_story_paragraph(const MarkupNode* n, const std::string& ci) {
    if (ci.find("hidden") != std::string::npos || ci.find("foot") != std::string::npos ||
        ci.find("comment") != std::string::npos)
      return false;
    const MarkupNode* p = lone_paragraph(n);
    if (!p || class_weight(*p) < 0 || sel_.link_density(*p) >= 0.25) return false;
    std::string text = folded_text(*p);
    while (!text.empty() && (text.back() == ' ' || text.back() == '"')) text.pop_back();
    return count_code_points(text) > 80 &&
           (text.back() == '.' || text.back() == '!' || text.back() == '?');
  }

  bool enter(const MarkupNode* n) {
    if (n->kind == MarkupKind::text || n->kind == MarkupKind::cdata) {
      if (buf_.empty()) start_ = n;
      append_folded(buf_, n->text, pending_);
      if (buf_.empty()) start_ = nullptr;
      return false;
    }
    if (!n->is_element()) return false;
    const std::string_view t = n->name;
    if (t == "br") {
      line_break();
      return false;
    }
    if (skip(n)) {
      skipped_.insert(n);
      return false;
    }
    if (is_block_tag(t)) flush();
    if (is_heading_tag(t)) ++heading_depth_;
    if (t == "li" || t == "dd" || t == "dt") ++li_depth_;
    if (t == "blockquote") ++quote_depth_;
    if ((t == "td" || t == "th") && !buf_.empty()) pending_ = true;
    return true;
  }

  void leave(const MarkupNode* n) {
    if (!n->is_element()) return;
    const std::string_view t = n->name;
    if (t == "br" || skipped_.count(n)) return;
    if (is_block_tag(t)) flush();
    if (is_heading_tag(t)) --heading_depth_;
    if (t == "li" || t == "dd" || t == "dt") --li_depth_;
    if (t == "blockquote") --quote_depth_;
    // A source cited first ("<cite>Hong Kong (CNN Business)</cite>A muddled view") is a phrase of
    // its own, never glued to the word after it.
    if (t == "cite" && n->parent && n->parent->first_child == n && !buf_.empty()) pending_ = true;
    last_br_ = false;
  }

  void line_break() {
    if (last_br_ || (!buf_.empty() && std::strchr(".!?:\"”", buf_.back()))) {
      flush();
    } else {
      pending_ = true;
    }
    last_br_ = true;
  }

  std::size_t offset_of(const MarkupNode* n, const std::string& text) {
    const long line = n->line;
    std::size_t from = last_offset_;
    if (line > 0 && static_cast<std::size_t>(line) <= line_starts_.size())
      from = std::max(from, line_starts_[static_cast<std::size_t>(line) - 1]);
    const std::string word = text.substr(0, text.find(' '));
    // 65536: look a little way ahead only, so pages with many blocks stay linear.
    const std::string_view window = html_.substr(std::min(from, html_.size()), 65536);
    const std::size_t at = window.find(word);
    if (at != std::string_view::npos) from += at;
    last_offset_ = from;
    return from;
  }

  void flush() {
    last_br_ = false;
    pending_ = false;
    if (buf_.empty()) return;
    Block b;
    b.kind = heading_depth_ > 0 ? BlockKind::heading
             : quote_depth_ > 0 ? BlockKind::quote
             : li_depth_ > 0    ? BlockKind::list_item
                                : BlockKind::paragraph;
    b.text = std::move(buf_);
    buf_.clear();
    b.source_offset = start_ ? offset_of(start_, b.text) : last_offset_;
    start_ = nullptr;
    blocks_.push_back(std::move(b));
  }

  const ContentSelection& sel_;
  const MarkupNode* container_ = nullptr;
  std::string_view html_;
  const std::vector<std::size_t> line_starts_;
  std::vector<Block> blocks_;
  std::unordered_set<const MarkupNode*> skipped_;  // traverse() calls leave() for these too
  std::string buf_;
  const MarkupNode* start_ = nullptr;
  bool pending_ = false;
  bool last_br_ = false;
  int heading_depth_ = 0, li_depth_ = 0, quote_depth_ = 0;
  std::size_t last_offset_ = 0;
};

}  // namespace

std::vector<Block> emit_blocks(const ContentSelection& selection, std::string_view page_utf8) {
  BlockWriter writer(selection, page_utf8);
  for (const MarkupNode* c : selection.containers()) writer.write(c);
  return writer.take();
}

}  // namespace briefcast
