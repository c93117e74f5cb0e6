#include "markup/markup_tree.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/valid.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <new>
#include <unordered_map>

#include "base/c_deleter.hpp"
#include "base/error.hpp"
#include "markup/markup_limits.hpp"

namespace briefcast {
namespace {

using DocPtr = std::unique_ptr<xmlDoc, CDeleter<xmlFreeDoc>>;
using ParserPtr = std::unique_ptr<xmlParserCtxt, CDeleter<xmlFreeParserCtxt>>;

// libxml2's xmlFree is a function pointer variable, not a function usable as a template argument.
struct XmlCharFree {
  void operator()(xmlChar* p) const noexcept {
    if (p) xmlFree(p);
  }
};
using XmlStr = std::unique_ptr<xmlChar, XmlCharFree>;

constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

std::string str(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

std::string take(xmlChar* s) {
  XmlStr owned(s);
  return str(owned.get());
}

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

// Thrown by MarkupBuilder when the document's text outgrows its expansion budget.
struct ExpansionLimit {};

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

// Copies libxml2's tree into a MarkupDocument, freeing each libxml2 node once it and its
// children are copied, so the two trees are never whole in memory at the same time.
class MarkupBuilder {
 public:
  // `budget`: the bytes of text (entity replacement text included, once per reference) the
  // copy may hold; beyond it build() throws ExpansionLimit.
  MarkupBuilder(MarkupDocument& out, std::size_t budget) : out_(out), budget_(budget) {}

  void build(xmlDoc* doc) {
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

  // An XML document refused as not well-formed, `why` as its error.
  static MarkupDocument refused(const std::string& why) {
    MarkupDocument out;
    out.well_formed_ = false;
    out.first_error_ = out.last_error_ = MarkupError{0, why};
    return out;
  }

 private:
  void charge(std::size_t bytes) {
    spent_ = add_saturating(spent_, bytes);
    if (spent_ > budget_) throw ExpansionLimit{};
  }

  // The bytes of `ent`'s replacement text, computed without expanding it (xmlNodeGetContent
  // would build the whole text first). Entities nest at most 40 deep in libxml2; a loop (which
  // libxml2 refuses anyway) counts as unbounded.
  std::size_t entity_size(xmlDoc* doc, xmlEntity* ent, int depth) {
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
  std::size_t attribute_size(xmlDoc* doc, const xmlAttr* a) {
    std::size_t total = 0;
    for (const xmlNode* c = a->children; c; c = c->next)
      total = add_saturating(total, c->type == XML_ENTITY_REF_NODE
                                        ? entity_size(doc, xmlGetDocEntity(doc, c->name), 0)
                                        : length_of(c->content));
    return total;
  }

  MarkupNode& add(xmlNode* n, MarkupNode* parent, int line) {
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
  void add_dtd_defaults(const xmlNode* n, MarkupNode& m) {
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

  MarkupNamespace* xml_namespace() {
    if (!xml_ns_)
      xml_ns_ = &out_.namespaces_.emplace_back(
          MarkupNamespace{std::string(kXmlNamespace), "xml", nullptr});
    return xml_ns_;
  }

  // One MarkupNamespace per libxml2 namespace. Every xmlNs is allocated before copying starts
  // and the elements using one are freed before the element declaring it, so a freed address
  // is never looked up again.
  MarkupNamespace* ns_of(const xmlNs* ns) {
    if (!ns) return nullptr;
    if (ns->prefix && str(ns->prefix) == "xml" && str(ns->href) == kXmlNamespace)
      return xml_namespace();
    auto [at, fresh] = ns_map_.try_emplace(ns, nullptr);
    if (fresh)
      at->second =
          &out_.namespaces_.emplace_back(MarkupNamespace{str(ns->href), str(ns->prefix), nullptr});
    return at->second;
  }

  MarkupDocument& out_;
  std::unordered_map<const xmlNs*, MarkupNamespace*> ns_map_;
  std::unordered_map<std::string, std::string> entity_text_;
  std::unordered_map<const xmlEntity*, std::size_t> entity_sizes_;
  MarkupNamespace* xml_ns_ = nullptr;
  std::size_t budget_;
  std::size_t spent_ = 0;
};

namespace {

// The first error (not warning) of a parse. Called from C: must not throw.
// xmlCtxtReadMemory resets the context's user data, so the target is thread-local.
thread_local std::optional<MarkupError>* t_first_error = nullptr;

void record_first_error(void* /*user_data*/, xmlErrorPtr error) {
  std::optional<MarkupError>* first = t_first_error;
  if (!first || first->has_value() || !error || error->level < XML_ERR_ERROR) return;
  try {
    *first = MarkupError{error->line, error->message ? error->message : ""};
  } catch (...) {
  }
}

// libxml2 takes the input's length as an int.
void check_size(std::string_view input, const std::string& name) {
  if (input.size() > static_cast<std::size_t>(INT_MAX))
    throw Error(ExitCode::input,
                (name.empty() ? std::string("markup document") : "'" + name + "'") +
                    ": 2 GiB or more (libxml2 reads less than 2 GiB)");
}

}  // namespace

std::string_view MarkupNode::ns_uri() const { return ns ? std::string_view(ns->uri) : ""; }

const std::string* MarkupNode::attr(std::string_view attr_name) const {
  for (const MarkupAttribute& a : attributes)
    if (a.name == attr_name) return &a.value;
  return nullptr;
}

const std::string* MarkupNode::attr_no_ns(std::string_view attr_name) const {
  for (const MarkupAttribute& a : attributes)
    if (!a.ns && a.name == attr_name) return &a.value;
  return nullptr;
}

std::string_view MarkupNode::attr_or_empty(std::string_view attr_name) const {
  const std::string* v = attr(attr_name);
  return v ? std::string_view(*v) : std::string_view();
}

std::string MarkupNode::text_content() const {
  if (kind != MarkupKind::element) return text;
  std::string out;
  const MarkupNode* n = this;
  while (n) {
    if (n->kind == MarkupKind::text || n->kind == MarkupKind::cdata ||
        n->kind == MarkupKind::entity_reference)
      out += n->text;
    if (n->is_element() && n->first_child) {
      n = n->first_child;
      continue;
    }
    while (n != this && !n->next) n = n->parent;
    n = n == this ? nullptr : n->next;
  }
  return out;
}

MarkupNode* MarkupDocument::root() {
  for (MarkupNode* n = first_; n; n = n->next)
    if (n->is_element()) return n;
  return nullptr;
}

const MarkupNode* MarkupDocument::root() const { return const_cast<MarkupDocument*>(this)->root(); }

void MarkupDocument::remove(MarkupNode& node) {
  MarkupNode*& first = node.parent ? node.parent->first_child : first_;
  MarkupNode*& last = node.parent ? node.parent->last_child : last_;
  if (node.prev) {
    node.prev->next = node.next;
  } else if (first == &node) {
    first = node.next;
  }
  if (node.next) {
    node.next->prev = node.prev;
  } else if (last == &node) {
    last = node.prev;
  }
  node.parent = node.prev = node.next = nullptr;
}

std::string MarkupDocument::base_of(const MarkupNode& node) const {
  std::optional<std::string> base;
  for (const MarkupNode* cur = &node; cur; cur = cur->parent) {
    if (!cur->is_element()) continue;
    const std::string* own = nullptr;
    for (const MarkupAttribute& a : cur->attributes)
      if (a.ns && a.ns->uri == kXmlNamespace && a.name == "base") {
        own = &a.value;
        break;
      }
    if (!own) continue;
    if (base) {
      XmlStr joined(xmlBuildURI(reinterpret_cast<const xmlChar*>(base->c_str()),
                                reinterpret_cast<const xmlChar*>(own->c_str())));
      if (!joined) return {};
      base = str(joined.get());
    } else {
      base = *own;
    }
    // libxml2 stops here for these schemes (not for https://).
    if (base->starts_with("http://") || base->starts_with("ftp://") || base->starts_with("urn:"))
      return *base;
  }
  if (url_) {
    if (!base) return *url_;
    return take(xmlBuildURI(reinterpret_cast<const xmlChar*>(base->c_str()),
                            reinterpret_cast<const xmlChar*>(url_->c_str())));
  }
  return base.value_or("");
}

MarkupDocument parse_html(std::string_view page, const std::string& name) {
  check_size(page, name);
  // Attributes beyond the cap are dropped and the page is cut after its last element allowed.
  const MarkupScan scan = scan_markup(page);
  const std::string_view utf8_html = scan.limited ? std::string_view(*scan.limited) : page;
  // HUGE lifts libxml2's nesting limit of 256: without it everything past that depth (and the
  // rest of the page) is silently dropped. Our walks are iterative, libxml2's own too (2.9.14).
  // IGNORE_ENC with "UTF-8": the caller converted the page; a <meta charset> must not re-decode.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC |
                      XML_PARSE_HUGE;
  DocPtr doc(htmlReadMemory(utf8_html.data(), static_cast<int>(utf8_html.size()), name.c_str(),
                            "UTF-8", options));
  MarkupDocument out;
  out.well_formed_ = true;
  if (!doc) return out;
  try {
    MarkupBuilder(out, expansion_budget(page.size())).build(doc.get());
  } catch (const ExpansionLimit&) {  // HTML has no entities: this would take a page of 32 MB
    out = MarkupDocument();
    out.well_formed_ = true;
  }
  return out;
}

MarkupDocument parse_xml(std::string_view xml, const XmlReadOptions& options) {
  check_size(xml, options.url);
  // Refused before libxml2 reads them, so that a hostile feed costs no more than a scan.
  const MarkupScan scan = scan_markup(xml);
  if (scan.cut)
    return MarkupBuilder::refused("more than " + std::to_string(kMaxElementsPerDocument) +
                                  " elements");
  if (scan.dropped_attributes)
    return MarkupBuilder::refused("more than " + std::to_string(kMaxAttributesPerElement) +
                                  " attributes on one element");
  ParserPtr ctxt(xmlNewParserCtxt());
  if (!ctxt) throw std::bad_alloc();
  std::optional<MarkupError> first_error;
  t_first_error = &first_error;
  ctxt->sax->serror = record_first_error;
  // NONET: never fetch anything. No NOENT/DTDLOAD: external entities are not loaded, and
  // declared ones stay references instead of being expanded into the tree.
  const int flags = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                    (options.cdata_as_text ? XML_PARSE_NOCDATA : 0);
  DocPtr doc(xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()),
                               options.url.empty() ? nullptr : options.url.c_str(), nullptr,
                               flags));
  t_first_error = nullptr;
  MarkupDocument out;
  out.first_error_ = std::move(first_error);
  if (const xmlError* err = xmlCtxtGetLastError(ctxt.get()))
    out.last_error_ = MarkupError{err->line, err->message ? err->message : ""};
  out.namespaces_well_formed_ = ctxt->nsWellFormed != 0;
  out.well_formed_ = doc && ctxt->wellFormed;
  if (!out.well_formed_) return out;
  const std::size_t budget = expansion_budget(xml.size());
  try {
    MarkupBuilder(out, budget).build(doc.get());
  } catch (const ExpansionLimit&) {
    return MarkupBuilder::refused("entity references expand the document past " +
                                  std::to_string(budget) + " bytes (4 times its size, at most " +
                                  std::to_string(kMaxExpandedBytes) + ")");
  }
  return out;
}

}  // namespace briefcast
