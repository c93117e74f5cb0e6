// English numbers that are codes, not quantities: versions ("2.0.1"), plan names ("401(k)"),
// three-part records ("14-0-1"), mixed fractions ("1-1/2") and model numbers ("787-9", "777X",
// "737 Max"). Numbers in other contexts are in spoken_en_numbers.cpp.
#include <algorithm>
#include <cctype>

#include "spoken/number_words.hpp"
#include "spoken/spoken_en.hpp"

namespace briefcast::spoken::en {

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

}  // namespace briefcast::spoken::en
