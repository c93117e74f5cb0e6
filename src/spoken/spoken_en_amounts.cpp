// English amounts: money ("$3.5bn", "US$ 5", "$9.99/mo", "$50-$100") and units of measure
// ("km", "km/h", "kg/m"). Numbers in other contexts, and where units follow them, are in
// spoken_en_numbers.cpp.
#include <algorithm>
#include <set>

#include "spoken/number_words.hpp"
#include "spoken/spoken_en.hpp"

namespace briefcast::spoken::en {

// --- units -----------------------------------------------------------------------------------

std::optional<UnitNames> find_unit(const std::string& u, const LanguageData& d, bool spaced) {
  if (u.empty()) return std::nullopt;
  if (spaced && d.spaced_unit_exclusions.count(u)) return std::nullopt;
  if (auto it = d.units.find(u); it != d.units.end()) return it->second;
  // "kg/kg", "cc/s": a unit per a unit.
  if (auto slash = u.find('/'); slash != std::string::npos && slash > 0) {
    auto a = find_unit(u.substr(0, slash), d, false);
    std::string b = u.substr(slash + 1);
    std::string per;
    if (auto p = d.per_units.find(b); p != d.per_units.end())
      per = p->second;
    else if (auto ub = find_unit(b, d, false))
      per = ub->singular;
    if (a && !per.empty()) {
      std::string tail = " " + d.word("per") + " " + per;
      return UnitNames{a->singular + tail, a->plural + tail};
    }
    return std::nullopt;
  }
  // "KG", "Km": case-insensitive for units of two letters or more, if unambiguous.
  if (u.size() >= 2) {
    std::optional<UnitNames> found;
    for (const auto& [k, v] : d.units)
      if (lower_ascii(k) == lower_ascii(u)) {
        if (found && found->singular != v.singular) return std::nullopt;
        found = v;
      }
    return found;
  }
  return std::nullopt;
}

std::string unit_words(const Number& n, const UnitNames& u) {
  return is_one(n) ? u.singular : u.plural;
}

bool amount_is_adjective(const Sentence& s, std::size_t first, std::size_t after, bool unit_dot) {
  static const std::set<std::string> determiners = {
      "a", "an", "the", "this", "that", "its", "their", "his", "her", "our", "your", "my", "each"};
  static const std::set<std::string> function_words = {
      "a",       "an",     "the",   "in",    "on",    "at",     "of",     "for",     "to",
      "from",    "by",     "with",  "into",  "over",  "under",  "and",    "or",      "but",
      "nor",     "that",   "which", "who",   "whom",  "whose",  "is",     "was",     "are",
      "were",    "be",     "been",  "being", "has",   "have",   "had",    "will",    "would",
      "could",   "should", "can",   "may",   "might", "must",   "it",     "they",    "he",
      "she",     "we",     "you",   "i",     "per",   "more",   "less",   "than",    "as",
      "so",      "if",     "when",  "while", "after", "before", "apiece", "each",    "this",
      "these",   "those",  "there", "then",  "now",   "ago",    "later",  "earlier", "last",
      "next",    "up",     "down",  "off",   "out",   "away",   "back",   "too",     "also",
      "already", "plus",   "or",    "not",   "just",  "only",   "even",   "about",   "around"};
  if (first == 0 || after >= s.tokens.size()) return false;
  const Token& before = s.tokens[first - 1];
  if (!before.trail.empty() || before.dot || !determiners.count(lower_ascii(before.core)))
    return false;
  const Token& last = s.tokens[after - 1];
  if (!last.trail.empty() || (last.dot && !unit_dot)) return false;
  const Token& next = s.tokens[after];
  if (!next.lead.empty() || next.core.empty() || !is_letters(next.core) ||
      !is_lower_ascii(next.core[0]))
    return false;
  return !function_words.count(next.core);
}

namespace {

// --- money -----------------------------------------------------------------------------------

// The currency written at the start of `s` ("$", "US$", "£"), longest first.
const std::pair<const std::string, CurrencyNames>* currency_prefix(std::string_view s,
                                                                   const LanguageData& d) {
  const std::pair<const std::string, CurrencyNames>* best = nullptr;
  for (const auto& entry : d.currencies) {
    const std::string& k = entry.first;
    if (s.substr(0, k.size()) == k && (!best || k.size() > best->first.size())) best = &entry;
  }
  return best;
}

// `adjective`: "a five dollar fee", "a two point five billion dollar deal".
std::string money_words(const Number& n, const CurrencyNames& c, const std::string& scale,
                        const LanguageData& d, bool adjective = false) {
  std::string sign = n.negative ? d.minus + " " : "";
  Number u = n;
  u.negative = false;
  const std::string& plural = adjective ? c.singular : c.plural;
  if (!scale.empty()) return sign + read_number(u, d, false) + " " + scale + " " + plural;
  std::string frac = u.frac_digits;
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string ints = u.int_digits.empty() ? "0" : u.int_digits;
  bool no_major = ints.find_first_not_of('0') == std::string::npos;
  Number whole{false, ints, "", false, false};
  std::string major = cardinal(ints, d, true) + " " + (is_one(whole) ? c.singular : plural);
  if (frac.empty()) return sign + major;
  if (frac.size() <= 2 && !c.minor_plural.empty()) {
    std::string cents = frac.size() == 1 ? frac + "0" : frac;
    std::string minor =
        cardinal(cents, d) + " " + (cents == "01" ? c.minor_singular : c.minor_plural);
    if (no_major) return sign + minor;
    return sign + major + " " + (d.cents_joiner.empty() ? "" : d.cents_joiner + " ") + minor;
  }
  return sign + decimal_words(u.int_digits, u.frac_digits, d, true) + " " + c.plural;
}

}  // namespace

// "$3.5", "$3.5bn", "$50-$100", "$20/mo", "US$ 5", "¥30 b", "$45 billion".
Match match_money(const Sentence& s, std::size_t i, std::string_view core) {
  const LanguageData& d = s.data;
  const auto* cur = currency_prefix(core, d);
  if (!cur) return {};
  std::string_view rest = core.substr(cur->first.size());
  std::size_t used = 1;
  bool alpha_code = std::all_of(cur->first.begin(), cur->first.end(), is_alpha_ascii);
  if (rest.empty()) {  // "USD 5", "US$ 5"
    const Token* next = s.at(i + 1);
    if (!next || next->lead.size() || !parse_number(split_number(next->core).first)) return {};
    if (!s.tokens[i].trail.empty()) return {};
    rest = next->core;
    used = 2;
  } else if (alpha_code) {
    return {};  // "USDA", "Rs." etc.: a word, not an amount
  }
  auto [num_text, suffix] = split_number(rest);
  auto n = parse_number(num_text);
  if (!n) return {};
  std::string scale;
  std::string after;
  if (auto sc = d.scale_suffixes.find(suffix); !suffix.empty() && sc != d.scale_suffixes.end()) {
    scale = sc->second;
  } else if (suffix.size() > 1 && suffix[0] == '-') {  // "$50-$100"
    Match second = match_money(s, i, suffix.substr(1));
    if (!second.count || second.count > 1) return {};
    return ok(used, money_words(*n, cur->second, "", d) + " " + d.word("to") + " " + second.text);
  } else if (suffix.size() > 1 && suffix[0] == '/') {  // "$20/mo"
    auto p = d.per_units.find(suffix.substr(1));
    if (p == d.per_units.end()) return {};
    // Money per span of time written out is "a month" ("$1,200/month"); a unit abbreviation
    // reads as a rate card does, "per month" ("$20/mo").
    static const std::set<std::string> spans = {"hour", "day", "week", "month", "year"};
    const bool written_out = suffix.substr(1) == p->second;
    std::string per = written_out && spans.count(p->second)
                          ? d.word(p->second == "hour" ? "an" : "a")
                          : d.word("per");
    after = " " + per + " " + p->second;
  } else if (!suffix.empty()) {
    return {};
  }
  const Token* next = s.at(i + used);
  if (scale.empty() && next && s.tokens[i + used - 1].trail.empty() &&
      !s.tokens[i + used - 1].dot) {
    if (auto sc = d.scale_suffixes.find(next->core);
        sc != d.scale_suffixes.end() && next->lead.empty()) {
      scale = sc->second;
      ++used;
    }
  }
  const bool adjective = after.empty() && amount_is_adjective(s, i, i + used);
  return ok(used, money_words(*n, cur->second, scale, d, adjective) + after);
}

}  // namespace briefcast::spoken::en
