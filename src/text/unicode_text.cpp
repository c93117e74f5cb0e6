#include "text/unicode_text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "base/strings.hpp"
#include "text/text_encoding.hpp"

namespace briefcast {

namespace {

using Cps = std::vector<char32_t>;

// Decodes UTF-8, skipping every byte that does not start a valid sequence.
Cps decode(std::string_view s) {
  Cps out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0 || cp < 0) {
      ++i;
      continue;
    }
    out.push_back(static_cast<char32_t>(cp));
    i += static_cast<std::size_t>(n);
  }
  return out;
}

std::string encode(const Cps& cps) {
  std::string out;
  out.reserve(cps.size());
  for (char32_t c : cps) append_utf8(out, c);
  return out;
}

struct NamedEntity {
  std::string_view name;
  char32_t cp;
};

// The named references that occur in news text; Latin-1 letters are handled by kLatin1Names.
constexpr std::array<NamedEntity, 52> kEntities = {{
    {"amp", U'&'},     {"lt", U'<'},      {"gt", U'>'},      {"quot", U'"'},     {"apos", U'\''},
    {"nbsp", 0xA0},    {"ensp", 0x2002},  {"emsp", 0x2003},  {"thinsp", 0x2009}, {"zwnj", 0x200C},
    {"zwj", 0x200D},   {"shy", 0xAD},     {"ndash", 0x2013}, {"mdash", 0x2014},  {"hellip", 0x2026},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"sbquo", 0x201A}, {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"bdquo", 0x201E}, {"laquo", 0xAB},   {"raquo", 0xBB},   {"lsaquo", 0x2039}, {"rsaquo", 0x203A},
    {"copy", 0xA9},    {"reg", 0xAE},     {"trade", 0x2122}, {"deg", 0xB0},      {"plusmn", 0xB1},
    {"times", 0xD7},   {"divide", 0xF7},  {"frac12", 0xBD},  {"frac14", 0xBC},   {"frac34", 0xBE},
    {"cent", 0xA2},    {"pound", 0xA3},   {"euro", 0x20AC},  {"yen", 0xA5},      {"sect", 0xA7},
    {"para", 0xB6},    {"middot", 0xB7},  {"bull", 0x2022},  {"dagger", 0x2020}, {"Dagger", 0x2021},
    {"prime", 0x2032}, {"Prime", 0x2033}, {"minus", 0x2212}, {"iexcl", 0xA1},    {"iquest", 0xBF},
    {"ordm", 0xBA},    {"ordf", 0xAA},
}};

// HTML names of U+00C0..U+00FF in order ("" where the code point is not a letter).
constexpr std::array<std::string_view, 64> kLatin1Names = {
    "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig", "Ccedil",
    "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc", "Iuml",
    "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",  "",
    "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN", "szlig",
    "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig", "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc", "iuml",
    "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",  "",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn", "yuml"};

// Browsers read &#128;..&#159; as Windows-1252, and scraped pages rely on it.
std::optional<char32_t> named_entity(std::string_view name) {
  for (auto& e : kEntities)
    if (e.name == name) return e.cp;
  for (std::size_t i = 0; i < kLatin1Names.size(); ++i)
    if (!kLatin1Names[i].empty() && kLatin1Names[i] == name) return static_cast<char32_t>(0xC0 + i);
  return std::nullopt;
}

// Decodes one reference starting at s[0] == '&'; returns the code point and its length.
std::optional<std::pair<char32_t, std::size_t>> entity_at(std::string_view s) {
  std::size_t semi = s.find(';');
  if (semi == std::string_view::npos || semi < 2 || semi > 12) return std::nullopt;
  std::string_view body = s.substr(1, semi - 1);
  if (body[0] == '#') {
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return std::nullopt;
    std::uint32_t v = 0;
    for (char c : digits) {
      if (hex ? hex_value(c) < 0 : !is_digit(c)) return std::nullopt;
      v = v * (hex ? 16u : 10u) + static_cast<std::uint32_t>(hex_value(c));
    }
    // &#128;..&#159; mean Windows-1252 characters, as browsers read them.
    if (v >= 0x80 && v <= 0x9F) v = windows_1252_char(static_cast<unsigned char>(v));
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return std::nullopt;
    return std::pair{static_cast<char32_t>(v), semi + 1};
  }
  if (!std::all_of(body.begin(), body.end(), is_alnum_ascii)) return std::nullopt;
  if (auto cp = named_entity(body)) return std::pair{*cp, semi + 1};
  return std::nullopt;
}

std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      if (auto e = entity_at(s.substr(i))) {
        append_utf8(out, e->first);
        i += e->second - 1;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string nfc(const std::string& s) {
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &mapped, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
  if (n < 0 || !mapped) return s;  // cannot happen after decode(): keep the text as it was
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
}

bool is_space(char32_t c) {
  return c == U' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Characters that vanish without a trace: invisible format characters and controls.
bool is_invisible(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xAD || c == 0x180E ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F) ||
         (c >= 0xE0000 && c <= 0xE007F) || (c >= 0xE0100 && c <= 0xE01EF) || c == 0x20E3 ||
         c == 0xFFFC || c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000;
}

// Symbols eSpeak NG would name aloud and that carry no words: bullets, arrows, shapes, emoji.
bool is_dropped_symbol(char32_t c) {
  return c == 0x2022 || c == 0x2023 || c == 0x2043 || c == 0x2219 || c == 0x204C || c == 0x204D ||
         c == 0x2020 || c == 0x2021 || c == 0x2122 || c == 0x2120 || c == 0xAE || c == 0xB6 ||
         c == 0x2981 || c == 0x29BF || (c >= 0x2190 && c <= 0x21FF) ||  // arrows
         (c >= 0x2300 && c <= 0x23FF) ||                                // technical: ⌚ ⏰ ⏩
         (c >= 0x25A0 && c <= 0x25FF) ||  // geometric shapes: ▪ ● ◦ ■ ►
         (c >= 0x2600 && c <= 0x27BF) ||  // miscellaneous symbols, dingbats
         (c >= 0x2B00 && c <= 0x2BFF) ||  // arrows and stars: ⭐ ⬛
         c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299 ||
         (c >= 0x1F000 && c <= 0x1FAFF);  // emoji, pictographs, flags, skin tones
}

bool is_dash(char32_t c) {
  return c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2E3A || c == 0x2E3B;
}

// A code point 0-9 (base/strings.hpp is_digit takes a byte).
bool is_digit_cp(char32_t c) { return c >= U'0' && c <= U'9'; }

bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

// Punctuation beside which a dash needs no comma of its own.
bool is_pause_punct(char32_t c) {
  return c == U',' || c == U';' || c == U':' || c == U'.' || c == U'!' || c == U'?' || c == U'(' ||
         c == U')' || c == U'[' || c == U']' || c == U'"' || c == U'\'' || c == 0x2018 ||
         c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2026 || is_dash(c) || c == U'-';
}

void trim_trailing_spaces(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
}

// Typographic characters and their plain spelling; `typography` marks those Typography::keep
// leaves as written (quotes, primes, guillemets, the ellipsis and hyphens).
struct Plain {
  char32_t c;
  std::string_view plain;
  bool typography;
};
constexpr Plain kPlain[] = {
    {0x2018, "'", true},    {0x2019, "'", true},    {0x201A, "'", true},   {0x201B, "'", true},
    {0x2032, "'", true},    {0x2035, "'", true},    {0x2039, "'", true},   {0x203A, "'", true},
    {0x02BC, "'", false},   {0x201C, "\"", true},   {0x201D, "\"", true},  {0x201E, "\"", true},
    {0x201F, "\"", true},   {0x2033, "\"", true},   {0x2036, "\"", true},  {0xAB, "\"", true},
    {0xBB, "\"", true},     {0x275D, "\"", false},  {0x275E, "\"", false}, {0x2026, "...", true},
    {0x22EF, "...", false}, {0x2010, "-", true},    {0x2011, "-", true},   {0x2012, "-", true},
    {0x2212, "-", true},    {0xFE58, "-", false},   {0xFE63, "-", false},  {0x2044, "/", false},
    {0x2215, "/", false},   {0xFB00, "ff", false},  {0xFB01, "fi", false}, {0xFB02, "fl", false},
    {0xFB03, "ffi", false}, {0xFB04, "ffl", false}, {0xFB05, "st", false}, {0xFB06, "st", false},
};

const Plain* plain_of(char32_t c) {
  for (const Plain& p : kPlain)
    if (p.c == c) return &p;
  return nullptr;
}

// The characters Typography::keep leaves as written.
bool is_typography(char32_t c) {
  const Plain* p = plain_of(c);
  return p != nullptr ? p->typography : is_dash(c);
}

}  // namespace

std::string tidy_unicode(std::string_view utf8, Typography typography) {
  std::string decoded = decode_entities(utf8);
  // Drop invalid bytes and controls before NFC so utf8proc always accepts the text.
  Cps clean;
  for (char32_t c : decode(decoded)) {
    if (is_space(c)) c = U' ';
    if (!is_invisible(c)) clean.push_back(c);
  }
  const Cps cps = decode(nfc(encode(clean)));

  auto neighbour = [&](std::size_t i, int dir, bool& spaced) -> char32_t {
    spaced = false;
    auto j = static_cast<std::ptrdiff_t>(i) + dir;
    while (j >= 0 && static_cast<std::size_t>(j) < cps.size()) {
      char32_t c = cps[static_cast<std::size_t>(j)];
      if (c != U' ' && !is_dropped_symbol(c)) return c;
      spaced = true;
      j += dir;
    }
    return 0;
  };

  std::string out;
  out.reserve(cps.size());
  bool dropped = false;  // a dropped symbol came since the last character kept
  for (std::size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (c == U' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (is_dropped_symbol(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      dropped = true;
      continue;
    }
    // "Great news 🎉!" -> "Great news!": no space left where a symbol went before punctuation.
    bool closing = c == U'.' || c == U',' || c == U';' || c == U':' || c == U'!' || c == U'?';
    if (dropped && closing) trim_trailing_spaces(out);
    dropped = false;
    if (c == 0xB7) {  // middle dot: a bullet unless it joins letters (Catalan "l·l")
      bool joins = i > 0 && i + 1 < cps.size() && is_letter(cps[i - 1]) && is_letter(cps[i + 1]);
      if (joins) {
        append_utf8(out, c);
      } else if (!out.empty() && out.back() != ' ') {
        out += ' ';
      }
      continue;
    }
    if (typography == Typography::keep && is_typography(c)) {
      append_utf8(out, c);
      continue;
    }
    if (const Plain* p = plain_of(c)) {
      out += p->plain;
      continue;
    }
    if (c >= 0xFF01 && c <= 0xFF5E) {  // full-width ASCII
      out += static_cast<char>(c - 0xFEE0);
      continue;
    }
    if (is_dash(c)) {
      bool before_spaced = false, after_spaced = false;
      char32_t prev = neighbour(i, -1, before_spaced);
      char32_t next = neighbour(i, +1, after_spaced);
      bool en = c == 0x2013;
      if (en && is_digit_cp(prev) && is_digit_cp(next)) {  // range: 2010–2015, pages 4 – 9
        trim_trailing_spaces(out);
        out += '-';
        while (i + 1 < cps.size() && (cps[i + 1] == U' ' || is_dropped_symbol(cps[i + 1]))) ++i;
      } else if (en && !before_spaced && !after_spaced && is_letter(prev) && is_letter(next)) {
        out += '-';  // compound: London–Paris
      } else if (prev == 0 || next == 0 || is_pause_punct(prev) || is_pause_punct(next)) {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        trim_trailing_spaces(out);
        out += ", ";
      }
      continue;
    }
    append_utf8(out, c);
  }
  trim_trailing_spaces(out);
  std::size_t lead = 0;
  while (lead < out.size() && out[lead] == ' ') ++lead;
  return out.substr(lead);
}

bool starts_with_uppercase(std::string_view utf8) {
  if (utf8.empty()) return false;
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t n =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
                       static_cast<utf8proc_ssize_t>(std::min<std::size_t>(utf8.size(), 4)), &cp);
  if (n <= 0 || cp < 0) return false;
  auto cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

}  // namespace briefcast
