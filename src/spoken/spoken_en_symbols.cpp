// English symbols read in context and identifiers: "#5", hashtags, "A/B", "C++", a dash between
// two times, "B2A23C", "covid-19", vulgar fractions ("2½").
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "spoken/number_words.hpp"
#include "spoken/spoken_en.hpp"

namespace briefcast::spoken::en {

namespace {

// Letters and acronyms joined by slashes are read side by side, as a newsreader does: "A/B
// testing" -> "A B", "TCP/IP" -> "TCP IP", "AC/DC". Words joined by one ("upgrade/update") keep
// it: eSpeak NG says "slash", as NeMo's spoken forms do; "and/or" is a phrase of the language.
std::optional<std::string> slashed_letters(const std::string& c) {
  if (c.find('/') == std::string::npos || c.front() == '/' || c.back() == '/') return std::nullopt;
  std::string out;
  std::size_t parts = 0;
  for (std::size_t start = 0;;) {
    std::size_t slash = c.find('/', start);
    std::string p = c.substr(start, slash == std::string::npos ? slash : slash - start);
    if (p.empty() || p.size() > 5 || !std::all_of(p.begin(), p.end(), is_upper_ascii))
      return std::nullopt;
    out += (out.empty() ? "" : " ") + p;
    if (++parts > 3) return std::nullopt;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

}  // namespace

// Lone symbols and "#5".
Match symbol(const Sentence& s, std::size_t i) {
  const LanguageData& d = s.data;
  const std::string& c = s.tokens[i].core;
  if (c.size() > 1 && c[0] == '#' && all_digits(c.substr(1)))
    return ok(1, d.word("number") + " " + cardinal(c.substr(1), d));
  // A hashtag is read as its word: "#MeToo" -> "MeToo" ("#a#" is no hashtag).
  if (c.size() > 1 && c[0] == '#' && is_alpha_ascii(c[1]) &&
      std::all_of(c.begin() + 1, c.end(),
                  [](char x) { return is_alpha_ascii(x) || is_digit(x) || x == '_'; }))
    return ok(1, c.substr(1));
  // Names with symbols of their own: "C++" -> "C plus plus", "C#" -> "C sharp".
  if (c.size() > 2 && c.size() <= 5 && c.ends_with("++") &&
      std::all_of(c.begin(), c.end() - 2, is_alpha_ascii))
    return ok(1, c.substr(0, c.size() - 2) + " " + d.word("plus") + " " + d.word("plus"));
  if (c.size() == 2 && is_upper_ascii(c[0]) && c[1] == '#')
    return ok(1, c.substr(0, 1) + " " + d.word("sharp"));
  if (auto letters = slashed_letters(c)) return ok(1, *letters);
  if (c == "-" && i > 0 && i + 1 < s.tokens.size()) {
    // "4:00 am - 8:12 pm", "$5 - $10": a dash between two numbers reads "to".
    bool before =
        std::any_of(s.tokens[i - 1].core.begin(), s.tokens[i - 1].core.end(), ::isdigit) ||
        s.tokens[i - 1].core == "am" || s.tokens[i - 1].core == "pm";
    bool after = is_number_start(s.at(i + 1)) ||
                 (s.at(i + 1)->core.size() > 1 && s.at(i + 1)->core[0] == '$');
    if (before && after &&
        (s.tokens[i - 1].core.find(':') != std::string::npos ||
         lower_ascii(s.tokens[i - 1].core) == "am" || lower_ascii(s.tokens[i - 1].core) == "pm" ||
         lower_ascii(s.tokens[i - 1].core) == "a.m" || lower_ascii(s.tokens[i - 1].core) == "p.m"))
      return ok(1, d.word("to"));
  }
  if (auto it = d.symbols.find(c); it != d.symbols.end() && c.size() <= 3 && c != "/" && c != "-")
    return ok(1, it->second);
  return {};
}

// Identifiers mixing letters and digits, and words joined to numbers by hyphens:
// "B2A23C", "covid-19", "4-kilogram", "MIG-25/235212".
Match mixed(const Sentence& s, std::size_t i) {
  const LanguageData& d = s.data;
  const std::string& c = s.tokens[i].core;
  if (c.find_first_of("0123456789") == std::string::npos) return {};
  if (c.size() > 64) return ok(1, c);  // not an identifier anyone reads aloud
  std::string out;
  std::size_t start = 0;
  for (std::size_t k = 0; k <= c.size(); ++k) {
    if (k < c.size() && c[k] != '-' && c[k] != '/') continue;
    std::string part = c.substr(start, k - start);
    auto n = parse_number(part);
    if (n && part.find('-') == std::string::npos)
      out += read_number(*n, d, false);
    else
      out += read_alphanumeric(part, d);
    if (k < c.size()) out += c[k];
    start = k + 1;
  }
  return ok(1, out);
}

// Vulgar fraction characters inside a word: "2½" -> "two and a half".
Match vulgar(const Sentence& s, std::size_t i) {
  const LanguageData& d = s.data;
  const std::string& c = s.tokens[i].core;
  static const std::pair<const char*, std::pair<int, int>> fr[] = {
      {"\xC2\xBD", {1, 2}},     {"\xC2\xBC", {1, 4}},     {"\xC2\xBE", {3, 4}},
      {"\xE2\x85\x93", {1, 3}}, {"\xE2\x85\x94", {2, 3}}, {"\xE2\x85\x9B", {1, 8}}};
  for (const auto& [sym, nd] : fr) {
    std::string_view sv(sym);
    if (!c.ends_with(sv)) continue;
    std::string whole = c.substr(0, c.size() - sv.size());
    if (!whole.empty() && !all_digits(whole)) return {};
    auto [num, den] = nd;
    std::string name;
    if (auto it = d.fractions.find(den); it != d.fractions.end())
      name = num == 1 ? it->second.first : it->second.second;
    else
      name =
          num == 1 ? ordinal(std::to_string(den), d) : plural(ordinal(std::to_string(den), d), d);
    std::string frac = (num == 1 ? (whole.empty() ? d.ones[1] : d.word("a"))
                                 : d.ones[static_cast<std::size_t>(num)]) +
                       " " + name;
    if (whole.empty()) return ok(1, frac);
    return ok(1, cardinal(whole, d, true) + " " + d.word("and") + " " + frac);
  }
  return {};
}

}  // namespace briefcast::spoken::en
