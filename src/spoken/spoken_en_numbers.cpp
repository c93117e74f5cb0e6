// English numbers in context: ordinals, fractions, decades and years, ranges and scores, house
// numbers, dimensions and plain numbers; and reading a written number. Money and units of
// measure are in spoken_en_amounts.cpp, dates and times in spoken_en_dates.cpp.
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

// "eighty" -> "eighties", "ten" -> "tens".
std::string plural_of_last(const std::string& words) {
  if (!words.empty() && words.back() == 'y') return words.substr(0, words.size() - 1) + "ies";
  return words + "s";
}

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

// --- ranges -----------------------------------------------------------------------------------

bool score_context(const Sentence& s, std::size_t i) {
  static const std::set<std::string> verbs = {
      "won", "lost",  "beat",  "beats",   "drew",  "win",    "wins",     "lose", "loses",
      "led", "leads", "trail", "trailed", "score", "scored", "defeated", "tied"};
  // "won 4-2", "beat Denver 108-97", "beat the Denver Nuggets 108-97".
  for (std::size_t back = 1; back <= 4 && back <= i; ++back) {
    const Token& t = s.tokens[i - back];
    if (verbs.count(lower_ascii(t.core))) return true;
    if (!t.trail.empty() || t.dot) break;
  }
  if (const Token* n = s.at(i + 1)) {
    static const std::set<std::string> nouns = {"win",  "victory", "defeat",    "loss",  "lead",
                                                "draw", "tie",     "scoreline", "margin"};
    if (nouns.count(lower_ascii(n->core))) return true;
  }
  return false;
}

// "2010-2015", "1960-80", "2-5lb", "1234-123kg", "3-2" (a score), "1960s-80s".
Match range(const Sentence& s, std::size_t i) {
  const LanguageData& d = s.data;
  const std::string& core = s.tokens[i].core;
  auto dash = core.find('-', 1);
  if (dash == std::string::npos || core.find('-', dash + 1) != std::string::npos) return {};
  std::string a = core.substr(0, dash), b = core.substr(dash + 1);
  std::string to = " " + d.word("to") + " ";
  auto da = decade_token(a, d), db = decade_token(b, d);
  if (da && db) return ok(1, *da + to + *db);
  auto [bnum, bunit] = split_number(b);
  auto na = parse_number(a), nb = parse_number(bnum);
  if (!na || !nb || na->negative || nb->negative) return {};
  // A unit after the second number: "2-5lb", "1980-1970 kg".
  std::optional<UnitNames> unit = find_unit(bunit, d, false);
  std::size_t used = 1;
  if (bunit.empty() && s.tokens[i].trail.empty())
    if (const Token* next = s.at(i + 1))
      if ((unit = find_unit(next->core, d, true))) used = 2;
  if (!bunit.empty() && !unit) return {};
  if (unit)
    return ok(used, read_number(*na, d) + to + read_number(*nb, d) + " " + unit_words(*nb, *unit));
  if (na->point || nb->point || na->grouped || nb->grouped) return {};
  if (is_year(a) && (is_year(b) || (b.size() == 2 && b > a.substr(2))))
    return ok(1, year_words(a, d) + to + year_words(b, d));
  if (a.size() > 4 || b.size() > 4) return {};
  std::string wa = read_number(*na, d), wb = read_number(*nb, d);
  // A win-loss record: "a 10-3 record", "10-3 season" -> "ten and three".
  if (const Token* next = s.at(i + 1);
      next && s.tokens[i].trail.empty() && a.size() <= 3 && b.size() <= 3) {
    static const std::set<std::string> record_words = {"record", "records", "season",
                                                       "mark",   "start",   "run"};
    if (record_words.count(lower_ascii(next->core))) return ok(1, wa + " and " + wb);
  }
  bool rising = a.size() < b.size() || (a.size() == b.size() && a < b);
  bool from = i > 0 && (lower_ascii(s.tokens[i - 1].core) == "from" ||
                        lower_ascii(s.tokens[i - 1].core) == "between");
  if (from || (rising && !score_context(s, i))) return ok(1, wa + to + wb);
  // A score or a pair of small numbers is read "four to two", as a newsreader does ("won 4-2",
  // "passed 52-48", "open 9-5").
  if (score_context(s, i) || (a.size() <= 2 && b.size() <= 2)) return ok(1, wa + to + wb);
  return ok(1, wa + " " + wb);
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

namespace {

// Digits one by one, zero as "oh": "401" -> "four oh one".
std::string digit_names(std::string_view digits, const LanguageData& d) {
  std::string out;
  for (char c : digits) {
    if (!out.empty()) out += ' ';
    out += c == '0' ? d.oh : d.ones[static_cast<std::size_t>(c - '0')];
  }
  return out;
}

// A number part of a code, zero as "oh": "0" -> "oh", "10" -> "ten".
std::string code_part(const std::string& digits, const LanguageData& d) {
  if (digits.find_first_not_of('0') == std::string::npos) return d.oh;
  if (digits.size() > 1 && digits[0] == '0') return digit_names(digits, d);
  return cardinal(digits, d);
}

}  // namespace

namespace {

// A three-digit model number is read in pairs ("seven eighty seven"), its variant after it:
// "787-9" (a one-digit variant 1-9: no range or score ends below where it starts), "777X", "747SP"
// (capital letters that are no unit or scale), "737 Max", "A320neo" (a variant name of the
// language data after it). Round hundreds ("100X") stay quantities.
Match model_number(const Sentence& s, std::size_t i) {
  const LanguageData& d = s.data;
  const Token& t = s.tokens[i];
  const std::string& core = t.core;
  if (core.size() < 3 || !all_digits(core.substr(0, 3)) || core[0] == '0' ||
      core.substr(1, 2) == "00" || (core.size() > 3 && is_digit(core[3])))
    return {};
  const std::string model = core.substr(0, 3), rest = core.substr(3);
  const std::string pairs = year_words(model, d);
  if (rest.size() == 2 && rest[0] == '-' && is_digit(rest[1]) && rest[1] != '0')
    return ok(1, pairs + " " + cardinal(rest.substr(1), d));
  if (!rest.empty() && rest.size() <= 3 && std::all_of(rest.begin(), rest.end(), is_upper_ascii) &&
      !find_unit(rest, d, false) && !d.model_variants.count(rest) && rest != "K" && rest != "M" &&
      rest != "B" && rest != "T" && rest != "G")
    return ok(1, pairs + " " + rest);
  if (!rest.empty() && d.model_variants.count(rest)) return ok(1, pairs + " " + rest);
  if (rest.empty())
    if (const Token* next = s.at(i + 1); next && t.trail.empty() && !t.dot && next->lead.empty() &&
                                         d.model_variants.count(next->core))
      return ok(1, pairs);
  return {};
}

}  // namespace

// Numbers that are codes, not quantities: versions "2.0.1" / "v3.2.1" ("two point oh point
// one"), plan names "401(k)" ("four oh one k"), mixed fractions "1-1/2" ("one and a half").
Match code_number(const Sentence& s, std::size_t i) {
  const LanguageData& d = s.data;
  const Token& t = s.tokens[i];
  // "401(k)": the tokenizer may leave ")" in the trail.
  std::string_view plan = t.core;
  bool closed = t.trail.starts_with(")");
  if (plan.ends_with(")")) {
    plan.remove_suffix(1);
    closed = true;
  }
  if (closed && plan.size() >= 5 && plan[plan.size() - 2] == '(' && is_alpha_ascii(plan.back()) &&
      all_digits(plan.substr(0, plan.size() - 2))) {
    std::string digits(plan.substr(0, plan.size() - 2));
    std::string words = digits.size() == 3 ? digit_names(digits, d) : cardinal(digits, d);
    return ok(1, words + " " + std::string(1, static_cast<char>(std::tolower(plan.back()))));
  }
  const std::string& core = t.core;
  std::string_view v = core;
  if (v.starts_with('v') || v.starts_with('V')) v.remove_prefix(1);
  // A version: three or four dot-separated groups of at most three digits.
  std::vector<std::string> parts;
  std::size_t start = 0;
  bool version = !v.empty();
  for (std::size_t k = 0; k <= v.size() && version; ++k) {
    if (k < v.size() && v[k] != '.') {
      version = is_digit(v[k]);
      continue;
    }
    std::string part(v.substr(start, k - start));
    version = !part.empty() && part.size() <= 3;
    parts.push_back(part);
    start = k + 1;
  }
  if (version && (parts.size() == 3 || (v.size() < core.size() && parts.size() >= 2))) {
    std::string out = v.size() < core.size() ? d.word("version") + " " : "";
    for (std::size_t k = 0; k < parts.size(); ++k)
      out += (k ? " " + d.point + " " : "") + code_part(parts[k], d);
    return ok(1, out);
  }
  // A three-part record "14-0-1" (wins, losses, ties): "fourteen and oh and one".
  {
    std::vector<std::string> rec;
    std::size_t from = 0;
    for (std::size_t k = 0; k <= core.size(); ++k)
      if (k == core.size() || core[k] == '-') {
        rec.push_back(core.substr(from, k - from));
        from = k + 1;
      }
    bool record = rec.size() == 3;
    for (const auto& p : rec) record = record && !p.empty() && p.size() <= 2 && all_digits(p);
    if (record) {
      std::string out;
      for (const auto& p : rec)
        out += (out.empty() ? "" : " " + d.word("and") + " ") + (p == "0" ? d.oh : cardinal(p, d));
      return ok(1, out);
    }
  }
  if (Match m = model_number(s, i); m.count) return m;
  // "1-1/2": a whole number, a hyphen and a fraction.
  if (auto dash = core.find('-');
      dash != std::string::npos && dash > 0 && all_digits(core.substr(0, dash)) && dash <= 9) {
    std::string frac = core.substr(dash + 1);
    auto slash = frac.find('/');
    if (slash != std::string::npos && slash > 0 && all_digits(frac.substr(0, slash)) &&
        all_digits(frac.substr(slash + 1)) && frac.size() > slash + 1 &&
        std::stoul(frac.substr(0, slash)) < std::stoul(frac.substr(slash + 1)))
      if (auto f = fraction_token(frac, d, true))
        return ok(1, cardinal(core.substr(0, dash), d, true) + " " + d.word("and") + " " + *f);
  }
  return {};
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
