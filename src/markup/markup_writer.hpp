#pragma once
// Markup trees back to text: XML markup of a node, byte for byte as libxml2's xmlNodeDump wrote
// it (without formatting), for feeds that carry XHTML content (Atom type="xhtml").

#include <string>

#include "markup/markup_tree.hpp"

namespace briefcast {

// `node` and everything under it as XML markup:
//  - elements with their namespace prefix; the namespace declarations the element itself
//    carries (not those of its ancestors, which the fragment then lacks); attributes in
//    document order except `defaulted` ones; "<x/>" for an element without children
//  - text with &lt; &gt; &amp; escaped and CR as &#13;; CDATA sections, comments, processing
//    instructions and entity references as written
//  - attribute values in double quotes with " < > & TAB LF CR escaped, and non-ASCII characters
//    as &#xHH; references when the document did not declare its encoding; namespace URIs
//    quoted as libxml2 does (single quotes when the URI holds a double quote)
// Iterative, whatever the depth; throws only std::bad_alloc. Meant for XML documents.
std::string serialize_xml(const MarkupDocument& doc, const MarkupNode& node);

}  // namespace briefcast
