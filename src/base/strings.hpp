#pragma once
// Small string and UTF-8 helpers shared by every layer: ASCII case and space, digits, hex,
// UTF-8 encoding, quoting a path for an error message, HTML/XML text escaping. Each exists once
// here; no folder keeps a copy of its own. All are pure and never throw (but std::bad_alloc).

#include <filesystem>
#include <string>
#include <string_view>

namespace briefcast {

// ASCII space as C's isspace in the "C" locale: space, \t, \n, \v, \f, \r.
inline constexpr std::string_view kAsciiSpace = " \t\n\v\f\r";

// `s` with A-Z turned into a-z; other bytes (UTF-8 included) unchanged.
std::string lower_ascii(std::string_view s);

// `s` without leading and trailing ASCII space; a view into `s`.
std::string_view trim(std::string_view s);

// Whether `a` and `b` are equal ignoring ASCII case.
bool equals_ascii_ci(std::string_view a, std::string_view b);
// Whether `s` starts with `prefix`, ignoring ASCII case.
bool starts_with_ascii_ci(std::string_view s, std::string_view prefix);

// '0'..'9' only (never locale digits, never other scripts' digits).
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Non-empty and every byte is_digit.
bool all_digits(std::string_view s);

// The value of one hexadecimal digit (0-9, a-f, A-F), or -1 when `c` is none.
int hex_value(char c);

// Appends code point `cp` as UTF-8. Values above U+10FFFF and surrogates append U+FFFD.
void append_utf8(std::string& out, char32_t cp);

// "'<path>'": how error messages name a file ("cannot open 'a.wav': ...").
std::string quoted(const std::filesystem::path& path);

// Text escaped for HTML and XML content and attribute values: & < > " ' become entities, and the
// control characters XML 1.0 forbids (below U+0020 except tab, newline, carriage return) are
// dropped, so the result is always safe inside a feed or a page.
std::string escape_html(std::string_view s);

}  // namespace briefcast
