#include "markup/markup_tree.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <new>

#include "base/error.hpp"
#include "markup/libxml_handles.hpp"
#include "markup/markup_builder.hpp"
#include "markup/markup_limits.hpp"

namespace briefcast {
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