// English numbers in context: ordinals, fractions, decades and years, house numbers, dimensions
// and plain numbers; and reading a written number. Ranges and scores are in spoken_en_ranges.cpp.
// Numbers that are codes (versions, plan names, records, model numbers) are in spoken_en_codes.cpp,
// money and units of measure in spoken_en_amounts.cpp, dates and times in spoken_en_dates.cpp.
#include <algorithm>
#include <cctype>

#include "spoken/number_words.hpp"
#include "spoken/spoken_en.hpp"

namespace briefcast::spoken::en {

namespace {

std::string join(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + ' ' + b;
}

// --- fractions, ordinals, decades ----------------------------------------------------------

std::string ordinal_marker(std::string_view digits, const LanguageData& d) {
  std::string last2(digits.substr(digits.size() >= 2 ? digits.size() - 2 : 0));
  if (last2.size() == 2 && last2[0] == '0') last2 = last2.substr(1);
  if (auto it = d.ordinal_markers.find(last2); it != d.ordinal_markers.end()) return it->second;
  if (auto it = d.ordinal_markers.find(std::string(1, digits.back()));
      it != d.ordinal_markers.end() && !(last2.size() == 2 && last2[0] == '1'))
    return it->second;
  return d.ordinal_markers.at("*");
}

// "21st" -> "twenty first"; "21th" -> "twenty one th" (a wrong marker is read as written).
std::optional<std::string> ordinal_token(std::string_view core, const LanguageData& d) {
  auto [num, suffix] = split_number(core);
  auto n = parse_number(num);
  if (!n || n->point || n->negative || n->int_digits.empty() || suffix.size() != 2)
    return std::nullopt;
  std::string suf = lower_ascii(suffix);
  bool marker = false;
  for (const auto& [k, v] : d.ordinal_markers) marker = marker || v == suf;
  if (!marker) return std::nullopt;
  if (suf == ordinal_marker(n->int_digits, d)) return ordinal(n->int_digits, d);
  return cardinal(n->int_digits, d) + " " + suf;
}

std::string fraction_words(const std::string& num, const std::string& den, const LanguageData& d,
                           bool mixed) {
  std::string den_digits = den.substr(std::min(den.find_first_not_of('0'), den.size()));
  bool one = num.find_first_not_of('0') != std::string::npos &&
             num.substr(num.find_first_not_of('0')) == "1";
  if (den_digits == "1" || den_digits.empty())
    return cardinal(num, d) + " " + d.word("over") + " " + cardinal(den, d);
  std::string name_one, name_many;
  if (den_digits.size() <= 6) {
    auto it = d.fractions.find(std::stoi(den_digits));
    if (it != d.fractions.end()) {
      name_one = it->second.first;
      name_many = it->second.second;
    }
  }
  if (name_one.empty()) {
    name_one = ordinal(den_digits, d);
    name_many = plural(name_one, d);
  }
  if (one) return (mixed ? d.word("a") : cardinal(num, d)) + " " + name_one;
  return cardinal(num, d) + " " + name_many;
}

}  // namespace

// "3/4", "1/4th", "3/4TH".
std::optional<std::string> fraction_token(std::string_view core, const LanguageData& d,
                                          bool mixed) {
  auto slash = core.find('/');
  if (slash == std::string_view::npos || slash == 0) return std::nullopt;
  std::string num(core.substr(0, slash));
  std::string den(core.substr(slash + 1));
  std::string low = lower_ascii(den);
  for (const char* suf : {"st", "nd", "rd", "th"})
    if (low.size() > 2 && low.ends_with(suf)) den.resize(den.size() - 2);
  if (!all_digits(num) || !all_digits(den) || num.size() > 9 || den.size() > 9) return std::nullopt;
  // "50/50", "60/40", "20/20": a split or a score, not a fraction (no one says "sixty fortieths").
  if (!mixed && low.size() == den.size() && std::stoll(den) >= 10 &&
      std::stoll(num) >= std::stoll(den))
    return cardinal(num, d) + " " + cardinal(den, d);
  return fraction_words(num, den, d, mixed);
}

namespace {

// "eighty" -> "eighties", "ten" -> "tens".
std::string plural_of_last(const std::string& words) {
  if (!words.empty() && words.back() == 'y') return words.substr(0, words.size() - 1) + "ies";
  return words + "s";
}

}  // namespace

// "1980s", "'80s", "80s" -> "nineteen eighties", "eighties".
std::optional<std::string> decade_token(std::string_view core, const LanguageData& d) {
  std::string c(core);
  if (c.ends_with("'s")) c.erase(c.size() - 2, 1);
  if (c.size() < 3 || c.back() != 's') return std::nullopt;
  c.pop_back();
  if (c[0] == '\'') c.erase(0, 1);
  if (!all_digits(c) || c.back() != '0') return std::nullopt;
  if (c.size() == 2) return plural_of_last(cardinal(c, d));
  if (c.size() == 4) return plural_of_last(year_words(c, d));
  return std::nullopt;
}

bool is_year(std::string_view s) {
  if (s.size() != 4 || !all_digits(s)) return false;
  return s >= "1100" && s <= "2099";
}

namespace {

// How a four-digit integer standing alone is read: years and street numbers in pairs.
std::string four_digits(const std::string& digits, const LanguageData& d, bool pairs) {
  if (pairs && digits[0] != '0') return year_words(digits, d);
  return read_number({false, digits, "", false, false}, d, true);
}

// A street follows within three words: "123 Laguna Ct", "1211 E Arques Ave", "708 N 1st St".
bool street_follows(const Sentence& s, std::size_t i) {
  static const std::set<std::string> streets = {
      "Street", "Avenue", "Court", "Road", "Boulevard", "Lane", "Expressway", "Highway", "Drive"};
  const LanguageData& d = s.data;
  for (std::size_t k = i + 1; k <= i + 4 && k < s.tokens.size(); ++k) {
    const Token& t = s.tokens[k];
    if (k > i + 1) {
      for (const auto* m : {&d.place_abbreviations, &d.abbreviations}) {
        auto it = m->find(t.core);
        if (it == m->end()) it = m->find(t.with_dot());
        if (it != m->end() && streets.count(it->second)) return true;
      }
    }
    if (!s.tokens[k - 1].trail.empty() ||
        (k > i + 1 && !is_capitalized(t.core) && !is_digit(t.core[0])))
      return false;
    if (t.core.empty()) return false;
  }
  return false;
}

}  // namespace

// --- numbers ----------------------------------------------------------------------------------

// Splits "12.5kg" into the numeric prefix "12.5" and the rest "kg". A leading '-' is kept.
std::pair<std::string, std::string> split_number(std::string_view s) {
  std::size_t k = 0;
  if (k < s.size() && s[k] == '-') ++k;
  while (k < s.size() && (is_digit(s[k]) || s[k] == ',' || s[k] == '.')) ++k;
  // A trailing ',' or '.' belongs to the text after the number.
  while (k > 0 && (s[k - 1] == ',' || s[k - 1] == '.')) --k;
  return {std::string(s.substr(0, k)), std::string(s.substr(k))};
}

bool is_one(const Number& n) {
  return !n.negative && !n.point && n.int_digits.find_first_not_of('0') != std::string::npos &&
         n.int_digits.substr(n.int_digits.find_first_not_of('0')) == "1";
}

std::optional<Number> parse_number(std::string_view s) {
  Number n;
  if (s.starts_with("\xE2\x88\x92")) {  // U+2212 minus sign
    n.negative = true;
    s.remove_prefix(3);
  } else if (!s.empty() && s[0] == '-') {
    n.negative = true;
    s.remove_prefix(1);
  }
  auto point = s.find('.');
  std::string_view ip = s.substr(0, point);
  if (point != std::string_view::npos) {
    n.point = true;
    std::string_view fp = s.substr(point + 1);
    if (!all_digits(fp)) return std::nullopt;
    n.frac_digits = std::string(fp);
  }
  if (ip.find(',') != std::string_view::npos) {
    // 1-3 digits, then groups of exactly three.
    std::size_t first = ip.find(',');
    if (first == 0 || first > 3) return std::nullopt;
    for (std::size_t k = first; k < ip.size(); k += 4)
      if (ip[k] != ',' || k + 4 > ip.size() || !all_digits(ip.substr(k + 1, 3)))
        return std::nullopt;
    n.grouped = true;
    for (char c : ip)
      if (c != ',') n.int_digits += c;
    if (!all_digits(n.int_digits.substr(0, first))) return std::nullopt;
  } else {
    if (!ip.empty() && !all_digits(ip)) return std::nullopt;
    n.int_digits = std::string(ip);
  }
  if (n.int_digits.empty() && n.frac_digits.empty()) return std::nullopt;
  return n;
}

std::string read_number(const Number& n, const LanguageData& d, bool with_and) {
  std::string out = n.negative ? d.minus : "";
  const std::string& ip = n.int_digits;
  std::string body;
  if (n.point) {
    body = decimal_words(ip, n.frac_digits, d, with_and);
  } else if (!n.grouped && ip.size() > 1 && (ip[0] == '0' || ip.size() >= 5)) {
    body = digit_words(ip, d);
  } else {
    body = cardinal(ip, d, with_and);
  }
  return join(out, body);
}

std::string read_alphanumeric(std::string_view s, const LanguageData& d) {
  std::string out;
  std::size_t k = 0;
  while (k < s.size()) {
    std::size_t start = k;
    if (is_digit(s[k])) {
      while (k < s.size() && (is_digit(s[k]) ||
                              (s[k] == '.' && k + 1 < s.size() && is_digit(s[k + 1]) && k > start)))
        ++k;
      std::string run(s.substr(start, k - start));
      std::string words;
      if (run.find('.') != std::string::npos) {
        auto n = parse_number(run);
        words = n ? read_number(*n, d, false) : digit_words(run, d);
      } else if (run.size() > 1 && run[0] == '0') {
        words = digit_words(run, d);
      } else if (run.size() == 3 && start > 0 && !run.ends_with("00")) {
        // A model after its letters is read in pairs: "A380" -> "A three eighty".
        words = year_words(run, d);
      } else if (run.size() <= 3 || (run.size() == 4 && run.ends_with("000"))) {
        words = cardinal(run, d);
      } else {
        words = digit_words(run, d);
      }
      out = join(out, words);
    } else {
      while (k < s.size() && !is_digit(s[k])) ++k;
      std::string run(s.substr(start, k - start));
      if (auto it = d.symbols.find(run); it != d.symbols.end()) run = it->second;  // "2*8"
      out = join(out, run);
    }
  }
  return out;
}

Match match_numeric(const Sentence& s, std::size_t i) {
  const LanguageData& d = s.data;
  const Token& t = s.tokens[i];
  const std::string& core = t.core;
  // 64: no number, amount or range is longer; longer tokens are left to the word rules (and
  // the recursion over "$1-$2" stays shallow).
  if (core.empty() || core.size() > 64) return {};
  if (Match m = match_money(s, i, core); m.count) return m;
  bool has_digit = std::any_of(core.begin(), core.end(), is_digit);
  if (!has_digit) return {};
  if (auto dec = decade_token(core, d)) return ok(1, *dec);
  if (Match m = code_number(s, i); m.count) return m;
  // "mid-1980s", "pre-2020".
  if (auto dash = core.find('-');
      dash != std::string::npos && dash > 0 && is_letters(core.substr(0, dash)))
    if (auto dec = decade_token(core.substr(dash + 1), d))
      return ok(1, core.substr(0, dash) + " " + *dec);
  if (auto o = ordinal_token(core, d)) return ok(1, *o);
  if (Match m = range(s, i); m.count) return m;

  auto [num, suffix] = split_number(core);
  auto n = parse_number(num);
  if (n && suffix.empty()) {
    const Token* next = s.at(i + 1);
    bool joined = next && t.trail.empty() && !t.dot && next->lead.empty();
    // "2 1/2", "4 1/2 lbs": a whole number and a fraction.
    if (joined && !n->point && !n->negative && n->int_digits.size() <= 9) {
      if (auto f = fraction_token(next->core, d, true)) {
        std::string text = cardinal(n->int_digits, d, true) + " " + d.word("and") + " " + *f;
        if (const Token* unit_tok = s.at(i + 2); unit_tok && next->trail.empty() && !next->dot)
          if (auto u = find_unit(unit_tok->core, d, true)) return ok(3, text + " " + u->plural);
        return ok(2, text);
      }
    }
    // "100 million", "1.436 billion yuan", "100 million kg".
    if (joined) {
      static const std::set<std::string> scale_words = {"thousand", "million", "billion",
                                                        "trillion"};
      if (scale_words.count(next->core)) {
        std::string text = read_number(*n, d, false) + " " + next->core;
        if (const Token* unit_tok = s.at(i + 2); unit_tok && next->trail.empty() && !next->dot)
          if (auto u = find_unit(unit_tok->core, d, true)) return ok(3, text + " " + u->plural);
        return ok(2, text);
      }
      // A unit of two words: "sq ft", "cu. ft." (the dots of the abbreviation are its own).
      if (const Token* second = s.at(i + 2); second && next->trail.empty() && second->lead.empty())
        if (auto u = d.units.find(lower_ascii(next->core + " " + second->core)); u != d.units.end())
          return ok(3,
                    read_number(*n, d) + " " +
                        (amount_is_adjective(s, i, i + 3, second->dot) ? u->second.singular
                                                                       : unit_words(*n, u->second)),
                    second->dot);
      if (auto u = find_unit(next->core, d, true)) {
        // "a 6 ft. fence": the unit's dot is its own, not a sentence end.
        const bool adjective = amount_is_adjective(s, i, i + 2, next->dot);
        return ok(2, read_number(*n, d) + " " + (adjective ? u->singular : unit_words(*n, *u)),
                  adjective && next->dot);
      }
      // "1980 s": a decade written apart.
      if (next->core == "s" && is_year(num))
        if (auto decade = decade_token(num + "s", d)) return ok(2, *decade);
    }
    // A model number after its maker: "Boeing 787" -> "seven eighty seven".
    if (!n->point && !n->grouped && !n->negative && n->int_digits.size() == 3 &&
        n->int_digits[0] != '0' && i > 0 && s.tokens[i - 1].trail.empty() && !s.tokens[i - 1].dot &&
        d.model_makers.count(s.tokens[i - 1].core))
      return ok(1, year_words(n->int_digits, d));
    // A house number before a street name: "123 Laguna Ct" -> "one twenty three".
    if (!n->point && !n->grouped && !n->negative && n->int_digits.size() >= 3 &&
        n->int_digits.size() <= 4 && n->int_digits[0] != '0' && street_follows(s, i))
      return ok(1, year_words(n->int_digits, d));
    if (!n->point && !n->grouped && !n->negative && n->int_digits.size() == 4) {
      bool before_name = next && is_capitalized(next->core);
      return ok(1, four_digits(n->int_digits, d, is_year(n->int_digits) || before_name));
    }
    return ok(1, read_number(*n, d));
  }
  if (n) {
    if (auto u = find_unit(suffix, d, false))
      return ok(1, read_number(*n, d) + " " +
                       (amount_is_adjective(s, i, i + 1) ? u->singular : unit_words(*n, *u)));
    if (suffix.size() > 1 && suffix[0] == '/')  // "12/kg"
      if (auto u = find_unit(suffix.substr(1), d, false))
        return ok(1, read_number(*n, d) + " " + d.word("per") + " " + u->singular);
    // "2x8", "2x8 m2": dimensions.
    if (suffix.size() > 1 && (suffix[0] == 'x' || suffix[0] == 'X')) {
      auto n2 = parse_number(suffix.substr(1));
      if (n2 && !n->negative) {
        std::string text = read_number(*n, d) + " " + d.word("by") + " " + read_number(*n2, d);
        if (const Token* next = s.at(i + 1); next && t.trail.empty())
          if (auto u = find_unit(next->core, d, true)) return ok(2, text + " " + u->plural);
        return ok(1, text);
      }
    }
    if (suffix.size() > 1 && suffix[0] == '+') {  // "2+3"
      auto n2 = parse_number(suffix.substr(1));
      if (n2) return ok(1, read_number(*n, d) + " " + d.word("plus") + " " + read_number(*n2, d));
    }
  }
  // "2022/23": a season or financial year.
  if (core.size() == 7 && core[4] == '/' && is_year(core.substr(0, 4)) &&
      all_digits(core.substr(5))) {
    int a = std::stoi(core.substr(2, 2)), b = std::stoi(core.substr(5));
    if (b == (a + 1) % 100)
      return ok(1, year_words(core.substr(0, 4), d) + " " + d.word("to") + " " +
                       cardinal(core.substr(5), d));
  }
  if (auto f = fraction_token(core, d, false)) return ok(1, *f);
  return {};
}

}  // namespace briefcast::spoken::en
