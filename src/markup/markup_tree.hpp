#pragma once
// Markup documents as trees of standard types: HTML pages (recovering from any broken markup)
// and XML documents such as feeds. This is the only code that talks to libxml2; everything
// else walks a MarkupDocument.
//
// The tree is built from libxml2's own parse and libxml2's tree is freed as it is copied, so
// what callers see is exactly what libxml2 parsed: HTML tag and attribute names lower-cased,
// implied <html>/<head>/<body> added, character references decoded, text as UTF-8 whatever
// the input's encoding.
//
// Nodes live in an arena owned by their MarkupDocument: pointers to them stay valid as long as
// the document does (also after the document is moved), and nothing is ever freed node by node,
// so neither building nor destroying a tree recurses, whatever its depth. Walks over the tree
// should follow the links (first_child/next/parent) without recursion as well: pages nest
// thousands of elements deep.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace briefcast {

enum class MarkupKind : std::uint8_t {
  element,
  text,
  cdata,  // XML CDATA section; in HTML, the content of <script> and <style>
  comment,
  processing_instruction,  // <?target content?>
  entity_reference,        // XML only: a reference to an entity the document's DTD declares
};

// A namespace an XML element or attribute is in, or one an element declares.
struct MarkupNamespace {
  std::string uri;     // "http://www.w3.org/2005/Atom"
  std::string prefix;  // "atom"; empty for a default namespace (xmlns="...")
  // Declarations only: the next namespace the same element declares, in document order.
  const MarkupNamespace* next_declared = nullptr;
};

struct MarkupAttribute {
  // Local name ("href"; "base" of xml:base). HTML: the name as written, lower-cased and whole
  // ("xml:lang"), never in a namespace.
  std::string name;
  const MarkupNamespace* ns = nullptr;  // XML: the attribute's namespace; nullptr when none
  std::string value;  // character and entity references replaced; "" for <input hidden>
  // XML: not written on the element but given a default value by the DTD's <!ATTLIST> (libxml2's
  // attribute lookups return those too); serialize_xml() leaves it out.
  bool defaulted = false;
};

// One node. The links are kept by MarkupDocument (parse and remove); treat them as read-only.
struct MarkupNode {
  MarkupKind kind = MarkupKind::element;
  // 1-based source line as libxml2's xmlGetLineNo gives it (for text, often where it ends);
  // lines past 65535 read as 65535 or a neighbour's line; 0 when unknown.
  int line = 0;
  std::size_t index = 0;  // dense number, 0 <= index < MarkupDocument::node_count()
  // element: local name (HTML lower-case; XML "p:x" when prefix p is not declared);
  // processing instruction: target; entity reference: entity name; otherwise empty.
  std::string name;
  const MarkupNamespace* ns = nullptr;        // element's namespace (XML only); nullptr when none
  const MarkupNamespace* declared = nullptr;  // first namespace this element declares (xmlns)
  // text/cdata/comment/processing instruction: the content. entity_reference: the entity's
  // replacement text (its text content). element: empty.
  std::string text;
  std::vector<MarkupAttribute> attributes;  // element's attributes, in document order
  MarkupNode* parent = nullptr;             // nullptr at the top level of the document
  MarkupNode* first_child = nullptr;
  MarkupNode* last_child = nullptr;
  MarkupNode* prev = nullptr;
  MarkupNode* next = nullptr;

  MarkupNode() = default;
  MarkupNode(const MarkupNode&) = delete;  // links point into one document's arena
  MarkupNode& operator=(const MarkupNode&) = delete;

  bool is_element() const { return kind == MarkupKind::element; }
  // The element's namespace URI, "" when it has none.
  std::string_view ns_uri() const;
  // The first attribute with local name `name` in any namespace or none (libxml2's
  // xmlGetProp), nullptr when absent.
  const std::string* attr(std::string_view name) const;
  // The attribute `name` that is in no namespace (xmlGetNoNsProp), nullptr when absent.
  const std::string* attr_no_ns(std::string_view name) const;
  // attr(name), or "" when absent.
  std::string_view attr_or_empty(std::string_view name) const;
  // The concatenated text, CDATA and entity replacement text of this node and everything
  // under it, as written (whitespace kept; comments and processing instructions left out).
  // A comment or processing instruction gives its own content. Iterative.
  std::string text_content() const;
};

// A problem libxml2 reported while parsing.
struct MarkupError {
  int line = 0;         // 1-based line in the input, 0 when libxml2 gave none
  std::string message;  // libxml2's text as it wrote it (it usually ends in '\n')
};

// How to read an XML document. Never from the network, and external DTDs and entities are
// neither loaded nor expanded (entities the internal DTD declares become entity_reference
// nodes, so a "billion laughs" document stays small or is refused as an entity loop). A
// document whose text with its entity references expanded would exceed expansion_budget()
// (markup_limits.hpp: 4 times its bytes, at most 32 MB), or that has more elements or
// attributes on one element than the limits there allow, is refused as not well-formed.
struct XmlReadOptions {
  std::string url;             // the document's URL: what base_of() starts from; "" for none
  bool cdata_as_text = false;  // merge CDATA sections into the text around them
};

// An owned tree. Move-only; all nodes are freed together, without recursion.
class MarkupDocument {
 public:
  MarkupDocument() = default;
  MarkupDocument(MarkupDocument&&) = default;
  MarkupDocument& operator=(MarkupDocument&&) = default;

  // The first element at the top level (<html>, <rss>...), nullptr when there is none (for
  // XML that was not well-formed, always).
  MarkupNode* root();
  const MarkupNode* root() const;
  // The first node at the top level (comments and processing instructions before the root
  // element come first; the DOCTYPE is not a node), nullptr when empty.
  const MarkupNode* first_top_level() const { return first_; }

  // How many nodes were made, removed ones included: an upper bound of MarkupNode::index.
  std::size_t node_count() const { return nodes_.size(); }

  // Unlinks `node` and everything under it from the tree (libxml2's xmlUnlinkNode). The nodes
  // keep their memory, and pointers to them stay valid, until the document is destroyed.
  // `node` must belong to this document.
  void remove(MarkupNode& node);

  // XML: the base URI in effect at `node`: its xml:base attributes and those of its ancestors
  // resolved against each other and against XmlReadOptions::url, as libxml2's xmlNodeGetBase
  // does (it stops climbing at an absolute http://, ftp:// or urn: base). "" when there is
  // none. Meant for XML documents.
  std::string base_of(const MarkupNode& node) const;

  // XML: libxml2 returned a document (the input was well-formed). HTML: always true.
  bool well_formed() const { return well_formed_; }
  // XML: no namespace error (an undeclared prefix, a bad namespace URI). Such errors do not
  // make a document ill-formed.
  bool namespaces_well_formed() const { return namespaces_well_formed_; }
  // XML: the declaration named an encoding (<?xml ... encoding="..."?>); libxml2 then
  // serialized attribute values as UTF-8 rather than ASCII (see markup_writer.hpp).
  bool declared_encoding() const { return declared_encoding_; }
  // The document has a DOCTYPE declaration (XML; for HTML libxml2 always adds one).
  bool has_doctype() const { return has_doctype_; }
  // The first error (not warning) libxml2 reported, in document order.
  const std::optional<MarkupError>& first_error() const { return first_error_; }
  // The last problem libxml2 reported, warnings included (xmlCtxtGetLastError).
  const std::optional<MarkupError>& last_error() const { return last_error_; }

 private:
  friend class MarkupBuilder;
  friend MarkupDocument parse_html(std::string_view utf8_html, const std::string& name);
  friend MarkupDocument parse_xml(std::string_view xml, const XmlReadOptions& options);
  std::deque<MarkupNode> nodes_;
  std::deque<MarkupNamespace> namespaces_;
  MarkupNode* first_ = nullptr;
  MarkupNode* last_ = nullptr;
  std::optional<std::string> url_;  // libxml2's document URL
  bool declared_encoding_ = false;  // <?xml ... encoding="..."?>: attributes keep UTF-8
  bool well_formed_ = false;
  bool namespaces_well_formed_ = true;
  bool has_doctype_ = false;
  std::optional<MarkupError> first_error_, last_error_;
};

// Parses a whole HTML page given as UTF-8 (see to_utf8 in text_encoding.hpp; any <meta charset>
// in it is ignored). `name` (file or URL) becomes the document's URL. libxml2 recovers from any
// broken markup and keeps nesting of any depth. Returns a document whose root() is nullptr
// only when libxml2 made nothing of the input (an empty page). Attributes of one element past
// kMaxAttributesPerElement are dropped, and the page ends before its element number
// kMaxElementsPerDocument + 1 (markup_limits.hpp). Throws Error(ExitCode::input)
// "'<name>': 2 GiB or more (libxml2 reads less than 2 GiB)" when `utf8_html` is that large,
// std::bad_alloc when out of memory.
MarkupDocument parse_html(std::string_view utf8_html, const std::string& name);

// Parses an XML document in the encoding its declaration or byte order mark gives (UTF-8 when
// none). Problems are not thrown: check well_formed(), namespaces_well_formed(), first_error()
// and last_error(). Throws Error(ExitCode::input) when `xml` is 2 GiB or more (named by
// options.url, else "markup document"), std::bad_alloc when out of memory.
MarkupDocument parse_xml(std::string_view xml, const XmlReadOptions& options = {});

}  // namespace briefcast
