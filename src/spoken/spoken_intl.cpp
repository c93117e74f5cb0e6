// The spoken-form rules of the data-driven languages (spoken_intl.hpp): each token is tried by
// the rules in order (dates, clock times, money, percent, ordinals, units, ranges and scores,
// plain numbers, Roman numerals after names, abbreviations, symbols); a rule may read several
// tokens ("5 mars 2026"). Dates and times are in spoken_intl_dates.cpp, amounts in
// spoken_intl_amounts.cpp.

#include "spoken/spoken_intl.hpp"

#include <cstdint>
#include <optional>

#include "base/strings.hpp"
#include "spoken/icu_spellout.hpp"
#include "spoken/spoken_intl_speaker.hpp"

namespace briefcast::spoken {

namespace intl {

namespace {

// Digits split by any of `seps` in groups of three after a first group of one to three; or
// plain digits. Appends the digits to `out`.
bool read_groups(std::string_view s, const std::string& seps, std::string& out, bool& grouped) {
  if (s.empty()) return false;
  std::size_t group = 0, groups = 1;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (is_digit(c)) {
      out += c;
      ++group;
    } else if (seps.find(c) != std::string::npos) {
      if (group == 0 || (groups == 1 && group > 3) || (groups > 1 && group != 3)) return false;
      ++groups;
      group = 0;
    } else {
      return false;
    }
  }
  if (group == 0 || (groups > 1 && group != 3)) return false;
  grouped = groups > 1;
  return true;
}

}  // namespace

std::optional<Num> parse_number(std::string_view s, const IntlData& d) {
  Num n;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    n.sign = s[0];
    s.remove_prefix(1);
  }
  if (s.empty() || !is_digit(s[0])) return std::nullopt;
  std::string_view int_part = s, frac_part;
  bool has_frac = false;
  if (auto k = s.rfind(d.decimal_separator); k != std::string_view::npos) {
    int_part = s.substr(0, k);
    frac_part = s.substr(k + 1);
    has_frac = true;
  }
  if (has_frac && (frac_part.empty() || !all_digits(frac_part))) return std::nullopt;
  if (read_groups(int_part, d.group_separators, n.int_digits, n.grouped)) {
    n.frac_digits = std::string(frac_part);
    return n;
  }
  // "3.5" in a text whose decimals are written with a comma: not a grouping, read as a decimal.
  if (!has_frac) {
    auto k = s.find('.');
    if (k != std::string_view::npos && s.find('.', k + 1) == std::string_view::npos &&
        all_digits(s.substr(0, k)) && k + 1 < s.size() && all_digits(s.substr(k + 1))) {
      n.int_digits = std::string(s.substr(0, k));
      n.frac_digits = std::string(s.substr(k + 1));
      n.grouped = false;
      return n;
    }
  }
  return std::nullopt;
}

bool starts_with_vowel(std::string_view w) {
  if (w.empty()) return false;
  char c = static_cast<char>(w[0] | 0x20);
  if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'h') return true;
  // é è ê à â î ô û (C3 A0..BF): lower-case accented vowels.
  return static_cast<unsigned char>(w[0]) == 0xC3 && w.size() > 1;
}

bool starts_with_letter(std::string_view w) {
  return !w.empty() && (is_alpha_ascii(w[0]) || static_cast<unsigned char>(w[0]) >= 0xC0);
}

bool starts_upper(std::string_view w) {
  if (w.empty()) return false;
  if (is_upper_ascii(w[0])) return true;
  // À..Þ (C3 80..9E) cover the capitals of German, French and Spanish.
  return static_cast<unsigned char>(w[0]) == 0xC3 && w.size() > 1 &&
         static_cast<unsigned char>(w[1]) < 0x9F;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t k = s.find(from); k != std::string::npos; k = s.find(from, k + to.size()))
    s.replace(k, from.size(), to);
  return s;
}

// Collapses doubled spaces left by an empty pattern field.
std::string tidy_spaces(const std::string& s) { return fold_space(s); }

// The value of a Roman numeral of the letters I, V and X (1-39: centuries, monarchs, chapters),
// written the standard way ("XIV", not "XIIII"); 0 for anything else ("Ce", "Me", "CV").
int roman_value(std::string_view s) {
  if (s.empty() || s.size() > 7) return 0;
  auto value = [](char c) { return c == 'I' ? 1 : c == 'V' ? 5 : c == 'X' ? 10 : 0; };
  int total = 0;
  for (std::size_t k = 0; k < s.size(); ++k) {
    const int v = value(s[k]);
    if (v == 0) return 0;
    const int next = k + 1 < s.size() ? value(s[k + 1]) : 0;
    total += next > v ? -v : v;
  }
  if (total < 1 || total > 39) return 0;
  // Canonical spelling only: the numeral written back must be the one read.
  static const char* ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  std::string canonical(static_cast<std::size_t>(total / 10), 'X');
  canonical += ones[total % 10];
  return canonical == s ? total : 0;
}

std::string Speaker::run() {
  std::string out;
  for (std::size_t i = 0; i < t_.size();) {
    Match m = keep_.count(t_[i].core) ? Match{} : match(i);
    std::string piece;
    if (m.count == 0) {
      const Token& k = t_[i];
      piece = k.lead + k.core + (k.dot ? "." : "") + k.trail;
      m.count = 1;
    } else {
      const Token& last = t_[i + m.count - 1];
      const bool final_token = i + m.count == t_.size();
      piece =
          t_[i].lead + m.text + (last.dot && (!m.dot_used || final_token) ? "." : "") + last.trail;
    }
    if (!out.empty()) out += ' ';
    out += piece;
    i += m.count;
  }
  return out;
}

std::string Speaker::word(const std::string& key) const {
  auto it = d_.words.find(key);
  return it == d_.words.end() ? key : it->second;
}

std::string Speaker::spell(std::string digits, const std::string& rule_set) const {
  while (digits.size() > 1 && digits[0] == '0') digits.erase(0, 1);
  if (digits.size() > 18) {  // beyond int64: digit by digit
    std::string out;
    for (char c : digits) out += (out.empty() ? "" : " ") + spell(std::string(1, c), d_.numbering);
    return out;
  }
  auto s = icu_spell(d_.locale, rule_set, std::stoll(digits));
  return s ? *s : digits;
}

// Fraction digits after the separator: "14" -> "quatorze" (leading zeros one by one) or
// digit by digit.
std::string Speaker::fraction(const std::string& frac) const {
  std::string out;
  std::size_t i = 0;
  if (d_.fraction_as_number && frac.size() <= 3) {
    for (; i + 1 < frac.size() && frac[i] == '0'; ++i)
      out += (out.empty() ? "" : " ") + spell("0", d_.numbering);
    return out + (out.empty() ? "" : " ") + spell(frac.substr(i), d_.numbering);
  }
  for (char c : frac) out += (out.empty() ? "" : " ") + spell(std::string(1, c), d_.numbering);
  return out;
}

// A number; `rule_set` for its integer part when it has no fraction.
std::string Speaker::number(const Num& n, const std::string& rule_set) const {
  std::string out;
  if (n.sign == '-') out = word("minus") + " ";
  if (n.sign == '+') out = word("plus") + " ";
  if (n.is_integer()) return out + spell(n.int_digits, rule_set);
  return out + spell(n.int_digits, d_.numbering) + " " + word("point") + " " +
         fraction(n.frac_digits);
}

std::string Speaker::before_noun(const Num& n, bool feminine) const {
  return number(n, feminine ? d_.feminine : d_.masculine);
}

bool Speaker::singular(const Num& n) const {
  std::string i = n.int_digits;
  while (i.size() > 1 && i[0] == '0') i.erase(0, 1);
  if (d_.singular_below_two) return i == "0" || i == "1";
  return i == "1" && n.is_integer();
}

const std::string& Speaker::noun(const IntlNoun& w, const Num& n) const {
  return singular(n) ? w.singular : w.plural;
}

// Token j is the noun the number before it counts: a word, not a function word.
bool Speaker::is_noun(std::size_t j) const {
  const Token* k = at(j);
  if (!k || !k->lead.empty() || !starts_with_letter(k->core)) return false;
  if (d_.function_words.count(lower_ascii(k->core))) return false;
  return !d_.nouns_capitalized || starts_upper(k->core);
}

bool Speaker::feminine_word(const std::string& w) const {
  return d_.feminine_words.count(lower_ascii(w));
}

std::string Speaker::ordinal_rule_after(std::size_t i) const {
  if (i > 0) {
    auto it = d_.ordinal_after.find(lower_ascii(t_[i - 1].core));
    if (it != d_.ordinal_after.end()) return it->second;
  }
  return d_.ordinal;
}

Match Speaker::match(std::size_t i) {
  for (auto rule : {&Speaker::numeric_date, &Speaker::day_month, &Speaker::clock,
                    &Speaker::money_before, &Speaker::money_after, &Speaker::percent,
                    &Speaker::ordinal, &Speaker::measure, &Speaker::range, &Speaker::plain,
                    &Speaker::regnal, &Speaker::abbreviation, &Speaker::symbol}) {
    Match m = (this->*rule)(i);
    if (m.count) return m;
  }
  return {};
}

Match Speaker::plain(std::size_t i) {
  auto n = parse_number(t_[i].core, d_);
  if (!n) return {};
  if (n->is_integer() && open_after(i) && is_noun(i + 1))
    return {1, before_noun(*n, feminine_word(t_[i + 1].core))};
  if (n->is_integer() && !n->grouped && !n->sign && n->int_digits.size() == 4)
    return {1, year(n->int_digits)};
  return {1, number(*n, d_.numbering)};
}

// A Roman numeral after a capitalised name, as a language reads a monarch's or pope's number
// ("Louis XIV" -> "Louis quatorze", "Felipe VI" -> "Felipe sexto"): the ordinal up to
// regnal_ordinal_max, the cardinal above it.
Match Speaker::regnal(std::size_t i) {
  if (d_.regnal_cardinal.empty() || i == 0) return {};
  const Token& prev = t_[i - 1];
  if (!open_after(i - 1) || !starts_upper(prev.core) || !t_[i].lead.empty()) return {};
  const int v = roman_value(t_[i].core);
  if (v < 1 || (v == 1 && t_[i].core.size() == 1 && d_.regnal_ordinal_max < 1)) return {};
  const std::string digits = std::to_string(v);
  return {1, spell(digits, v <= d_.regnal_ordinal_max ? d_.ordinal : d_.regnal_cardinal)};
}

Match Speaker::abbreviation(std::size_t i) {
  const Token& k = t_[i];
  if (k.dot)
    if (auto it = d_.abbreviations.find(k.with_dot()); it != d_.abbreviations.end())
      return {1, it->second, true};
  if (auto it = d_.abbreviations.find(k.core); it != d_.abbreviations.end()) return {1, it->second};
  return {};
}

Match Speaker::symbol(std::size_t i) {
  auto it = d_.symbols.find(t_[i].core);
  if (it == d_.symbols.end()) return {};
  return {1, it->second};
}

}  // namespace intl

namespace {

// "12 000" written with spaces (or non-breaking spaces, already spaces here) is one number.
std::vector<Token> join_spaced_groups(const std::vector<Token>& in) {
  std::vector<Token> out;
  bool joined = false;  // out.back() is already a joined number
  for (const Token& k : in) {
    const bool group = k.lead.empty() && k.core.size() >= 3 && all_digits(k.core.substr(0, 3)) &&
                       (k.core.size() == 3 || !is_digit(k.core[3]));
    if (group && !out.empty()) {
      Token& prev = out.back();
      const bool head = prev.trail.empty() && !prev.dot && !prev.core.empty() &&
                        all_digits(prev.core) && (joined || prev.core.size() <= 3) &&
                        prev.core.size() <= 15;
      if (head) {
        prev.core += k.core;
        prev.dot = k.dot;
        prev.trail = k.trail;
        joined = all_digits(prev.core);
        continue;
      }
    }
    out.push_back(k);
    joined = false;
  }
  return out;
}

}  // namespace

std::string spoken_intl(const std::vector<Token>& tokens, const IntlData& data,
                        const std::set<std::string>& keep) {
  if (data.join_spaced_groups) {
    std::vector<Token> joined = join_spaced_groups(tokens);
    return intl::Speaker(joined, data, keep).run();
  }
  return intl::Speaker(tokens, data, keep).run();
}

}  // namespace briefcast::spoken
