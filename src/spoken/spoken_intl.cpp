// The spoken-form rules of the data-driven languages (spoken_intl.hpp): each token is tried by
// the rules in order (dates, clock times, money, percent, ordinals, units, ranges and scores,
// plain numbers, abbreviations, symbols); a rule may read several tokens ("5 mars 2026").

#include "spoken/spoken_intl.hpp"

#include <cstdint>
#include <optional>

#include "base/strings.hpp"
#include "spoken/icu_spellout.hpp"

namespace briefcast::spoken {

namespace {

// A written number: sign, integer digits without group separators, fraction digits.
struct Num {
  char sign = 0;  // '-', '+' or 0
  std::string int_digits;
  std::string frac_digits;
  bool grouped = false;  // written with group separators ("1.000")
  bool is_integer() const { return frac_digits.empty(); }
};

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

struct Match {
  std::size_t count = 0;  // tokens read; 0: no match
  std::string text;
  bool dot_used = false;  // the last token's '.' belonged to the match ("3." "Mio.")
};

class Speaker {
 public:
  Speaker(const std::vector<Token>& tokens, const IntlData& d, const std::set<std::string>& keep)
      : t_(tokens), d_(d), keep_(keep) {}

  std::string run() {
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
        piece = t_[i].lead + m.text + (last.dot && (!m.dot_used || final_token) ? "." : "") +
                last.trail;
      }
      if (!out.empty()) out += ' ';
      out += piece;
      i += m.count;
    }
    return out;
  }

 private:
  const Token* at(std::size_t i) const { return i < t_.size() ? &t_[i] : nullptr; }
  // Token i ends without punctuation, so the next token belongs to the same phrase.
  bool open_after(std::size_t i) const { return t_[i].trail.empty() && !t_[i].dot; }

  std::string word(const std::string& key) const {
    auto it = d_.words.find(key);
    return it == d_.words.end() ? key : it->second;
  }

  std::string spell(std::string digits, const std::string& rule_set) const {
    while (digits.size() > 1 && digits[0] == '0') digits.erase(0, 1);
    if (digits.size() > 18) {  // beyond int64: digit by digit
      std::string out;
      for (char c : digits)
        out += (out.empty() ? "" : " ") + spell(std::string(1, c), d_.numbering);
      return out;
    }
    auto s = icu_spell(d_.locale, rule_set, std::stoll(digits));
    return s ? *s : digits;
  }

  // Fraction digits after the separator: "14" -> "quatorze" (leading zeros one by one) or
  // digit by digit.
  std::string fraction(const std::string& frac) const {
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
  std::string number(const Num& n, const std::string& rule_set) const {
    std::string out;
    if (n.sign == '-') out = word("minus") + " ";
    if (n.sign == '+') out = word("plus") + " ";
    if (n.is_integer()) return out + spell(n.int_digits, rule_set);
    return out + spell(n.int_digits, d_.numbering) + " " + word("point") + " " +
           fraction(n.frac_digits);
  }

  std::string before_noun(const Num& n, bool feminine) const {
    return number(n, feminine ? d_.feminine : d_.masculine);
  }

  bool singular(const Num& n) const {
    std::string i = n.int_digits;
    while (i.size() > 1 && i[0] == '0') i.erase(0, 1);
    if (d_.singular_below_two) return i == "0" || i == "1";
    return i == "1" && n.is_integer();
  }

  const std::string& noun(const IntlNoun& w, const Num& n) const {
    return singular(n) ? w.singular : w.plural;
  }

  // Token j is the noun the number before it counts: a word, not a function word.
  bool is_noun(std::size_t j) const {
    const Token* k = at(j);
    if (!k || !k->lead.empty() || !starts_with_letter(k->core)) return false;
    if (d_.function_words.count(lower_ascii(k->core))) return false;
    return !d_.nouns_capitalized || starts_upper(k->core);
  }
  bool feminine_word(const std::string& w) const { return d_.feminine_words.count(lower_ascii(w)); }

  std::string ordinal_rule_after(std::size_t i) const {
    if (i > 0) {
      auto it = d_.ordinal_after.find(lower_ascii(t_[i - 1].core));
      if (it != d_.ordinal_after.end()) return it->second;
    }
    return d_.ordinal;
  }

  std::string year(const std::string& digits) const {
    int v = digits.size() == 4 ? std::stoi(digits) : -1;
    return spell(digits, v >= d_.year_min && v <= d_.year_max ? d_.year : d_.numbering);
  }

  // {day} {month} {year} by the language's pattern; `day_text` already spoken.
  std::string date(const std::string& day_text, int month, const std::string& year_digits) const {
    std::string p = d_.date_pattern;
    if (year_digits.empty()) {
      auto m = p.find("{month}");
      if (m != std::string::npos && p.find("{year}") > m) p = p.substr(0, m + 7);
    }
    p = replace_all(p, "{day}", day_text);
    p = replace_all(p, "{month}", d_.months[static_cast<std::size_t>(month - 1)]);
    p = replace_all(p, "{year}", year_digits.empty() ? "" : year(year_digits));
    return tidy_spaces(p);
  }

  std::string day(const std::string& digits, std::size_t i) const {
    std::string v = digits[0] == '0' ? digits.substr(1) : digits;
    if (auto it = d_.day_words.find(v); it != d_.day_words.end()) return it->second;
    return spell(v, d_.day_ordinal ? ordinal_rule_after(i) : d_.numbering);
  }

  int month_of(const Token& k) const {
    auto it = d_.month_lookup.find(lower_ascii(k.with_dot()));
    if (it == d_.month_lookup.end()) it = d_.month_lookup.find(lower_ascii(k.core));
    return it == d_.month_lookup.end() ? 0 : it->second;
  }

  Match match(std::size_t i) {
    for (auto rule : {&Speaker::numeric_date, &Speaker::day_month, &Speaker::clock,
                      &Speaker::money_before, &Speaker::money_after, &Speaker::percent,
                      &Speaker::ordinal, &Speaker::measure, &Speaker::range, &Speaker::plain,
                      &Speaker::regnal, &Speaker::abbreviation, &Speaker::symbol}) {
      Match m = (this->*rule)(i);
      if (m.count) return m;
    }
    return {};
  }

  // "05.03.2026", "5/3/2026", "2026-03-05".
  Match numeric_date(std::size_t i) {
    const std::string& c = t_[i].core;
    std::vector<std::string> parts;
    char sep = 0;
    std::string cur;
    for (char ch : c) {
      if (is_digit(ch)) {
        cur += ch;
      } else if ((ch == '.' || ch == '/' || ch == '-') && (!sep || sep == ch)) {
        sep = ch;
        parts.push_back(cur);
        cur.clear();
      } else {
        return {};
      }
    }
    parts.push_back(cur);
    if (parts.size() != 3) return {};
    std::string dd = parts[0], mm = parts[1], yy = parts[2];
    if (sep == '-') {
      if (parts[0].size() != 4 || parts[1].size() != 2 || parts[2].size() != 2) return {};
      dd = parts[2];
      yy = parts[0];
    } else if (yy.size() != 4 || dd.empty() || dd.size() > 2 || mm.empty() || mm.size() > 2) {
      return {};
    }
    int day_v = std::stoi(dd), month_v = std::stoi(mm);
    if (day_v < 1 || day_v > 31 || month_v < 1 || month_v > 12) return {};
    return {1, date(day(dd, i), month_v, yy)};
  }

  // The word the date pattern writes between two of its fields ("{day} de {month}" -> "de").
  std::string pattern_joiner(const std::string& a, const std::string& b) const {
    const std::size_t x = d_.date_pattern.find(a), y = d_.date_pattern.find(b);
    if (x == std::string::npos || y == std::string::npos || y < x + a.size()) return "";
    return std::string(trim(d_.date_pattern.substr(x + a.size(), y - x - a.size())));
  }

  // Token j is `word` (lower-cased) and the phrase goes on after token j - 1.
  bool joiner_at(std::size_t j, const std::string& word) const {
    const Token* k = at(j);
    return k && j > 0 && open_after(j - 1) && k->lead.empty() && lower_ascii(k->core) == word;
  }

  // "5 mars 2026", "1er mars", "5. März 2026" (German: the day has its dot), "1 de mayo de 2026"
  // (the pattern's joining words as written).
  Match day_month(std::size_t i) {
    const Token& k = t_[i];
    std::string digits = k.core, day_text;
    if (!all_digits(digits)) {
      // "1er": a day written as an ordinal.
      for (auto& [suffix, rs] : d_.ordinal_suffixes)
        if (k.core.size() > suffix.size() && k.core.ends_with(suffix) &&
            all_digits(k.core.substr(0, k.core.size() - suffix.size()))) {
          digits = k.core.substr(0, k.core.size() - suffix.size());
          day_text = spell(digits, rs);
        }
      if (day_text.empty()) return {};
    }
    if (digits.empty() || digits.size() > 2 || std::stoi(digits) < 1 || std::stoi(digits) > 31)
      return {};
    if (d_.dot_ordinals != k.dot || !k.trail.empty()) return {};
    std::size_t mi = i + 1;  // the month's token
    if (const std::string j = pattern_joiner("{day}", "{month}"); !j.empty()) {
      if (!joiner_at(i + 1, j)) return {};
      mi = i + 2;
    }
    const Token* m = at(mi);
    int month = m && m->lead.empty() && (mi == i + 1 || open_after(mi - 1)) ? month_of(*m) : 0;
    if (!month) return {};
    if (day_text.empty()) day_text = day(digits, i);
    std::size_t yi = mi + 1;  // the year's token
    if (const std::string j = pattern_joiner("{month}", "{year}"); !j.empty() && joiner_at(yi, j))
      ++yi;
    std::size_t count = mi + 1 - i;
    std::string year_digits;
    const Token* y = at(yi);
    if (y && open_after(yi - 1) && open_after(mi) && y->lead.empty() && y->core.size() == 4 &&
        all_digits(y->core)) {
      year_digits = y->core;
      count = yi + 1 - i;
    }
    Match r{count, date(day_text, month, year_digits), year_digits.empty() ? m->dot : false};
    // An abbreviated month ("janv.") keeps no dot mid-sentence.
    if (year_digits.empty() && m->dot && d_.month_lookup.count(lower_ascii(m->with_dot())))
      r.dot_used = true;
    return r;
  }

  std::string clock_text(const std::string& h, const std::string& m) const {
    int hv = std::stoi(h);
    std::string p = m.empty() || std::stoi(m) == 0 ? d_.time_pattern_whole : d_.time_pattern;
    p = replace_all(p, "{hour}", spell(h, d_.hour_rule_set));
    p = replace_all(p, "{hours_word}", hv <= 1 ? d_.hour_singular : d_.hour_plural);
    if (!m.empty()) p = replace_all(p, "{minute}", spell(m, d_.minute_rule_set));
    return tidy_spaces(p);
  }

  // "9h15", "21h", "14:30", "9.15 Uhr", "9 h 15", "9 Uhr".
  Match clock(std::size_t i) {
    const std::string& c = t_[i].core;
    std::size_t n = 0;
    while (n < c.size() && is_digit(c[n])) ++n;
    if (n == 0 || n > 2 || std::stoi(c.substr(0, n)) > 24) return {};
    const std::string h = c.substr(0, n);
    if (n == c.size()) {
      // "9 h 15", "9 Uhr": the hour mark as its own word.
      const Token* mark = at(i + 1);
      if (!open_after(i) || !mark || !mark->lead.empty() || !d_.hour_marks.count(mark->core))
        return {};
      const Token* mins = at(i + 2);
      if (open_after(i + 1) && mins && mins->lead.empty() && mins->core.size() == 2 &&
          all_digits(mins->core) && std::stoi(mins->core) < 60)
        return {3, clock_text(h, mins->core)};
      return {2, clock_text(h, ""), mark->dot};
    }
    // The separator: one character or a UTF-8 letter sequence up to the minutes.
    std::size_t m = n;
    while (m < c.size() && !is_digit(c[m])) ++m;
    const std::string sep = c.substr(n, m - n), mins = c.substr(m);
    if (!mins.empty() && (mins.size() != 2 || !all_digits(mins) || std::stoi(mins) > 59)) return {};
    std::size_t count = 1;
    if (auto it = d_.time_separators_before.find(sep); it != d_.time_separators_before.end()) {
      const Token* w = at(i + 1);
      if (mins.empty() || !open_after(i) || !w || w->core != it->second) return {};
    } else if (!d_.time_separators.count(sep)) {
      return {};
    } else if (mins.empty() && !is_alpha_ascii(sep[0])) {
      return {};  // "9:" is no time; "9h" is
    }
    // A following hour mark the pattern already says ("14:30 Uhr").
    if (const Token* w = at(i + 1); w && open_after(i) && d_.hour_marks.count(w->core)) count = 2;
    return {count, clock_text(h, mins), count == 2 && t_[i + 1].dot};
  }

  // The longest currency key `s` starts with ("US$" before "$").
  const std::pair<const std::string, IntlCurrency>* currency_prefix(const std::string& s) const {
    const std::pair<const std::string, IntlCurrency>* best = nullptr;
    for (auto& e : d_.currencies)
      if (s.starts_with(e.first) && (!best || e.first.size() > best->first.size())) best = &e;
    return best;
  }

  const IntlNoun* scale_of(const Token& k, bool& dot_used) const {
    if (auto it = d_.scales.find(k.with_dot()); k.dot && it != d_.scales.end()) {
      dot_used = true;
      return &it->second;
    }
    auto it = d_.scales.find(k.core);
    dot_used = false;
    return it == d_.scales.end() ? nullptr : &it->second;
  }

  std::string amount(const Num& n, const IntlNoun* scale, const IntlCurrency& cur) const {
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
  Match money_before(std::size_t i) {
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
  Match money_after(std::size_t i) {
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
  Match percent(std::size_t i) {
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
  Match ordinal(std::size_t i) {
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
  Match measure(std::size_t i) {
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
  Match range(std::size_t i) {
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

  Match plain(std::size_t i) {
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
  Match regnal(std::size_t i) {
    if (d_.regnal_cardinal.empty() || i == 0) return {};
    const Token& prev = t_[i - 1];
    if (!open_after(i - 1) || !starts_upper(prev.core) || !t_[i].lead.empty()) return {};
    const int v = roman_value(t_[i].core);
    if (v < 1 || (v == 1 && t_[i].core.size() == 1 && d_.regnal_ordinal_max < 1)) return {};
    const std::string digits = std::to_string(v);
    return {1, spell(digits, v <= d_.regnal_ordinal_max ? d_.ordinal : d_.regnal_cardinal)};
  }

  Match abbreviation(std::size_t i) {
    const Token& k = t_[i];
    if (k.dot)
      if (auto it = d_.abbreviations.find(k.with_dot()); it != d_.abbreviations.end())
        return {1, it->second, true};
    if (auto it = d_.abbreviations.find(k.core); it != d_.abbreviations.end())
      return {1, it->second};
    return {};
  }

  Match symbol(std::size_t i) {
    auto it = d_.symbols.find(t_[i].core);
    if (it == d_.symbols.end()) return {};
    return {1, it->second};
  }

  const std::vector<Token>& t_;
  const IntlData& d_;
  const std::set<std::string>& keep_;
};

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
    return Speaker(joined, data, keep).run();
  }
  return Speaker(tokens, data, keep).run();
}

}  // namespace briefcast::spoken
