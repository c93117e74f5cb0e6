// Dates and clock times of the data-driven languages (spoken_intl_speaker.hpp): numeric dates
// ("05.03.2026"), a day and a month by the language's date pattern ("5 mars 2026", "1 de mayo"),
// clock times by its clock pattern ("9h15", "9.15 Uhr").

#include "base/strings.hpp"
#include "spoken/spoken_intl_speaker.hpp"

namespace briefcast::spoken::intl {

std::string Speaker::year(const std::string& digits) const {
  int v = digits.size() == 4 ? std::stoi(digits) : -1;
  return spell(digits, v >= d_.year_min && v <= d_.year_max ? d_.year : d_.numbering);
}

// {day} {month} {year} by the language's pattern; `day_text` already spoken.
std::string Speaker::date(const std::string& day_text, int month,
                          const std::string& year_digits) const {
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

std::string Speaker::day(const std::string& digits, std::size_t i) const {
  std::string v = digits[0] == '0' ? digits.substr(1) : digits;
  if (auto it = d_.day_words.find(v); it != d_.day_words.end()) return it->second;
  return spell(v, d_.day_ordinal ? ordinal_rule_after(i) : d_.numbering);
}

int Speaker::month_of(const Token& k) const {
  auto it = d_.month_lookup.find(lower_ascii(k.with_dot()));
  if (it == d_.month_lookup.end()) it = d_.month_lookup.find(lower_ascii(k.core));
  return it == d_.month_lookup.end() ? 0 : it->second;
}

// "05.03.2026", "5/3/2026", "2026-03-05".
Match Speaker::numeric_date(std::size_t i) {
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
std::string Speaker::pattern_joiner(const std::string& a, const std::string& b) const {
  const std::size_t x = d_.date_pattern.find(a), y = d_.date_pattern.find(b);
  if (x == std::string::npos || y == std::string::npos || y < x + a.size()) return "";
  return std::string(trim(d_.date_pattern.substr(x + a.size(), y - x - a.size())));
}

// Token j is `word` (lower-cased) and the phrase goes on after token j - 1.
bool Speaker::joiner_at(std::size_t j, const std::string& word) const {
  const Token* k = at(j);
  return k && j > 0 && open_after(j - 1) && k->lead.empty() && lower_ascii(k->core) == word;
}

// "5 mars 2026", "1er mars", "5. März 2026" (German: the day has its dot), "1 de mayo de 2026"
// (the pattern's joining words as written).
Match Speaker::day_month(std::size_t i) {
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

std::string Speaker::clock_text(const std::string& h, const std::string& m) const {
  int hv = std::stoi(h);
  std::string p = m.empty() || std::stoi(m) == 0 ? d_.time_pattern_whole : d_.time_pattern;
  p = replace_all(p, "{hour}", spell(h, d_.hour_rule_set));
  p = replace_all(p, "{hours_word}", hv <= 1 ? d_.hour_singular : d_.hour_plural);
  if (!m.empty()) p = replace_all(p, "{minute}", spell(m, d_.minute_rule_set));
  return tidy_spaces(p);
}

// "9h15", "21h", "14:30", "9.15 Uhr", "9 h 15", "9 Uhr".
Match Speaker::clock(std::size_t i) {
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

}  // namespace briefcast::spoken::intl
