#include "markup/markup_builder.hpp"

#include <libxml/valid.h>

#include <algorithm>
#include <climits>
#include <memory>

#include "markup/libxml_handles.hpp"

namespace briefcast {
namespace {

bool is_content(const xmlNode* n) {
  switch (n->type) {
    case XML_ELEMENT_NODE:
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
    case XML_COMMENT_NODE:
    case XML_PI_NODE:
    case XML_ENTITY_REF_NODE:
      return true;
    default:
      return false;
  }
}

// Pre-order over the document's content nodes. enter(n) says whether to descend (elements only:
// an entity reference's "children" are the entity declaration). leave(n) runs after n's children
// and after n's next sibling and parent were read, so it may free n. No recursion: pages nest
// deeper than any stack.
template <class Enter, class Leave>
void walk(xmlDoc* doc, Enter&& enter, Leave&& leave) {
  xmlNode* n = doc->children;
  while (n) {
    if (is_content(n) && enter(n) && n->type == XML_ELEMENT_NODE && n->children) {
      n = n->children;
      continue;
    }
    for (;;) {
      xmlNode* next = n->next;
      xmlNode* up = n->parent;
      if (is_content(n)) leave(n);
      if (next) {
        n = next;
        break;
      }
      if (!up || up == reinterpret_cast<xmlNode*>(doc)) return;
      n = up;
    }
  }
}

std::size_t add_saturating(std::size_t a, std::size_t b) {
  return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

std::size_t length_of(const xmlChar* s) {
  return s ? std::char_traits<char>::length(reinterpret_cast<const char*>(s)) : 0;
}

// What xmlGetProp returns for an attribute node (entity references expanded), "" for none.
std::string attribute_value(xmlDoc* doc, const xmlAttr* a) {
  const xmlNode* c = a->children;
  if (!c) return {};
  if (!c->next && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE))
    return str(c->content);
  return take(xmlNodeListGetString(doc, c, 1));
}
}  // namespace

void MarkupBuilder::build(xmlDoc* doc) {
  out_.has_doctype_ = doc->intSubset || doc->extSubset;
  out_.declared_encoding_ = doc->encoding != nullptr;
  if (doc->URL) out_.url_ = str(doc->URL);
  // xmlGetLineNo looks at neighbours for lines past 65535; ask it while they are all there.
  std::vector<int> lines;
  walk(
      doc,
      [&](xmlNode* n) {
        const long line = xmlGetLineNo(n);
        lines.push_back(line < 0 || line > INT_MAX ? 0 : static_cast<int>(line));
        return true;
      },
      [](xmlNode*) {});
  std::size_t next_line = 0;
  MarkupNode* parent = nullptr;
  walk(
      doc,
      [&](xmlNode* n) {
        MarkupNode& m = add(n, parent, lines[next_line++]);
        if (m.is_element()) parent = &m;
        return true;
      },
      [&](xmlNode* n) {
        if (n->type == XML_ELEMENT_NODE) parent = parent->parent;
        xmlUnlinkNode(n);
        xmlFreeNode(n);
      });
}

MarkupDocument MarkupBuilder::refused(const std::string& why) {
  MarkupDocument out;
  out.well_formed_ = false;
  out.first_error_ = out.last_error_ = MarkupError{0, why};
  return out;
}

void MarkupBuilder::charge(std::size_t bytes) {
  spent_ = add_saturating(spent_, bytes);
  if (spent_ > budget_) throw ExpansionLimit{};
}

// The bytes of `ent`'s replacement text, computed without expanding it (xmlNodeGetContent
// would build the whole text first). Entities nest at most 40 deep in libxml2; a loop (which
// libxml2 refuses anyway) counts as unbounded.
std::size_t MarkupBuilder::entity_size(xmlDoc* doc, xmlEntity* ent, int depth) {
  if (!ent) return 0;
  auto [at, fresh] = entity_sizes_.try_emplace(ent, SIZE_MAX);
  if (!fresh || depth > 64) return at->second;
  std::size_t total = 0;
  xmlNode* n = ent->children;
  if (!n) total = length_of(ent->content);
  while (n && total != SIZE_MAX) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      total = add_saturating(total, length_of(n->content));
    } else if (n->type == XML_ENTITY_REF_NODE) {
      total = add_saturating(total, entity_size(doc, xmlGetDocEntity(doc, n->name), depth + 1));
    } else if (n->type == XML_ELEMENT_NODE && n->children) {
      n = n->children;
      continue;
    }
    for (;;) {
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
      if (!n || n == reinterpret_cast<xmlNode*>(ent)) {
        n = nullptr;
        break;
      }
    }
  }
  entity_sizes_[ent] = total;
  return total;
}

// The bytes of an attribute's value once its entity references are expanded.
std::size_t MarkupBuilder::attribute_size(xmlDoc* doc, const xmlAttr* a) {
  std::size_t total = 0;
  for (const xmlNode* c = a->children; c; c = c->next)
    total = add_saturating(total, c->type == XML_ENTITY_REF_NODE
                                      ? entity_size(doc, xmlGetDocEntity(doc, c->name), 0)
                                      : length_of(c->content));
  return total;
}

MarkupNode& MarkupBuilder::add(xmlNode* n, MarkupNode* parent, int line) {
  MarkupNode& m = out_.nodes_.emplace_back();
  m.index = out_.nodes_.size() - 1;
  m.line = line;
  switch (n->type) {
    case XML_ELEMENT_NODE: {
      m.kind = MarkupKind::element;
      m.name = str(n->name);
      m.ns = ns_of(n->ns);
      MarkupNamespace* last = nullptr;
      for (const xmlNs* d = n->nsDef; d; d = d->next) {
        MarkupNamespace* ns = ns_of(d);
        (last ? last->next_declared : m.declared) = ns;
        last = ns;
      }
      std::size_t count = 0;
      for (const xmlAttr* a = n->properties; a; a = a->next) ++count;
      m.attributes.reserve(count);
      for (const xmlAttr* a = n->properties; a; a = a->next) {
        charge(attribute_size(n->doc, a));
        m.attributes.push_back({str(a->name), ns_of(a->ns), attribute_value(n->doc, a)});
      }
      if (n->doc && n->doc->type == XML_DOCUMENT_NODE) add_dtd_defaults(n, m);
      break;
    }
    case XML_TEXT_NODE:
      charge(length_of(n->content));
      m.kind = MarkupKind::text;
      m.text = str(n->content);
      break;
    case XML_CDATA_SECTION_NODE:
      charge(length_of(n->content));
      m.kind = MarkupKind::cdata;
      m.text = str(n->content);
      break;
    case XML_COMMENT_NODE:
      m.kind = MarkupKind::comment;
      m.text = str(n->content);
      break;
    case XML_PI_NODE:
      m.kind = MarkupKind::processing_instruction;
      m.name = str(n->name);
      m.text = str(n->content);
      break;
    default: {  // XML_ENTITY_REF_NODE
      m.kind = MarkupKind::entity_reference;
      m.name = str(n->name);
      charge(entity_size(n->doc, xmlGetDocEntity(n->doc, n->name), 0));  // copied per reference
      auto [at, fresh] = entity_text_.try_emplace(m.name);
      if (fresh) at->second = take(xmlNodeGetContent(n));
      m.text = at->second;
      break;
    }
  }
  m.parent = parent;
  MarkupNode*& last = parent ? parent->last_child : out_.last_;
  m.prev = last;
  (last ? last->next : parent ? parent->first_child : out_.first_) = &m;
  last = &m;
  return m;
}

// xmlGetProp, xmlGetNoNsProp and xmlNodeGetBase fall back to <!ATTLIST> defaults of the
// element's qualified name: in no namespace, or xml:*. Namespace declarations the parser
// applied itself.
void MarkupBuilder::add_dtd_defaults(const xmlNode* n, MarkupNode& m) {
  for (xmlDtd* dtd : {n->doc->intSubset, n->doc->extSubset}) {
    if (!dtd) continue;
    const xmlElement* decl = xmlGetDtdQElementDesc(dtd, n->name, n->ns ? n->ns->prefix : nullptr);
    for (const xmlAttribute* a = decl ? decl->attributes : nullptr; a; a = a->nexth) {
      if (!a->defaultValue || !a->name) continue;
      const MarkupNamespace* ns = nullptr;
      if (a->prefix) {
        if (str(a->prefix) != "xml") continue;
        ns = xml_namespace();
      } else if (str(a->name) == "xmlns") {
        continue;
      }
      const std::string name = str(a->name);
      const bool present = std::any_of(
          m.attributes.begin(), m.attributes.end(),
          [&](const MarkupAttribute& have) { return have.name == name && have.ns == ns; });
      if (!present) m.attributes.push_back({name, ns, str(a->defaultValue), true});
    }
  }
}

MarkupNamespace* MarkupBuilder::xml_namespace() {
  if (!xml_ns_)
    xml_ns_ =
        &out_.namespaces_.emplace_back(MarkupNamespace{std::string(kXmlNamespace), "xml", nullptr});
  return xml_ns_;
}

// One MarkupNamespace per libxml2 namespace. Every xmlNs is allocated before copying starts
// and the elements using one are freed before the element declaring it, so a freed address
// is never looked up again.
MarkupNamespace* MarkupBuilder::ns_of(const xmlNs* ns) {
  if (!ns) return nullptr;
  if (ns->prefix && str(ns->prefix) == "xml" && str(ns->href) == kXmlNamespace)
    return xml_namespace();
  auto [at, fresh] = ns_map_.try_emplace(ns, nullptr);
  if (fresh)
    at->second =
        &out_.namespaces_.emplace_back(MarkupNamespace{str(ns->href), str(ns->prefix), nullptr});
  return at->second;
}

}  // namespace briefcast
