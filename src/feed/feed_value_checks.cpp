#include "feed/feed_value_checks.hpp"

#include <cctype>
#include <filesystem>
#include <vector>

#include "base/strings.hpp"

namespace briefcast {

namespace fs = std::filesystem;

bool absolute_http(std::string_view url) {
  for (std::string_view scheme : {"http://", "https://"})
    if (url.starts_with(scheme) && url.size() > scheme.size() && url[scheme.size()] != '/' &&
        url.find_first_of(" \t\r\n") == std::string_view::npos)
      return true;
  return false;
}

std::optional<std::uint64_t> positive_integer(std::string_view s) {
  if (!all_digits(s) || s.size() > 18) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) v = v * 10 + static_cast<std::uint64_t>(c - '0');
  if (v == 0) return std::nullopt;
  return v;
}

bool valid_duration(std::string_view d) {
  if (all_digits(d)) return true;
  std::vector<std::string_view> parts;
  std::size_t b = 0;
  for (std::size_t i = 0; i <= d.size(); ++i)
    if (i == d.size() || d[i] == ':') {
      parts.push_back(d.substr(b, i - b));
      b = i + 1;
    }
  if (parts.size() < 2 || parts.size() > 3) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!all_digits(parts[i])) return false;
    if (i > 0 && (parts[i].size() != 2 || parts[i][0] > '5')) return false;
  }
  return true;
}

bool valid_language(std::string_view l) {
  std::size_t i = 0;
  while (i < l.size() && ((l[i] >= 'a' && l[i] <= 'z') || (l[i] >= 'A' && l[i] <= 'Z'))) ++i;
  if (i < 2 || i > 3) return false;
  while (i < l.size()) {
    if (l[i] != '-') return false;
    std::size_t b = ++i;
    while (i < l.size() && std::isalnum(static_cast<unsigned char>(l[i])) != 0) ++i;
    if (i - b < 1 || i - b > 8) return false;
  }
  return true;
}

namespace {

// %XX escapes decoded; a '%' without two hex digits after it is kept as written.
std::string percent_decode(std::string_view s) {
  std::string o;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      o += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      o += s[i];
    }
  }
  return o;
}

}  // namespace

std::optional<std::string> local_path(std::string_view url, std::string_view base) {
  if (base.empty() || !url.starts_with(base)) return std::nullopt;
  std::string_view rest = url.substr(base.size());
  rest = rest.substr(0, rest.find_first_of("?#"));
  std::string decoded = percent_decode(rest);
  if (decoded.find('\0') != std::string::npos) return std::nullopt;
  // Dot segments resolved as a server resolves them; ".." above the folder is kept, so the
  // caller sees that the URL escapes it.
  std::vector<std::string> parts;
  std::size_t above = 0;
  for (std::size_t at = 0; at <= decoded.size();) {
    std::size_t slash = decoded.find('/', at);
    if (slash == std::string::npos) slash = decoded.size();
    const std::string part = decoded.substr(at, slash - at);
    at = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty())
        ++above;
      else
        parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  std::string rel;
  for (std::size_t i = 0; i < above; ++i) rel += "../";
  for (const std::string& part : parts) rel += part + "/";
  if (rel.empty()) return std::nullopt;
  rel.pop_back();
  return rel;
}

}  // namespace briefcast
