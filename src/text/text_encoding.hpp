#pragma once
// Character sets of fetched documents: finding out what a page is encoded in and turning its bytes
// into UTF-8, the only encoding the rest of the pipeline sees.
//
// Nothing here throws on bad input: undecodable bytes are repaired (see to_utf8) and described in
// the optional `warnings` list so the caller can tell the user. Labels follow the WHATWG Encoding
// Standard where browsers deviate from the IANA names: "iso-8859-1", "latin1" and "us-ascii" mean
// windows-1252, which is what such pages actually contain.

#include <cstddef>
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
//  - invalid UTF-8 sequences: each byte read as windows-1252 (see repair_utf8);
//  - bytes invalid in another charset, and a truncated last character: U+FFFD;
//  - a charset iconv does not know: read as UTF-8 (with the repair above).
std::string to_utf8(std::string_view bytes, std::string_view charset,
                    std::vector<std::string>* warnings);

// The character Windows-1252 byte `byte` stands for: the Windows extras at 0x80..0x9F ("€" for
// 0x80, curly quotes, dashes), the C1 control of the same value for the five bytes Windows-1252
// leaves undefined (0x81 0x8D 0x8F 0x90 0x9D, as the WHATWG Encoding Standard and Windows' own
// decoder have it), and Latin-1 (the same value) for every other byte.
char32_t windows_1252_char(unsigned char byte);

// `bytes` as well-formed UTF-8: every byte that is not part of a well-formed sequence (no
// overlongs, surrogates or code points past U+10FFFF) is read as Windows-1252, the usual culprit
// in text that claims to be UTF-8 (windows_1252_char). So the five bytes Windows-1252 leaves
// undefined (0x81 0x8D 0x8F 0x90 0x9D) become the C1 controls U+0081 U+008D U+008F U+0090
// U+009D: nothing is lost, and the tidying that follows (tidy_unicode, clean_plain_text) drops
// controls. The number of bytes so read is added to `*repaired` (when not
// null). A byte order mark is kept (to_utf8 removes it).
std::string repair_utf8(std::string_view bytes, std::size_t* repaired = nullptr);

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

}  // namespace briefcast
