// English dates and times: "Jan. 5, 2023", "5 January 2023", "2023-01-05", "05/01/2023" (US
// order unless the first part cannot be a month), "10:30 a.m.", "0400 GMT", "14:10:30".
#include <algorithm>

#include "spoken/number_words.hpp"
#include "spoken/spoken_en.hpp"

namespace briefcast::spoken::en {

namespace {

int small_int(std::string_view s) {  // 0..9999 from 1-4 digits, -1 otherwise
  if (s.empty() || s.size() > 4 || !all_digits(s)) return -1;
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Month number of a name or abbreviation ("Jan", "SEPT", "july"), 0 if none.
int month_of(std::string_view w, const LanguageData& d) {
  auto it = d.month_lookup.find(lower_ascii(w));
  return it == d.month_lookup.end() ? 0 : it->second;
}

// Day of month written "5", "05", "25th": 1..31, or 0.
int day_of(std::string_view w) {
  std::string s(w);
  std::string low = lower_ascii(s);
  for (const char* suf : {"st", "nd", "rd", "th"})
    if (low.size() > 2 && low.ends_with(suf)) s.resize(s.size() - 2);
  int v = small_int(s);
  return s.size() <= 2 && v >= 1 && v <= 31 ? v : 0;
}

std::string year_of(std::string_view y, const LanguageData& d) {
  if (y.size() == 2) {  // '05 -> "oh five"
    if (y[0] == '0') return d.oh + " " + d.ones[static_cast<std::size_t>(y[1] - '0')];
    return cardinal(y, d);
  }
  return year_words(y, d);
}

bool is_year_text(std::string_view y) {
  return (y.size() == 4 && all_digits(y) && y[0] != '0') || (y.size() == 2 && all_digits(y));
}

std::string month_first(int month, int day, std::string_view year, const LanguageData& d) {
  std::string out =
      d.months[static_cast<std::size_t>(month - 1)] + " " + ordinal(std::to_string(day), d);
  if (!year.empty()) out += " " + year_of(year, d);
  return out;
}

std::string day_first(int day, int month, std::string_view year, const LanguageData& d,
                      bool with_the) {
  std::string out = with_the ? d.word("the") + " " : "";
  out += ordinal(std::to_string(day), d) + " " + d.word("of") + " " +
         d.months[static_cast<std::size_t>(month - 1)];
  if (!year.empty()) out += " " + year_of(year, d);
  return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    auto k = s.find(sep, start);
    parts.emplace_back(s.substr(start, k == std::string_view::npos ? k : k - start));
    if (k == std::string_view::npos) break;
    start = k + 1;
  }
  return parts;
}

bool the_before(const Sentence& s, std::size_t i) {
  return i > 0 && lower_ascii(s.tokens[i - 1].core) == lower_ascii(s.data.word("the"));
}

// "2023-01-05", "2016/07/03", "05/01/2023", "15.01.2020", "Jan-15-2020", "Jan-15".
std::optional<std::string> numeric_date(const Sentence& s, std::size_t i) {
  const LanguageData& d = s.data;
  const std::string& core = s.tokens[i].core;
  for (char sep : {'-', '/', '.'}) {
    auto p = split(core, sep);
    if (p.size() < 2 || p.size() > 3) continue;
    if (int m = month_of(p[0], d); m && sep == '-') {  // Jan-15-2020
      int day = day_of(p[1]);
      if (!day) continue;
      if (p.size() == 3 && !is_year_text(p[2])) continue;
      return month_first(m, day, p.size() == 3 ? p[2] : "", d);
    }
    if (p.size() != 3) continue;
    if (!all_digits(p[0]) || !all_digits(p[1]) || !all_digits(p[2])) continue;
    int a = small_int(p[0]), b = small_int(p[1]);
    if (p[0].size() == 4 && p[1].size() <= 2 && p[2].size() <= 2) {  // ISO year first
      int day = small_int(p[2]);
      if (b >= 1 && b <= 12 && day >= 1 && day <= 31 && p[0][0] != '0')
        return month_first(b, day, p[0], d);
      continue;
    }
    if (p[0].size() > 2 || p[1].size() > 2) continue;
    bool four = p[2].size() == 4 && p[2][0] != '0';
    if (!four && !(sep == '/' && p[2].size() == 2)) continue;
    // "05/03/2026" is 5 March for a voice of a day-first region (en-GB), else March 5.
    if (d.numeric_day_first && b >= 1 && b <= 12 && a >= 1 && a <= 31)
      return day_first(a, b, p[2], d, !the_before(s, i));
    if (a >= 1 && a <= 12 && b >= 1 && b <= 31) return month_first(a, b, p[2], d);
    if (b >= 1 && b <= 12 && a >= 1 && a <= 31) return day_first(a, b, p[2], d, !the_before(s, i));
  }
  return std::nullopt;
}

// am / pm written as a word, or attached: "am", "a.m" (its dot is the token's), "PM".
std::optional<std::string> meridiem(std::string_view w, const LanguageData& d) {
  std::string l = lower_ascii(w);
  l.erase(std::remove(l.begin(), l.end(), '.'), l.end());
  if (l == "am") return d.word("am");
  if (l == "pm") return d.word("pm");
  return std::nullopt;
}

// The length of the am/pm opening `w` ("a.m" or "p.m": 3, "am" or "pm": 2, any case), else 0.
std::size_t meridiem_length(std::string_view w) {
  const std::string l = lower_ascii(w.substr(0, 3));
  if (l == "a.m" || l == "p.m") return 3;
  return l.starts_with("am") || l.starts_with("pm") ? 2 : 0;
}

// "est", "E.S.T", "GMT" -> the zone's letters.
std::optional<std::string> time_zone(std::string_view w, const LanguageData& d) {
  std::string u = upper_ascii(w);
  std::erase(u, '.');
  if (d.time_zones.count(u)) return u;
  return std::nullopt;
}

std::string clock_words(int h, int m, bool with_meridiem, const LanguageData& d) {
  std::string out = cardinal(std::to_string(h), d);
  if (m == 0) return with_meridiem ? out : out + " " + d.word("o'clock");
  if (m < 10) return out + " " + d.oh + " " + d.ones[static_cast<std::size_t>(m)];
  return out + " " + cardinal(std::to_string(m), d);
}

std::string unit_count(int v, const std::string& one, const std::string& many,
                       const LanguageData& d) {
  return cardinal(std::to_string(v), d) + " " + d.word(v == 1 ? one : many);
}

// A time at token i: "10:30", "10:30:15", "5pm", "1:00a.m", "1.59" (only before am/pm),
// "0400" (only before a time zone). Then am/pm and a time zone, attached or as next tokens.
Match clock(const Sentence& s, std::size_t i) {
  const LanguageData& d = s.data;
  const Token& t = s.tokens[i];
  std::string core = t.core;
  // Split the digits from an attached "pm", "a.m", "p.m.est".
  std::size_t k = 0;
  while (k < core.size() && (is_digit(core[k]) || core[k] == ':' ||
                             (core[k] == '.' && k + 1 < core.size() && is_digit(core[k + 1]))))
    ++k;
  std::string digits = core.substr(0, k), tail = core.substr(k);
  std::string mer, zone;
  std::size_t used = 1;
  bool dot_used = false;
  if (!tail.empty()) {
    // "a.m", "p.m.est", "pmEST"
    const std::size_t len = meridiem_length(tail);
    if (len == 0) return {};
    std::string rest = tail.substr(len);
    mer = *meridiem(tail.substr(0, len), d);
    if (!rest.empty() && rest[0] == '.') rest.erase(0, 1);
    if (!rest.empty()) {
      auto z = time_zone(rest, d);
      if (!z) return {};
      zone = *z;
    }
    dot_used = t.dot;
  }
  auto follows = [&](std::size_t j) -> const Token* {
    const Token& prev = s.tokens[j - 1];
    if (!prev.trail.empty() || (prev.dot && !dot_used && mer.empty())) return nullptr;
    const Token* n = s.at(j);
    return n && n->lead.empty() ? n : nullptr;
  };
  if (mer.empty()) {
    if (const Token* n = follows(i + used)) {
      std::string w = n->with_dot();
      std::string wl = lower_ascii(w);
      const std::size_t len = meridiem_length(w);
      std::string rest = len == 0 ? std::string() : w.substr(len);
      if ((wl.starts_with("a") || wl.starts_with("p")) &&
          (wl.size() == 2 || (wl.size() > 1 && wl[1] == '.') || (wl.size() > 2 && wl[2] == '.') ||
           !rest.empty())) {
        if (!rest.empty() && rest[0] == '.') rest.erase(0, 1);
        auto z = rest.empty() ? std::optional<std::string>("") : time_zone(rest, d);
        if (z && meridiem(w.substr(0, w.size() - rest.size()), d)) {
          mer = *meridiem(w.substr(0, w.size() - rest.size()), d);
          zone = *z;
          ++used;
          dot_used = n->dot;
        }
      }
    }
  }
  if (zone.empty())
    if (const Token* n = follows(i + used))
      if (auto z = time_zone(n->with_dot(), d); z && (n->core.size() >= 2)) {
        // lower-case "est" only after a clock time, where it cannot be a word.
        zone = *z;
        ++used;
        dot_used = n->dot && n->core.find('.') != std::string::npos;
      }
  auto colon = split(digits, ':');
  std::string text;
  if (colon.size() == 2 || colon.size() == 3) {
    int h = small_int(colon[0]), m = small_int(colon[1]);
    if (colon[0].size() > 2 || colon[1].size() != 2 || h < 0 || h > 24 || m < 0 || m > 59)
      return {};
    if (colon.size() == 3) {
      int sec = small_int(colon[2]);
      if (colon[2].size() != 2 || sec < 0 || sec > 59) return {};
      text = unit_count(h, "hour", "hours", d) + " " + unit_count(m, "minute", "minutes", d) + " " +
             d.word("and") + " " + unit_count(sec, "second", "seconds", d);
    } else {
      text = clock_words(h, m, !mer.empty(), d);
    }
  } else if (colon.size() == 1 && !mer.empty()) {
    auto dot = split(digits, '.');
    int h = small_int(dot[0]);
    if (dot[0].size() > 2 || h < 0 || h > 12) return {};
    if (dot.size() == 2) {
      int m = small_int(dot[1]);
      if (dot[1].size() != 2 || m < 0 || m > 59) return {};
      text = clock_words(h, m, true, d);
    } else if (dot.size() == 1) {
      text = cardinal(dot[0], d);
    } else {
      return {};
    }
  } else if (colon.size() == 1 && !zone.empty() && digits.size() == 4 && all_digits(digits)) {
    // "0400 GMT": hours and minutes, the leading zero said as "oh".
    int h = small_int(digits.substr(0, 2)), m = small_int(digits.substr(2));
    if (h > 24 || m > 59) return {};
    text = digits[0] == '0' ? d.oh + " " + d.ones[static_cast<std::size_t>(h)]
                            : cardinal(digits.substr(0, 2), d);
    text += " " + (m == 0   ? d.hundred
                   : m < 10 ? d.oh + " " + d.ones[static_cast<std::size_t>(m)]
                            : cardinal(digits.substr(2), d));
  } else {
    return {};
  }
  if (!mer.empty()) text += " " + mer;
  if (!zone.empty()) text += " " + zone;
  return ok(used, text, dot_used);
}

}  // namespace

Match match_date_time(const Sentence& s, std::size_t i) {
  const LanguageData& d = s.data;
  const Token& t = s.tokens[i];
  const std::string& core = t.core;
  if (core.empty()) return {};
  bool t_ends = !t.trail.empty() && t.trail != ",";
  // Month first: "Jan. 5, 2023", "July 25 2012", "SEPT. 15". Lower-case "may"/"march" are words.
  if (int m = month_of(core, d)) {
    bool word_risk =
        (lower_ascii(core) == "may" || lower_ascii(core) == "march") && !is_capitalized(core);
    const Token* day_tok = s.at(i + 1);
    if (day_tok && !t_ends && day_tok->lead.empty() && !word_risk) {
      if (int day = day_of(day_tok->core)) {
        const Token* y = s.at(i + 2);
        bool day_open = day_tok->trail.empty() || day_tok->trail == ",";
        if (y && day_open && !day_tok->dot && y->lead.empty() && y->core.size() == 4 &&
            is_year_text(y->core))
          return ok(3, month_first(m, day, y->core, d));
        return ok(2, month_first(m, day, "", d), false);
      }
      if (day_tok->core.size() == 4 && is_year_text(day_tok->core) && t.trail.empty())
        return ok(2, d.months[static_cast<std::size_t>(m - 1)] + " " + year_of(day_tok->core, d));
    }
    // "Sept." alone: the month's name (abbreviations need their dot, names stand alone).
    if (t.dot && lower_ascii(core) != lower_ascii(d.months[static_cast<std::size_t>(m - 1)]))
      return ok(1, d.months[static_cast<std::size_t>(m - 1)], true);
  }
  // Day first: "5 January 2023", "25th jul 2012", "26th May".
  if (int day = day_of(core); day && t.trail.empty() && !t.dot) {
    const Token* mt = s.at(i + 1);
    if (mt && mt->lead.empty()) {
      if (int m = month_of(mt->core, d)) {
        bool abbreviation =
            lower_ascii(mt->core) != lower_ascii(d.months[static_cast<std::size_t>(m - 1)]);
        bool word_risk =
            lower_ascii(mt->core) == "may" && !is_capitalized(mt->core) && !s.at(i + 2);
        (void)word_risk;
        const Token* y = s.at(i + 2);
        bool month_open = mt->trail.empty() || mt->trail == ",";
        if (y && month_open && (!mt->dot || abbreviation) && y->lead.empty() &&
            y->core.size() == 4 && is_year_text(y->core))
          return ok(3, day_first(day, m, y->core, d, !the_before(s, i)));
        return ok(2, day_first(day, m, "", d, !the_before(s, i)), abbreviation);
      }
    }
  }
  if (auto date = numeric_date(s, i)) return ok(1, *date);
  if (Match m = clock(s, i); m.count) return m;
  // "2pm-5pm", "5pm-7 pm": two times joined by a dash.
  if (auto dash = core.find('-'); dash != std::string::npos && dash > 0 && dash + 1 < core.size()) {
    std::string left = lower_ascii(core.substr(0, dash));
    if (left.ends_with("am") || left.ends_with("pm") || left.ends_with("a.m") ||
        left.ends_with("p.m")) {
      std::vector<Token> first{Token{"", core.substr(0, dash), false, ""}};
      std::vector<Token> second{Token{"", core.substr(dash + 1), t.dot, t.trail}};
      second.insert(second.end(), s.tokens.begin() + static_cast<std::ptrdiff_t>(i + 1),
                    s.tokens.end());
      Sentence s1{first, d, s.keep}, s2{second, d, s.keep};
      Match a = clock(s1, 0), b = clock(s2, 0);
      if (a.count == 1 && b.count)
        return ok(b.count, a.text + " " + d.word("to") + " " + b.text, b.dot_used);
    }
  }
  return {};
}

}  // namespace briefcast::spoken::en
