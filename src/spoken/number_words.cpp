#include "spoken/number_words.hpp"

#include <vector>

#include "base/strings.hpp"

namespace briefcast::spoken {

namespace {

void append(std::string& out, const std::string& w) {
  if (w.empty()) return;
  if (!out.empty()) out += ' ';
  out += w;
}

int digit(char c) { return c - '0'; }

// 0..99 from two digits.
std::string under_hundred(int n, const LanguageData& d) {
  if (n < 20) return d.ones[static_cast<std::size_t>(n)];
  std::string w = d.tens[static_cast<std::size_t>(n / 10)];
  if (n % 10) w += ' ' + d.ones[static_cast<std::size_t>(n % 10)];
  return w;
}

// One group of three digits (value 1..999); `and_before_tens` puts "and" after "hundred".
std::string group_words(int n, const LanguageData& d, bool and_before_tens) {
  std::string out;
  if (n >= 100) {
    append(out, d.ones[static_cast<std::size_t>(n / 100)]);
    append(out, d.hundred);
    if (n % 100 && and_before_tens) append(out, d.and_word);
  }
  if (n % 100) append(out, under_hundred(n % 100, d));
  return out;
}

}  // namespace

std::string digit_words(std::string_view digits, const LanguageData& d) {
  std::string out;
  for (char c : digits)
    if (is_digit(c)) append(out, d.ones[static_cast<std::size_t>(digit(c))]);
  return out;
}

std::string cardinal(std::string_view digits, const LanguageData& d, bool with_and) {
  std::size_t start = digits.find_first_not_of('0');
  if (start == std::string_view::npos) return d.ones[0];
  std::string_view s = digits.substr(start);
  std::size_t groups = (s.size() + 2) / 3;
  if (groups > d.scales.size() + 1) return digit_words(digits, d);
  std::vector<int> values;
  std::size_t first = s.size() - (groups - 1) * 3;
  for (std::size_t g = 0, pos = 0; g < groups; ++g) {
    std::size_t len = g == 0 ? first : 3;
    int v = 0;
    for (std::size_t k = 0; k < len; ++k) v = v * 10 + digit(s[pos + k]);
    values.push_back(v);
    pos += len;
  }
  std::string out;
  for (std::size_t g = 0; g < groups; ++g) {
    int v = values[g];
    if (!v) continue;
    bool last = g + 1 == groups;
    bool use_and = with_and && last && !d.and_word.empty();
    // "one thousand and five": "and" also when the last group has no hundreds but more precede.
    if (use_and && v < 100 && groups > 1) append(out, d.and_word);
    append(out, group_words(v, d, use_and));
    if (!last) append(out, d.scales[groups - g - 2]);
  }
  return out;
}

std::string ordinalize(const std::string& words, const LanguageData& d) {
  std::size_t sp = words.rfind(' ');
  std::string head = sp == std::string::npos ? "" : words.substr(0, sp + 1);
  std::string last = sp == std::string::npos ? words : words.substr(sp + 1);
  if (auto it = d.ordinal_irregular.find(last); it != d.ordinal_irregular.end())
    return head + it->second;
  if (!last.empty() && last.back() == 'y')
    return head + last.substr(0, last.size() - 1) + d.ordinal_y_suffix;
  return head + last + d.ordinal_suffix;
}

std::string ordinal(std::string_view digits, const LanguageData& d) {
  return ordinalize(cardinal(digits, d), d);
}

std::string plural(const std::string& word, const LanguageData& d) {
  return word + d.plural_suffix;
}

std::string year_words(std::string_view s, const LanguageData& d) {
  if (!all_digits(s) || s.size() > 4) return cardinal(s, d);
  if (s.size() < 3) return cardinal(s, d);
  // Split as hundreds-part and last two digits: "340" -> 3 | 40, "1984" -> 19 | 84.
  int high = 0;
  for (std::size_t i = 0; i + 2 < s.size(); ++i) high = high * 10 + digit(s[i]);
  int low = digit(s[s.size() - 2]) * 10 + digit(s.back());
  if (high == 0) return cardinal(s, d);
  // x000 and 2001-2009 (and 1001-1009) read as thousands: "two thousand five".
  if (s.size() == 4 && high % 10 == 0 && low < 10) return cardinal(s, d);
  std::string out = under_hundred(high, d);
  if (low == 0) return out + ' ' + d.hundred;
  if (low < 10) return out + ' ' + d.oh + ' ' + d.ones[static_cast<std::size_t>(low)];
  return out + ' ' + under_hundred(low, d);
}

std::string decimal_words(std::string_view int_digits, std::string_view frac_digits,
                          const LanguageData& d, bool with_and) {
  std::string out = int_digits.empty() ? "" : cardinal(int_digits, d, with_and);
  append(out, d.point);
  append(out, digit_words(frac_digits, d));
  return out;
}

}  // namespace briefcast::spoken
