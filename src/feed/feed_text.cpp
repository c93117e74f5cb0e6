#include "feed/feed_text.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <utility>

#include "base/strings.hpp"

namespace briefcast {

namespace {

// Decodes one character reference starting at s[i] == '&'; returns false when it is none.
bool decode_reference(const std::string& s, std::size_t& i, std::string& out) {
  std::size_t semi = s.find(';', i);
  if (semi == std::string::npos || semi - i > 10) return false;
  std::string name = s.substr(i + 1, semi - i - 1);
  unsigned long cp = 0;
  if (name.size() >= 2 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [&](char c) {
          return hex ? hex_value(c) >= 0 : is_digit(c);
        }))
      return false;
    cp = std::stoul(digits, nullptr, hex ? 16 : 10);
  } else {
    static const std::pair<const char*, unsigned long> named[] = {
        {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
        {"apos", '\''},     {"nbsp", 0xA0},    {"mdash", 0x2014}, {"ndash", 0x2013},
        {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
        {"rdquo", 0x201D},  {"copy", 0xA9},    {"eacute", 0xE9}};
    auto it =
        std::find_if(std::begin(named), std::end(named), [&](auto& p) { return name == p.first; });
    if (it == std::end(named)) return false;
    cp = it->second;
  }
  // 0 is no character: read like any code point that is not one.
  append_utf8(out, cp == 0 || cp > 0x10FFFF ? char32_t{0xFFFD} : static_cast<char32_t>(cp));
  i = semi;
  return true;
}

}  // namespace

std::string html_to_plain_text(const std::string& html) {
  std::string out;
  std::string lowered;  // computed on the first <script>/<style>
  std::size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<' && i + 1 < html.size() &&
        (std::isalpha(static_cast<unsigned char>(html[i + 1])) || html[i + 1] == '/' ||
         html[i + 1] == '!' || html[i + 1] == '?')) {
      std::size_t end = html.compare(i, 4, "<!--") == 0 ? html.find("-->", i) : html.find('>', i);
      if (end == std::string::npos) break;
      std::string tag = lower_ascii(html.substr(i + 1, std::min<std::size_t>(end - i - 1, 7)));
      i = end + (html.compare(i, 4, "<!--") == 0 ? 3 : 1);
      for (const char* skip : {"script", "style"}) {
        if (tag.starts_with(skip)) {
          if (lowered.empty()) lowered = lower_ascii(html);
          std::size_t close = lowered.find(std::string("</") + skip, i);
          i = close == std::string::npos ? html.size() : html.find('>', close);
          i = i == std::string::npos ? html.size() : i + 1;
        }
      }
      out += ' ';
      continue;
    }
    if (c == '&' && decode_reference(html, i, out)) {
      ++i;
      continue;
    }
    out += c;
    ++i;
  }
  // Fold whitespace, including no-break spaces.
  std::string folded;
  bool space = false;
  for (std::size_t k = 0; k < out.size(); ++k) {
    bool nbsp = static_cast<unsigned char>(out[k]) == 0xC2 && k + 1 < out.size() &&
                static_cast<unsigned char>(out[k + 1]) == 0xA0;
    if (std::isspace(static_cast<unsigned char>(out[k])) || nbsp) {
      space = true;
      if (nbsp) ++k;
      continue;
    }
    if (space && !folded.empty()) folded += ' ';
    space = false;
    folded += out[k];
  }
  return folded;
}

std::string text_to_html(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    std::string_view para = trim(std::string_view(text).substr(start, end - start));
    if (!para.empty()) out += "<p>" + escape_html(para) + "</p>\n";
    start = end + 2;
  }
  return out;
}

}  // namespace briefcast
