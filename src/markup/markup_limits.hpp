#pragma once
// Bounds on what one markup document may cost, checked on its bytes before libxml2 sees them
// and on the tree while it is copied: libxml2's parsers are quadratic in the attributes of one
// element, a page of a million tiny elements is a million nodes, and entity references can
// expand a small document into gigabytes.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace briefcast {

// Attributes of one element kept (HTML) or accepted (XML): no real page comes near this.
inline constexpr std::size_t kMaxAttributesPerElement = 256;
// Elements of one document kept (HTML: the page is cut before the next one) or accepted (XML).
inline constexpr std::size_t kMaxElementsPerDocument = 1'000'000;
// The text a document may expand to (entity references included): 4 times its bytes, but at
// least kMinExpansionBytes (small documents with a few entities are fine) and at most
// kMaxExpandedBytes.
inline constexpr std::size_t kMinExpansionBytes = 1 << 20;
inline constexpr std::size_t kMaxExpandedBytes = 32u << 20;
std::size_t expansion_budget(std::size_t document_bytes);

// What scan_markup found: the first limit the bytes exceed, if any.
struct MarkupScan {
  std::size_t elements = 0;            // start tags seen (up to the cut)
  std::size_t dropped_attributes = 0;  // attributes beyond kMaxAttributesPerElement
  bool cut = false;                    // more than kMaxElementsPerDocument elements
  std::optional<std::string> limited;  // the bytes with the excess removed, when any was
};

// Scans the tags of `bytes` (comments, CDATA, processing instructions and declarations
// skipped) with `max_attributes` and `max_elements` (the constants above by default).
MarkupScan scan_markup(std::string_view bytes,
                       std::size_t max_attributes = kMaxAttributesPerElement,
                       std::size_t max_elements = kMaxElementsPerDocument);

}  // namespace briefcast
