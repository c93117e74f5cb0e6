#pragma once
// Character sets of fetched documents: finding out what a page is encoded in and turning its bytes
// into UTF-8, the only encoding the rest of the pipeline sees.
//
// Nothing here throws on bad input: undecodable bytes are repaired (see to_utf8) and described in
// the optional `warnings` list so the caller can tell the user. Labels follow the WHATWG Encoding
// Standard where browsers deviate from the IANA names: "iso-8859-1", "latin1" and "us-ascii" mean
// windows-1252, which is what such pages actually contain.

#include <string>
#include <string_view>
#include <vector>

namespace briefcast {

// The canonical name for a charset label: "utf-8", "windows-1252", "utf-16le", "utf-16be", a
// multi-byte name glibc iconv knows (e.g. "gb18030" for "gb2312"), or the label itself
// lower-cased and trimmed. Empty for an empty label.
std::string normalize_charset(std::string_view label);

// The charset an HTML document's bytes are in, in the browsers' order of authority: a byte order
// mark (UTF-8, UTF-16LE/BE), then `declared_charset` (e.g. from a Content-Type header), then a
// <meta charset> / <meta http-equiv="Content-Type" content="...charset=..."> or XML declaration in
// the first 4 KB, then "utf-8" when the bytes are valid UTF-8, else "windows-1252".
// Returns a normalized name (see normalize_charset).
std::string sniff_html_charset(std::string_view bytes, std::string_view declared_charset = {});

// `bytes` in `charset` (any label; empty means: BOM, else UTF-8 when valid, else windows-1252)
// converted to valid UTF-8 without a byte order mark.
// Repairs, each reported once as a line appended to `warnings` (when not null):
//  - invalid UTF-8 sequences: each byte read as windows-1252;
//  - bytes invalid in another charset, and a truncated last character: U+FFFD;
//  - a charset iconv does not know: read as UTF-8 (with the repair above).
std::string to_utf8(std::string_view bytes, std::string_view charset,
                    std::vector<std::string>* warnings);

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

}  // namespace briefcast
