#include "base/strings.hpp"

#include <algorithm>
#include <cstdio>

namespace briefcast {

namespace {
constexpr char lower_char(char c) { return is_upper_ascii(c) ? static_cast<char>(c + 32) : c; }
}  // namespace

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_char(c);
  return out;
}

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (is_lower_ascii(c)) c = static_cast<char>(c - 32);
  return out;
}

std::string_view trim(std::string_view s, std::string_view chars) {
  std::size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(chars);
  return s.substr(b, e - b + 1);
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  for (std::size_t b = s.find_first_not_of(kAsciiSpace); b != std::string_view::npos;) {
    std::size_t e = std::min(s.find_first_of(kAsciiSpace, b), s.size());
    words.push_back(s.substr(b, e - b));
    b = s.find_first_not_of(kAsciiSpace, e);
  }
  return words;
}

std::string fold_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::string_view w : split_words(s)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

bool equals_ascii_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower_char(a[i]) != lower_char(b[i])) return false;
  return true;
}

bool starts_with_ascii_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && equals_ascii_ci(s.substr(0, prefix.size()), prefix);
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::size_t count_code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return !is_utf8_continuation(c); }));
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string clock_time(long s) {
  if (s < 0) s = 0;
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

std::string xml_safe_text(std::string_view s) {
  std::string o;
  o.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (is_xml_byte(s[i])) o += s[i];
      ++i;
      continue;
    }
    // The length and smallest value of a sequence starting with b; 0 for a byte that starts none.
    const std::size_t len = b >= 0xC2 && b <= 0xDF   ? 2
                            : b >= 0xE0 && b <= 0xEF ? 3
                            : b >= 0xF0 && b <= 0xF4 ? 4
                                                     : 0;
    char32_t cp = len == 2 ? b & 0x1F : len == 3 ? b & 0x0F : b & 0x07;
    std::size_t k = 1;
    for (; len && k < len && i + k < s.size() && is_utf8_continuation(s[i + k]); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    const char32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (len == 0 || k < len || cp < min || cp > 0x10FFFF) {
      append_utf8(o, 0xFFFD);  // one replacement per byte that is not part of a character
      i += len == 0 || k == 1 ? 1 : k;
      continue;
    }
    if (!(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF) o.append(s.substr(i, len));
    i += len;
  }
  return o;
}

namespace {
std::string escape_markup(std::string_view raw, std::string_view apostrophe) {
  const std::string s = xml_safe_text(raw);
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        o += "&amp;";
        break;
      case '<':
        o += "&lt;";
        break;
      case '>':
        o += "&gt;";
        break;
      case '"':
        o += "&quot;";
        break;
      case '\'':
        o += apostrophe;
        break;
      default:
        o += c;
    }
  }
  return o;
}
}  // namespace

std::string escape_html(std::string_view s) { return escape_markup(s, "&#39;"); }

std::string escape_xml(std::string_view s) { return escape_markup(s, "&apos;"); }

}  // namespace briefcast
