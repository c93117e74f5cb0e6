#pragma once
// Copies libxml2's tree into a MarkupDocument, freeing each libxml2 node once it and its
// children are copied, so the two trees are never whole in memory at the same time. The copy
// is charged for its text (entity replacement text once per reference) against a budget.
#include <libxml/tree.h>

#include <cstddef>
#include <string>
#include <unordered_map>

#include "markup/markup_tree.hpp"

namespace briefcast {

// Thrown by MarkupBuilder when the document's text outgrows its expansion budget.
struct ExpansionLimit {};

class MarkupBuilder {
 public:
  // `budget`: the bytes of text (entity replacement text included, once per reference) the
  // copy may hold; beyond it build() throws ExpansionLimit.
  MarkupBuilder(MarkupDocument& out, std::size_t budget) : out_(out), budget_(budget) {}

  // Copies `doc` into the document given to the constructor, freeing doc's nodes as it goes.
  void build(xmlDoc* doc);

  // An XML document refused as not well-formed, `why` as its error.
  static MarkupDocument refused(const std::string& why);

 private:
  void charge(std::size_t bytes);
  std::size_t entity_size(xmlDoc* doc, xmlEntity* ent, int depth);
  std::size_t attribute_size(xmlDoc* doc, const xmlAttr* a);
  MarkupNode& add(xmlNode* n, MarkupNode* parent, int line);
  void add_dtd_defaults(const xmlNode* n, MarkupNode& m);
  MarkupNamespace* xml_namespace();
  MarkupNamespace* ns_of(const xmlNs* ns);

  MarkupDocument& out_;
  std::unordered_map<const xmlNs*, MarkupNamespace*> ns_map_;
  std::unordered_map<std::string, std::string> entity_text_;
  std::unordered_map<const xmlEntity*, std::size_t> entity_sizes_;
  MarkupNamespace* xml_ns_ = nullptr;
  std::size_t budget_;
  std::size_t spent_ = 0;
};

}  // namespace briefcast
