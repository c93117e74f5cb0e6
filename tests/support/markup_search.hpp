#pragma once
// Finding nodes in a parsed markup tree (markup/markup_tree.hpp) by name or id, in document
// order, for tests that check what a stage kept, moved or removed.

#include <functional>
#include <string>
#include <vector>

#include "markup/markup_tree.hpp"

namespace briefcast::test {

// The first node in document order under `from` (`from` itself included) for which `match` is
// true, or nullptr. Follows the first_child/next/parent links without recursion.
const MarkupNode* find_node(const MarkupNode* from,
                            const std::function<bool(const MarkupNode&)>& match);

// The first element named `name` under `from`, or nullptr.
const MarkupNode* find_element(const MarkupNode* from, const std::string& name);

// The first node under `from` whose id attribute is `id`, or nullptr.
const MarkupNode* find_by_id(const MarkupNode* from, const std::string& id);

// The children of `n` as names: elements by name, text nodes as "#" + their text.
std::vector<std::string> child_names(const MarkupNode* n);

}  // namespace briefcast::test
