// English readings of e-mail addresses, web addresses (the domain only: a listener cannot use a
// path), IP addresses and telephone numbers.
#include <algorithm>

#include "spoken/number_words.hpp"
#include "spoken/spoken_en.hpp"

namespace briefcast::spoken::en {

namespace {

// One piece of an address: letters as written, digits one by one, separators as words.
std::string address_part(std::string_view s, const LanguageData& d) {
  std::string out;
  auto add = [&](const std::string& w) {
    if (w.empty()) return;
    if (!out.empty()) out += ' ';
    out += w;
  };
  std::size_t k = 0;
  while (k < s.size()) {
    char c = s[k];
    std::size_t start = k;
    if (is_digit(c)) {
      while (k < s.size() && is_digit(s[k])) ++k;
      add(digit_words(s.substr(start, k - start), d));
    } else if (is_alpha_ascii(c)) {
      while (k < s.size() && is_alpha_ascii(s[k])) ++k;
      add(std::string(s.substr(start, k - start)));
    } else {
      ++k;
      if (c == '.')
        add(d.word("dot"));
      else if (c == '-')
        add(d.word("dash"));
      else if (c == '_')
        add(d.word("underscore"));
      else if (auto it = d.symbols.find(std::string(1, c)); it != d.symbols.end())
        add(it->second);
    }
  }
  return out;
}

bool domain_label(std::string_view l) {
  if (l.empty() || l.size() > 63 || l.front() == '-' || l.back() == '-') return false;
  return std::all_of(l.begin(), l.end(), [](char c) { return is_alnum_ascii(c) || c == '-'; });
}

// "news.example.co.uk" read label by label; a two-letter top-level domain is spelled ("UK").
std::optional<std::string> domain_words(std::string_view host, const LanguageData& d,
                                        bool need_known_tld) {
  std::vector<std::string_view> labels;
  std::size_t start = 0;
  while (true) {
    auto k = host.find('.', start);
    labels.push_back(host.substr(start, k == std::string_view::npos ? k : k - start));
    if (k == std::string_view::npos) break;
    start = k + 1;
  }
  if (labels.size() < 2) return std::nullopt;
  for (auto l : labels)
    if (!domain_label(l)) return std::nullopt;
  std::string tld = lower_ascii(labels.back());
  if (!std::all_of(tld.begin(), tld.end(), is_alpha_ascii)) return std::nullopt;
  if (need_known_tld && (!d.spoken_tlds.count(tld) || labels.front().size() < 2))
    return std::nullopt;
  std::string out;
  for (std::size_t k = 0; k < labels.size(); ++k) {
    if (k) out += " " + d.word("dot") + " ";
    if (k + 1 == labels.size() && labels[k].size() == 2)
      out += upper_ascii(labels[k]);  // a country: "UK"
    else
      out += address_part(labels[k], d);
  }
  return out;
}

// "a.b_c@mail.example.com" (a path after the domain is not read).
std::optional<std::string> email(std::string_view s, const LanguageData& d) {
  auto at = s.find('@');
  if (at == 0 || at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos)
    return std::nullopt;
  std::string_view local = s.substr(0, at), host = s.substr(at + 1);
  host = host.substr(0, host.find('/'));
  auto dom = domain_words(host, d, false);
  if (!dom) return std::nullopt;
  return address_part(local, d) + " " + d.word("at") + " " + *dom;
}

// "https://www.example.com/news/x" -> "example dot com".
std::optional<std::string> web_address(std::string_view s, const LanguageData& d) {
  bool explicit_url = false;
  for (std::string_view scheme : {"https://", "http://", "ftp://"})
    if (lower_ascii(s.substr(0, scheme.size())) == scheme) {
      s.remove_prefix(scheme.size());
      explicit_url = true;
    }
  if (lower_ascii(s.substr(0, 4)) == "www.") {
    s.remove_prefix(4);
    explicit_url = true;
  }
  std::string_view host = s.substr(0, s.find_first_of("/?#:"));
  return domain_words(host, d, !explicit_url);
}

bool ip_address(std::string_view s) {
  int parts = 0;
  std::size_t start = 0;
  while (true) {
    auto k = s.find('.', start);
    std::string_view p = s.substr(start, k == std::string_view::npos ? k : k - start);
    if (p.empty() || p.size() > 3 || !all_digits(p)) return false;
    ++parts;
    if (k == std::string_view::npos) break;
    start = k + 1;
  }
  return parts == 4;
}

// Digit groups of a telephone number written with - . ( ) and spaces, or nullopt.
std::optional<std::vector<std::string>> phone_groups(std::string_view s) {
  std::vector<std::string> groups;
  std::string cur;
  bool bracket = false, dash = false;
  int dots = 0;
  for (char c : s) {
    if (is_digit(c)) {
      cur += c;
      continue;
    }
    if (c == '(' || c == ')')
      bracket = true;
    else if (c == '-')
      dash = true;
    else if (c == '.')
      ++dots;
    else
      return std::nullopt;
    if (!cur.empty()) groups.push_back(std::move(cur));
    cur.clear();
  }
  if (!cur.empty()) groups.push_back(std::move(cur));
  return groups;
  (void)bracket;
  (void)dash;
  (void)dots;
}

// "123-123-5678", "(555) 555-5555", "+1 123-123-5678", "555.555.5555", "111-11-1111".
Match telephone(const Sentence& s, std::size_t i) {
  const LanguageData& d = s.data;
  std::string text;
  std::size_t j = i;
  std::string written;
  // "+1" country code, alone or attached ("+1-123...", "+1(123)").
  const std::string& first = s.tokens[i].core;
  std::string lead_plus;
  std::string body = s.tokens[i].lead + first;
  if (!body.empty() && body[0] == '+') {
    std::size_t k = 1;
    while (k < body.size() && is_digit(body[k])) ++k;
    if (k == 1 || k > 4) return {};
    lead_plus = d.word("plus") + " " + digit_words(body.substr(1, k - 1), d);
    body = body.substr(k);
    if (!body.empty() && body[0] == '-') body.erase(0, 1);
  }
  // Gather following tokens that are only digits and ( ) - . (the rest of the number).
  auto phoneish = [](const std::string& w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
      return is_digit(c) || c == '(' || c == ')' || c == '-' || c == '.';
    });
  };
  written = body + (s.tokens[i].trail == ")" ? ")" : "");
  std::size_t used = 1;
  while (true) {
    const Token& cur = s.tokens[j];
    if (!cur.trail.empty() && cur.trail != ")") break;
    if (cur.dot) break;
    const Token* next = s.at(j + 1);
    if (!next) break;
    std::string w = next->lead + next->core + (next->trail == ")" ? ")" : "");
    if (!phoneish(w)) break;
    written += " " + w;
    ++j;
    ++used;
  }
  if (written.empty() ||
      !phoneish(std::string(written.begin(), std::remove(written.begin(), written.end(), ' '))))
    return {};
  std::string compact = written;  // "(123) 456-7890": a space separates groups like a dash
  std::replace(compact.begin(), compact.end(), ' ', '-');
  auto groups = phone_groups(compact);
  if (!groups || groups->size() < 2) return {};
  std::size_t digits = 0;
  for (const auto& g : *groups) {
    if (g.size() > 4) return {};
    digits += g.size();
  }
  // A number, not a range or date: the first group has at most three digits, and the whole
  // has 7-15 digits ending in a group of four (or a short extension after one).
  if ((*groups)[0].size() > 3 || digits < 7 || digits > 15) return {};
  bool has_four =
      std::any_of(groups->begin() + 1, groups->end(), [](auto& g) { return g.size() == 4; });
  if (!has_four) return {};
  if (compact.find('.') != std::string::npos &&
      (compact.find('-') != std::string::npos || groups->size() != 3))
    return {};
  // The first number of three or more groups ("1-800-...") is fine; two groups need 3+4.
  if (groups->size() == 2 && ((*groups)[0].size() != 3 || (*groups)[1].size() != 4) &&
      lead_plus.empty())
    return {};
  for (const auto& g : *groups) {
    if (!text.empty()) text += ", ";
    text += digit_words(g, d);
  }
  if (!lead_plus.empty()) text = lead_plus + ", " + text;
  return ok(used, text);
}

}  // namespace

Match match_electronic(const Sentence& s, std::size_t i) {
  const LanguageData& d = s.data;
  const std::string& core = s.tokens[i].core;
  if (core.empty()) return {};
  if (core.find('@') != std::string::npos)
    if (auto e = email(core, d)) return ok(1, *e);
  if (core.find('.') != std::string::npos && core.find_first_of("0123456789") == std::string::npos)
    if (auto w = web_address(core, d)) return ok(1, *w);
  if (core.starts_with("http") || lower_ascii(core).starts_with("www."))
    if (auto w = web_address(core, d)) return ok(1, *w);
  if (ip_address(core)) {
    std::string out;
    std::size_t start = 0;
    while (true) {
      auto k = core.find('.', start);
      if (!out.empty()) out += " " + d.word("dot") + " ";
      out += digit_words(core.substr(start, k == std::string::npos ? k : k - start), d);
      if (k == std::string::npos) break;
      start = k + 1;
    }
    return ok(1, out);
  }
  if (core.find_first_of("0123456789") != std::string::npos)
    if (Match m = telephone(s, i); m.count) return m;
  // A domain with digits: "test2.uk".
  if (core.find('.') != std::string::npos)
    if (auto w = web_address(core, d)) return ok(1, *w);
  return {};
}

}  // namespace briefcast::spoken::en
