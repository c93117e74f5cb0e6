// Amounts in the data-driven languages (spoken_intl_speaker.hpp): money before or after its
// number ("€250", "12,50 €", "2,5 Mio. €"), percent, ordinals ("1er", "XIXe", "3. Platz"),
// units and scale words ("5 km", "2,5 Mio."), ranges and scores ("10-15", "2:1").

#include "base/strings.hpp"
#include "spoken/spoken_intl_speaker.hpp"

namespace briefcast::spoken::intl {

// The longest currency key `s` starts with ("US$" before "$").
const std::pair<const std::string, IntlCurrency>* Speaker::currency_prefix(
    const std::string& s) const {
  const std::pair<const std::string, IntlCurrency>* best = nullptr;
  for (auto& e : d_.currencies)
    if (s.starts_with(e.first) && (!best || e.first.size() > best->first.size())) best = &e;
  return best;
}

const IntlNoun* Speaker::scale_of(const Token& k, bool& dot_used) const {
  if (auto it = d_.scales.find(k.with_dot()); k.dot && it != d_.scales.end()) {
    dot_used = true;
    return &it->second;
  }
  auto it = d_.scales.find(k.core);
  dot_used = false;
  return it == d_.scales.end() ? nullptr : &it->second;
}

std::string Speaker::amount(const Num& n, const IntlNoun* scale, const IntlCurrency& cur) const {
  if (scale) {
    const std::string& name = cur.major.plural;
    const std::string& joiner = starts_with_vowel(name) ? d_.scale_joiner_vowel : d_.scale_joiner;
    return before_noun(n, scale->feminine) + " " + noun(*scale, n) + " " + joiner + name;
  }
  Num whole = n;
  whole.frac_digits.clear();
  std::string text = before_noun(whole, cur.major.feminine) + " " + noun(cur.major, whole);
  if (n.frac_digits.size() != 2) {
    if (n.is_integer()) return text;
    return number(n, d_.numbering) + " " + cur.major.plural;  // "2,125 €"
  }
  if (n.frac_digits == "00") return text;
  std::string p = replace_all(d_.cents_pattern, "{amount}", text);
  p = replace_all(p, "{cents}", spell(n.frac_digits, d_.numbering));
  p = replace_all(p, "{minor}", n.frac_digits == "01" ? cur.minor_singular : cur.minor_plural);
  return tidy_spaces(p);
}

// "€250", "$10", "US$ 5", "EUR 250", "€2,5 Mrd."
Match Speaker::money_before(std::size_t i) {
  const auto* cur = currency_prefix(t_[i].core);
  if (!cur) return {};
  std::string rest = t_[i].core.substr(cur->first.size());
  std::size_t count = 1;
  if (rest.empty()) {
    const Token* k = at(i + 1);
    if (!open_after(i) || !k || !k->lead.empty()) return {};
    rest = k->core;
    count = 2;
  }
  auto n = parse_number(rest, d_);
  if (!n) return {};
  bool dot_used = false;
  const IntlNoun* scale = nullptr;
  if (const Token* s = at(i + count); s && open_after(i + count - 1) && s->lead.empty())
    if ((scale = scale_of(*s, dot_used))) ++count;
  if (!scale) dot_used = false;
  return {count, amount(*n, scale, cur->second), dot_used};
}

// "250 €", "250€", "12,50 €", "2,5 Mio. €", "2,5 M€", "250 EUR".
Match Speaker::money_after(std::size_t i) {
  const std::string& c = t_[i].core;
  std::size_t n_end = 0;
  while (n_end < c.size() && (is_digit(c[n_end]) || c[n_end] == d_.decimal_separator ||
                              d_.group_separators.find(c[n_end]) != std::string::npos ||
                              (n_end == 0 && (c[0] == '-' || c[0] == '+'))))
    ++n_end;
  auto n = parse_number(c.substr(0, n_end), d_);
  if (!n) return {};
  std::string rest = c.substr(n_end);
  std::size_t count = 1;
  bool dot_used = false;
  const IntlNoun* scale = nullptr;
  if (rest.empty()) {
    const Token* s = at(i + 1);
    if (!open_after(i) || !s || !s->lead.empty()) return {};
    rest = s->core;
    count = 2;
    // A scale word first ("Mio." "€"), or glued to the sign ("M€").
    if ((scale = scale_of(*s, dot_used))) {
      const Token* k = at(i + 2);
      if (!(dot_used || open_after(i + 1)) || !k || !k->lead.empty()) return {};
      rest = k->core;
      count = 3;
    }
  }
  if (!scale) {
    for (auto& [key, noun_v] : d_.scales)
      if (rest.size() > key.size() && rest.starts_with(key) &&
          currency_prefix(rest.substr(key.size())) &&
          currency_prefix(rest.substr(key.size()))->first == rest.substr(key.size())) {
        scale = &noun_v;
        rest = rest.substr(key.size());
        break;
      }
  }
  auto it = d_.currencies.find(rest);
  if (it == d_.currencies.end()) return {};
  return {count, amount(*n, scale, it->second), false};
}

// "5 %", "5%", "+2,5 %".
Match Speaker::percent(std::size_t i) {
  const std::string& c = t_[i].core;
  std::size_t count = 1;
  std::string digits = c;
  if (c.ends_with("%")) {
    digits = c.substr(0, c.size() - 1);
  } else {
    const Token* k = at(i + 1);
    if (!open_after(i) || !k || k->core != "%" || !k->lead.empty()) return {};
    count = 2;
  }
  auto n = parse_number(digits, d_);
  if (!n) return {};
  return {count, number(*n, d_.numbering) + " " + word("percent")};
}

// "1er", "2e", "3.º", "1.ª", "XIXe" (with roman_ordinals); German "3. Platz".
Match Speaker::ordinal(std::size_t i) {
  const Token& k = t_[i];
  for (auto& [suffix, rs] : d_.ordinal_suffixes) {
    if (k.core.size() <= suffix.size() || !k.core.ends_with(suffix)) continue;
    std::string digits = k.core.substr(0, k.core.size() - suffix.size());
    if (digits.size() <= 9 && all_digits(digits)) return {1, spell(digits, rs)};
    if (d_.roman_ordinals)
      if (int v = roman_value(digits); v > 0) return {1, spell(std::to_string(v), rs)};
  }
  if (d_.dot_ordinals && k.dot && k.trail.empty() && !k.core.empty() && k.core.size() <= 3 &&
      all_digits(k.core)) {
    const Token* next = at(i + 1);
    if (next && next->lead.empty() && starts_with_letter(next->core))
      return {1, spell(k.core, ordinal_rule_after(i)), true};
  }
  return {};
}

// "5 km", "130 km/h", "20°C", "2,5 Mio." (a scale word as a unit).
Match Speaker::measure(std::size_t i) {
  const std::string& c = t_[i].core;
  // Attached: the longest unit key that ends the token after a number.
  for (std::size_t cut = 1; cut < c.size(); ++cut) {
    auto it = d_.units.find(c.substr(cut));
    if (it == d_.units.end()) continue;
    auto n = parse_number(c.substr(0, cut), d_);
    if (!n) continue;
    return {1, before_noun(*n, it->second.feminine) + " " + noun(it->second, *n)};
  }
  auto n = parse_number(c, d_);
  const Token* k = at(i + 1);
  if (!n || !open_after(i) || !k || !k->lead.empty()) return {};
  bool dot_used = false;
  if (const IntlNoun* s = scale_of(*k, dot_used))
    return {2, before_noun(*n, s->feminine) + " " + noun(*s, *n), dot_used};
  auto it = d_.units.find(k->core);
  if (it == d_.units.end() || d_.attached_units.count(k->core)) return {};
  return {2, before_noun(*n, it->second.feminine) + " " + noun(it->second, *n)};
}

// "10-15" -> "dix à quinze"; "2:1" (a score) -> "deux à un".
Match Speaker::range(std::size_t i) {
  const std::string& c = t_[i].core;
  for (char sep : {'-', ':'}) {
    auto k = c.find(sep);
    if (k == std::string::npos || k == 0 || c.find(sep, k + 1) != std::string::npos) continue;
    auto a = parse_number(c.substr(0, k), d_), b = parse_number(c.substr(k + 1), d_);
    if (!a || !b || a->sign || b->sign) continue;
    auto say = [&](const Num& n) {
      return n.is_integer() && n.int_digits.size() == 4 ? year(n.int_digits)
                                                        : number(n, d_.numbering);
    };
    return {1, say(*a) + " " + word(sep == ':' ? "score_to" : "to") + " " + say(*b)};
  }
  return {};
}

}  // namespace briefcast::spoken::intl
