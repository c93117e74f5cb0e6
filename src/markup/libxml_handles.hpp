#pragma once
// Owning handles for libxml2's objects and its strings as std::string, for the markup folder.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

#include "base/c_deleter.hpp"

namespace briefcast {

using DocPtr = std::unique_ptr<xmlDoc, CDeleter<xmlFreeDoc>>;
using ParserPtr = std::unique_ptr<xmlParserCtxt, CDeleter<xmlFreeParserCtxt>>;

// libxml2's xmlFree is a function pointer variable, not a function usable as a template argument.
struct XmlCharFree {
  void operator()(xmlChar* p) const noexcept {
    if (p) xmlFree(p);
  }
};
using XmlStr = std::unique_ptr<xmlChar, XmlCharFree>;

inline constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

inline std::string str(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

// A string libxml2 allocated for the caller, copied and freed.
inline std::string take(xmlChar* s) {
  XmlStr owned(s);
  return str(owned.get());
}

}  // namespace briefcast
