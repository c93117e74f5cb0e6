#pragma once
// Finding the main content of an HTML page, the way readability does it: boilerplate elements
// are removed, paragraphs vote for the containers they sit in (by text length and commas),
// votes are discounted by link density and shifted by class/id hints (class_hints.hpp), and the
// best container is taken together with the siblings that score close to it.
//
// The numbers behind the choice (NodeStats) stay available to the next stage, which drops
// boilerplate inside the chosen containers (block_emitter.hpp).

#include <cstddef>
#include <vector>

#include "markup/markup_tree.hpp"

namespace briefcast {

// What an element holds, itself and everything under it (after boilerplate removal).
struct NodeStats {
  std::size_t text = 0;    // code points of folded text, plus one per non-blank text node
  std::size_t link = 0;    // ... of that inside <a> elements
  std::size_t commas = 0;  // ',' and U+FF0C in that text
  std::size_t p = 0;       // <p> elements at and under it
  std::size_t img = 0;     // <img> elements
  std::size_t li = 0;      // <li> elements
  std::size_t input = 0;   // <input> elements
  std::size_t embed = 0;   // <embed>, <object> and <iframe> elements
  double score = 0;        // content score; meaningful when `candidate`
  bool candidate = false;  // some paragraph voted for this element
};

// The outcome of select_content(): the chosen containers and the numbers for every element
// under the body. Holds pointers into the MarkupDocument it was made from, which must outlive it.
class ContentSelection {
 public:
  // The containers holding the article, in document order; empty when nothing scored.
  const std::vector<MarkupNode*>& containers() const { return containers_; }
  // The numbers of `node`; all zero for nodes that have none (not under the body, not
  // elements).
  const NodeStats& stats(const MarkupNode& node) const;
  // link / text of `node`, 0 when it has no text.
  double link_density(const MarkupNode& node) const;

 private:
  friend class ContentScorer;
  std::vector<MarkupNode*> containers_;
  std::vector<NodeStats> stats_;
  std::vector<std::size_t> slot_;  // MarkupNode::index -> 1 + index into stats_, 0 for none
};

// Removes boilerplate from the subtree at `body` (scripts, styles, forms, navigation, hidden
// and aria-hidden elements, headers, comments; with `strip_unlikely` also containers whose
// class/id looks like boilerplate, see is_unlikely_hint), then scores what is left and picks
// the article's containers. `body` is the page's <body> (or its root element when there is
// none) and must belong to `doc`; removed nodes are unlinked from `doc`. Iterative, no
// recursion; throws only std::bad_alloc.
ContentSelection select_content(MarkupDocument& doc, MarkupNode& body, bool strip_unlikely);

}  // namespace briefcast
