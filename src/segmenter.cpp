#include "segmenter.hpp"

#include <algorithm>
#include <array>

namespace briefcast {

namespace {

// Abbreviations that usually precede a capitalised word without ending the sentence.
constexpr std::array<std::string_view, 22> kTitles = {
    "Mr",  "Mrs",  "Ms",   "Dr",  "Prof", "St",  "Sr",  "Jr",  "Gov", "Sen",  "Rep",
    "Gen", "Col",  "Lt",   "Sgt", "Capt", "Rev", "No",  "vs",  "Mt",  "Hon",  "Fr"};

bool is_upper_start(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  if (c == '"' || c == '\'' || c == '(' || c == '[') return true;
  // UTF-8 opening quotes “ ‘ and capital letters outside ASCII (Latin-1 supplement, Greek...).
  if (s.starts_with("\xE2\x80\x9C") || s.starts_with("\xE2\x80\x98")) return true;
  return c >= 0xC3;  // treat other non-ASCII starts as capitals: rarely wrong, never fatal
}

// The word that ends just before position `end` (the terminal punctuation).
std::string_view word_before(std::string_view s, std::size_t end) {
  std::size_t start = end;
  while (start > 0 && s[start - 1] != ' ') --start;
  return s.substr(start, end - start);
}

bool ends_in_abbreviation(std::string_view s, std::size_t dot) {
  std::string_view w = word_before(s, dot);
  while (!w.empty() && (w.front() == '(' || w.front() == '"')) w.remove_prefix(1);
  if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return true;  // initial: "J. Smith"
  if (w.find('.') != std::string_view::npos) return true;          // "U.S." "e.g."
  return std::find(kTitles.begin(), kTitles.end(), w) != kTitles.end();
}

}  // namespace

std::vector<std::string> split_sentences(std::string_view p) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    bool ellipsis = p.substr(i).starts_with("\xE2\x80\xA6");
    if (c != '.' && c != '!' && c != '?' && !ellipsis) continue;
    std::size_t end = ellipsis ? i + 3 : i + 1;
    while (end < p.size() && (p[end] == '.' || p[end] == '!' || p[end] == '?')) ++end;
    // Closing quotes and brackets belong to the sentence they close.
    for (;;) {
      std::string_view rest = p.substr(end);
      if (rest.starts_with("\"") || rest.starts_with(")") || rest.starts_with("'") ||
          rest.starts_with("]")) {
        end += 1;
      } else if (rest.starts_with("\xE2\x80\x9D") || rest.starts_with("\xE2\x80\x99")) {
        end += 3;
      } else {
        break;
      }
    }
    if (end >= p.size() || p[end] != ' ') {
      i = end > i ? end - 1 : i;
      continue;
    }
    if (c == '.' && end == i + 1 && ends_in_abbreviation(p, i)) continue;
    if (!is_upper_start(p.substr(end + 1))) continue;
    out.emplace_back(p.substr(start, end - start));
    start = end + 1;
    i = end;
  }
  if (start < p.size()) out.emplace_back(p.substr(start));
  out.erase(std::remove_if(out.begin(), out.end(), [](const std::string& s) { return s.empty(); }),
            out.end());
  return out;
}

}  // namespace briefcast
