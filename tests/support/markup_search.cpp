#include "support/markup_search.hpp"

namespace briefcast::test {

const MarkupNode* find_node(const MarkupNode* from,
                            const std::function<bool(const MarkupNode&)>& match) {
  const MarkupNode* n = from;
  while (n) {
    if (match(*n)) return n;
    if (n->first_child) {
      n = n->first_child;
      continue;
    }
    while (n != from && !n->next) n = n->parent;
    n = n == from ? nullptr : n->next;
  }
  return nullptr;
}

const MarkupNode* find_element(const MarkupNode* from, const std::string& name) {
  return find_node(from, [&](const MarkupNode& n) { return n.is_element() && n.name == name; });
}

const MarkupNode* find_by_id(const MarkupNode* from, const std::string& id) {
  return find_node(from, [&](const MarkupNode& n) { return n.attr_or_empty("id") == id; });
}

std::vector<std::string> child_names(const MarkupNode* n) {
  std::vector<std::string> out;
  for (const MarkupNode* c = n->first_child; c; c = c->next)
    out.push_back(c->is_element() ? c->name : "#" + c->text);
  return out;
}

}  // namespace briefcast::test
