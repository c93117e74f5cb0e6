#pragma once
// Reading text out of HTML trees the way the article extractor measures and emits it:
// whitespace runs (and no-break spaces) folded to one space (lengths are counted in code points:
// count_code_points in base/strings.hpp), and a pre-order walk that needs no stack however deep the
// page nests.
//
// Pure helpers over std::string and MarkupNode; nothing here throws except std::bad_alloc.

#include <cstddef>
#include <string>
#include <string_view>

#include "markup/markup_tree.hpp"

namespace briefcast {

// HTML's ASCII whitespace: space, tab, LF, CR, form feed.
bool is_html_space(unsigned char c);

// Appends `text` (UTF-8) to `out` with every run of whitespace or U+00A0 folded to one space.
// `pending` carries a space seen at the end of the previous piece into the next call; no space
// is ever written at the start of `out`.
void append_folded(std::string& out, std::string_view text, bool& pending);

// `text` folded as append_folded does, without leading or trailing space.
std::string folded(std::string_view text);

// The folded text of the text and CDATA nodes at and under `root`, in document order.
std::string folded_text(const MarkupNode& root);

// The element's tag name, "" for any other node.
inline std::string_view tag_of(const MarkupNode& n) {
  return n.is_element() ? std::string_view(n.name) : std::string_view();
}

// Pre-order walk of the subtree at `root` (MarkupNode or const MarkupNode). enter(node) returns
// whether to descend into the node's children; leave(node) runs after the children, also for
// nodes not descended into. Follows the tree's own links: no recursion, no stack. The callbacks
// must not unlink nodes of the subtree while it is walked.
template <class Node, class Enter, class Leave>
void traverse(Node* root, Enter&& enter, Leave&& leave) {
  Node* n = root;
  while (n) {
    if (enter(n) && n->first_child) {
      n = n->first_child;
      continue;
    }
    for (;;) {
      leave(n);
      if (n == root) return;
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
    }
  }
}

}  // namespace briefcast
