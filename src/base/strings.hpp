#pragma once
// Small string and UTF-8 helpers shared by every layer: ASCII case and space, digits, hex,
// UTF-8 encoding, quoting a path for an error message, HTML/XML text escaping. Each exists once
// here; no folder keeps a copy of its own. All are pure and never throw (but std::bad_alloc).

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace briefcast {

// ASCII space as C's isspace in the "C" locale: space, \t, \n, \v, \f, \r.
inline constexpr std::string_view kAsciiSpace = " \t\n\v\f\r";

// `s` with A-Z turned into a-z (upper_ascii: a-z into A-Z); other bytes (UTF-8 included)
// unchanged.
std::string lower_ascii(std::string_view s);
std::string upper_ascii(std::string_view s);

// `s` without leading and trailing bytes of `chars` (by default ASCII space); a view into `s`.
// Formats with a narrower idea of space pass their own: HTTP's " \t", Markdown's " \t\r".
std::string_view trim(std::string_view s, std::string_view chars = kAsciiSpace);

// The words of `s`: its runs of bytes that are not ASCII space, in order; views into `s`.
std::vector<std::string_view> split_words(std::string_view s);
// The words of `s` joined by single spaces: every run of ASCII space becomes one ' ', and none
// is left at either end.
std::string fold_space(std::string_view s);

// Whether `a` and `b` are equal ignoring ASCII case.
bool equals_ascii_ci(std::string_view a, std::string_view b);
// Whether `s` starts with `prefix`, ignoring ASCII case.
bool starts_with_ascii_ci(std::string_view s, std::string_view prefix);

// '0'..'9' only (never locale digits, never other scripts' digits).
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
// A-Z, a-z, either (ASCII letters only; UTF-8 bytes are none of these).
constexpr bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_alpha_ascii(char c) { return is_upper_ascii(c) || is_lower_ascii(c); }
// An ASCII letter or digit.
constexpr bool is_alnum_ascii(char c) { return is_alpha_ascii(c) || is_digit(c); }
// Non-empty and every byte is_digit.
bool all_digits(std::string_view s);

// The value of one hexadecimal digit (0-9, a-f, A-F), or -1 when `c` is none.
int hex_value(char c);

// Whether byte `c` continues a UTF-8 sequence (0b10xxxxxx) rather than starting a character.
constexpr bool is_utf8_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}
// Number of code points in UTF-8 `s`: its bytes that are not continuation bytes.
std::size_t count_code_points(std::string_view s);

// Appends code point `cp` as UTF-8. Values above U+10FFFF and surrogates append U+FFFD.
void append_utf8(std::string& out, char32_t cp);

// A clock reading of whole seconds: "M:SS" under an hour, "H:MM:SS" from an hour on; negative
// values read "0:00". Callers round or truncate to whole seconds as their readers expect.
std::string clock_time(long seconds);

// "'<path>'": how error messages name a file ("cannot open 'a.wav': ...").
std::string quoted(const std::filesystem::path& path);

// Whether byte `c` may stand in XML 1.0 text: every byte but the C0 controls other than tab,
// newline and carriage return (UTF-8 bytes included; they are checked as sequences elsewhere).
constexpr bool is_xml_byte(char c) {
  return static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r';
}

// `s` as text XML 1.0 allows: the characters it forbids (C0 controls but tab, newline and
// carriage return; surrogates; U+FFFE and U+FFFF) are dropped, and bytes that are not UTF-8
// become U+FFFD. Every text that can reach a feed, a page, a tag or a transcript passes here.
std::string xml_safe_text(std::string_view s);

// Text escaped for HTML and XML content and attribute values: & < > " ' become entities, and the
// characters XML 1.0 forbids are dropped and invalid UTF-8 repaired (as xml_safe_text), so the
// result is always safe inside a feed or a page. The apostrophe becomes "&#39;", which HTML 4 also
// knows.
std::string escape_html(std::string_view s);
// The same for XML documents (the podcast feed): the apostrophe becomes XML's own "&apos;".
std::string escape_xml(std::string_view s);

}  // namespace briefcast
