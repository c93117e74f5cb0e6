// English rules: the dispatcher over tokens, and the word-level rules (abbreviations, titles,
// initials, Roman numerals, acronyms, addresses, symbols). Numbers, dates, times and addresses on
// the net are in spoken_en_numbers.cpp, spoken_en_dates.cpp and spoken_en_electronic.cpp.
#include "spoken/spoken_en.hpp"

#include <algorithm>

#include "spoken/number_words.hpp"

namespace briefcast::spoken {

namespace en {

bool is_capitalized(std::string_view w) { return !w.empty() && is_upper_ascii(w[0]); }

bool is_letters(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), is_alpha_ascii);
}

namespace {

// --- Roman numerals ---------------------------------------------------------------------------

// Value of a canonical Roman numeral (as it would be written back), or 0.
int roman_value(std::string_view s) {
  if (s.empty() || s.size() > 9) return 0;
  auto val = [](char c) {
    switch (c) {
      case 'I':
        return 1;
      case 'V':
        return 5;
      case 'X':
        return 10;
      case 'L':
        return 50;
      case 'C':
        return 100;
      case 'D':
        return 500;
      case 'M':
        return 1000;
      default:
        return 0;
    }
  };
  int total = 0;
  for (std::size_t k = 0; k < s.size(); ++k) {
    int v = val(s[k]);
    if (!v) return 0;
    int next = k + 1 < s.size() ? val(s[k + 1]) : 0;
    total += v < next ? -v : v;
  }
  if (total <= 0 || total >= 4000) return 0;
  // Canonical form check: write the value back.
  static const std::pair<int, const char*> table[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  std::string back;
  int v = total;
  for (const auto& [n, r] : table)
    while (v >= n) {
      back += r;
      v -= n;
    }
  return back == s ? total : 0;
}

// "World War II" -> "World War two", "Louis XIV" -> "Louis the fourteenth".
Match roman(const Sentence& s, std::size_t i) {
  const Token& t = s.tokens[i];
  int v = roman_value(t.core);
  if (!v || i == 0) return {};
  const Token& prev = s.tokens[i - 1];
  if (!prev.trail.empty() || prev.dot || !is_letters(prev.core) || !is_capitalized(prev.core))
    return {};
  std::string n = std::to_string(v);
  if (s.data.roman_cardinal_context.count(lower_ascii(prev.core)))
    return ok(1, cardinal(n, s.data));
  // A name: only numerals a monarch or a sequel would carry, not words like "MIX" or "I".
  if (v > 89 || s.data.roman_excluded.count(t.core) ||
      (t.core.size() == 1 && t.core != "V" && t.core != "I"))
    return {};
  if (t.core == "I" && i < 2) return {};  // "Yesterday I", sentence-initial capitals
  if (t.core == "I") {
    const Token* next = s.at(i + 1);
    // "Elizabeth I was": only when the pronoun reading is unlikely (end, or punctuation).
    if (next && t.trail.empty() && !t.dot) return {};
  }
  return ok(1, s.data.word("the") + " " + ordinal(n, s.data));
}

// --- acronyms ---------------------------------------------------------------------------------

// "GSIM" -> "G.S.I.M" (eSpeak spells dotted letters); pronounceable ones (NASA) are left.
std::optional<std::string> acronym(std::string_view w, const LanguageData& d) {
  if (w.size() < 2 || w.size() > 5) return std::nullopt;
  if (!std::all_of(w.begin(), w.end(), is_upper_ascii)) return std::nullopt;
  // The data decides per entry: read as a word (NASA, NATO) or spelled (AP, CDC).
  const std::string key(w);
  if (d.acronym_words.count(key)) return std::nullopt;
  auto spell = [&] {
    std::string out;
    for (char c : w) {
      if (!out.empty()) out += '.';
      out += c;
    }
    return out;
  };
  if (d.acronym_spelled.count(key)) return spell();
  // Two capitals: eSpeak reads some as words before punctuation ("AP." as "app"), so they are
  // spelled unless they are an English word written in capitals ("IN", "TO", "IT").
  if (w.size() == 2) return spell();
  auto vowel = [&](char c) { return d.vowels.find(c) != std::string::npos; };
  bool any_vowel = std::any_of(w.begin(), w.end(), vowel);
  bool pronounceable = any_vowel;
  if (pronounceable && !vowel(w[0]) && !vowel(w[1])) {
    // Starts with two consonants: fine only for clusters English words start with.
    std::string two(w.substr(0, 2)), three(w.substr(0, std::min<std::size_t>(3, w.size())));
    pronounceable = d.acronym_onsets.count(two) || d.acronym_onsets.count(three);
  }
  if (pronounceable && w.size() >= 3) {
    // Three consonants in a row inside a short word ("NRCS") are spelled.
    int run = 0;
    for (char c : w) {
      run = vowel(c) ? 0 : run + 1;
      if (run >= 3) pronounceable = false;
    }
  }
  if (pronounceable) return std::nullopt;
  return spell();
}

// --- abbreviations, titles, addresses -------------------------------------------------------

Match abbreviation(const Sentence& s, std::size_t i) {
  const LanguageData& d = s.data;
  const Token& t = s.tokens[i];
  const Token* next = s.at(i + 1);
  const Token* prev = i ? &s.tokens[i - 1] : nullptr;
  std::string w = t.with_dot();
  bool next_name = next && t.trail.empty() && is_capitalized(next->core);
  bool after_name = prev && prev->trail.empty() && !prev->dot &&
                    (is_capitalized(prev->core) || is_number_start(prev));
  // "St." / "Dr.": Saint and Doctor before a name, Street and Drive after one.
  if (t.dot) {
    auto title = d.title_abbreviations.find(w);
    auto place = d.place_abbreviations.find(w);
    if (place != d.place_abbreviations.end() && after_name && i > 0 &&
        (title == d.title_abbreviations.end() || !next_name || i >= 2))
      return ok(1, place->second, false);  // may end a sentence: keep the dot
    if (title != d.title_abbreviations.end()) return ok(1, title->second, true);
    if (auto it = d.number_abbreviations.find(w);
        it != d.number_abbreviations.end() && is_number_start(next))
      return ok(1, it->second, true);
    if (auto it = d.abbreviations.find(w); it != d.abbreviations.end())
      return ok(1, it->second, !(next && is_capitalized(next->core)));
  }
  // Without a dot: street words after a name ("Elm St", "12 S 1st st"), other abbreviations.
  if (auto place = d.place_abbreviations.find(t.core);
      place != d.place_abbreviations.end() && !t.dot && after_name) {
    // Only in an address: a house number within the three words before.
    bool number = false;
    for (std::size_t k = 1; k <= 3 && k <= i; ++k)
      number = number || is_number_start(&s.tokens[i - k]);
    if (number) return ok(1, place->second);
  }
  if (auto it = d.abbreviations.find(t.core); it != d.abbreviations.end() &&
                                              t.core.find('.') == std::string::npos &&
                                              it->first.back() != '.')
    return ok(1, it->second);
  // Directions in addresses: "1211 E Arques Ave".
  if (auto it = d.directions.find(t.core); it != d.directions.end() && is_number_start(prev) &&
                                           next &&
                                           (is_capitalized(next->core) || is_number_start(next)))
    return ok(1, it->second);
  // States after a town: "Santa Clara, CA 95051".
  if (auto it = d.regions.find(t.core);
      it != d.regions.end() && prev && prev->trail == "," && (!next || is_number_start(next)))
    return ok(1, it->second);
  return {};
}

// "C. S. Lewis" -> "CS Lewis": initials without the dots that would end a sentence.
Match initials(const Sentence& s, std::size_t i) {
  std::string letters;
  std::size_t k = i;
  while (k < s.tokens.size()) {
    const Token& t = s.tokens[k];
    if (t.core.size() != 1 || !is_upper_ascii(t.core[0]) || !t.dot || !t.trail.empty()) break;
    if (k > i && !t.lead.empty()) break;
    letters += t.core;
    ++k;
  }
  const Token* next = s.at(k);
  if (letters.empty() || !next || !is_capitalized(next->core) || !next->lead.empty()) return {};
  return ok(k - i, letters, true);
}

// "U.S." mid-sentence -> "U.S" (a final dot before a capital would end eSpeak's sentence).
Match dotted_letters(const Sentence& s, std::size_t i) {
  const Token& t = s.tokens[i];
  if (!t.dot || t.core.size() < 3 || i + 1 >= s.tokens.size()) return {};
  for (std::size_t k = 0; k < t.core.size(); ++k) {
    bool letter_pos = k % 2 == 0;
    if (letter_pos ? !is_alpha_ascii(t.core[k]) : t.core[k] != '.') return {};
  }
  if (t.core.size() % 2 == 0) return {};
  return ok(1, t.core, true);
}

using Rule = Match (*)(const Sentence&, std::size_t);

}  // namespace

}  // namespace en

namespace en {
namespace {

// A market or wire code: capitals, digits and the marks of quote codes (".SPX", "GBP=", "N225").
bool is_code(std::string_view c) {
  if (c.size() < 2 || c.size() > 10) return false;
  bool upper = false;
  for (char ch : c) {
    if (is_upper_ascii(ch)) {
      upper = true;
    } else if (!is_digit(ch) && ch != '.' && ch != '=' && ch != '^') {
      return false;
    }
  }
  return upper;
}

// The code's letters appear in order in the words before it: "(HSI)" after "Hang Seng Index",
// "(SHCOMP)" after "Shanghai Composite", "(N225)" after "Nikkei 225".
bool restates(std::string_view code, const std::vector<Token>& tokens, std::size_t at) {
  std::string before;
  for (std::size_t k = at >= 4 ? at - 4 : 0; k < at; ++k) before += upper_ascii(tokens[k].core);
  std::size_t pos = 0;
  for (char ch : code) {
    if (ch == '.' || ch == '=' || ch == '^') continue;
    pos = before.find(ch, pos);
    if (pos == std::string::npos) return false;
    ++pos;
  }
  return true;
}

// Tokens a listener should not hear: a parenthesized code restating the name before it
// ("Hang Seng Index (HSI)", "Kospi Index (KOSPI)"), a quote code written with its marks
// ("(.SPX)", "(GBP=)"), and the agency of a dateline at a sentence start ("LONDON (AP)").
// Tokens [0, i) are a dateline's place: "LONDON", "NEW YORK", "Hong Kong" (one to four words in
// capitals or capitalised, nothing else), from the sentence start.
bool dateline_before(const std::vector<Token>& tokens, std::size_t i) {
  if (i > 4) return false;
  for (std::size_t k = 0; k < i; ++k) {
    const std::string& w = tokens[k].core;
    if (w.empty() || !is_upper_ascii(w[0]) || !tokens[k].lead.empty() ||
        !std::all_of(w.begin(), w.end(),
                     [](char c) { return is_alpha_ascii(c) || c == '.' || c == '-' || c == '\''; }))
      return false;
  }
  return true;
}

// "Hong Kong (CNN Business)": an agency and its desk, two words in the dateline's brackets.
bool agency_with_desk(const std::vector<Token>& tokens, std::size_t i, const LanguageData& d) {
  const Token& t = tokens[i];
  if (t.lead != "(" || !t.trail.empty() || t.dot || i == 0 || i + 1 >= tokens.size() ||
      !d.agencies.count(t.core))
    return false;
  const Token& desk = tokens[i + 1];
  return desk.lead.empty() && desk.trail.starts_with(")") && !desk.dot && is_letters(desk.core) &&
         is_upper_ascii(desk.core[0]) && dateline_before(tokens, i);
}

bool wire_clutter(const std::vector<Token>& tokens, std::size_t i, const LanguageData& d) {
  const Token& t = tokens[i];
  if (t.lead != "(" || !t.trail.starts_with(")") || t.dot || i == 0) return false;
  if (d.agencies.count(t.core)) return dateline_before(tokens, i);
  if (!is_code(t.core)) return false;
  if (t.core.find_first_of(".=^") != std::string::npos) return true;
  return restates(t.core, tokens, i);
}

}  // namespace
}  // namespace en

std::string spoken_en(const std::vector<Token>& raw, const LanguageData& data,
                      const std::set<std::string>& keep) {
  std::vector<Token> written;
  written.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (en::agency_with_desk(raw, i, data)) {
      ++i;  // the desk's word, with the bracket
      std::string rest = raw[i].trail.substr(1);
      if (!written.empty()) written.back().trail += rest.empty() ? "," : rest;
      if (i + 1 < raw.size() && raw[i + 1].lead.empty() &&
          (raw[i + 1].core == "-" || raw[i + 1].core == "--"))
        ++i;
      continue;
    }
    if (en::wire_clutter(raw, i, data)) {
      // Keep the punctuation after the bracket ("(HSI), the" keeps its comma).
      std::string rest = raw[i].trail.substr(1);
      // A dateline's city is followed by a pause where the agency and its dash were.
      if (data.agencies.count(raw[i].core) && rest.empty()) rest = ",";
      if (!rest.empty() && !written.empty()) written.back().trail += rest;
      // "LONDON (Reuters) - Stocks": the dash after the agency goes with it.
      if (data.agencies.count(raw[i].core) && i + 1 < raw.size() && raw[i + 1].lead.empty() &&
          (raw[i + 1].core == "-" || raw[i + 1].core == "--"))
        ++i;
      continue;
    }
    written.push_back(raw[i]);
  }
  // "~5%", "~$1,200", "≈3 km": an approximation sign before an amount is "about".
  std::vector<Token> tokens;
  tokens.reserve(written.size());
  for (const Token& t : written) {
    std::string_view c = t.core;
    std::size_t sign = c.starts_with("~") ? 1 : c.starts_with("\u2248") ? 3 : 0;
    if (sign && c.size() > sign &&
        (is_digit(c[sign]) || c[sign] == '$' || static_cast<unsigned char>(c[sign]) >= 0x80)) {
      Token about;
      about.lead = t.lead;
      about.core = data.word("about");
      tokens.push_back(about);
      Token rest = t;
      rest.lead.clear();
      rest.core = std::string(c.substr(sign));
      tokens.push_back(std::move(rest));
      continue;
    }
    tokens.push_back(t);
  }
  en::Sentence s{tokens, data, keep};
  // Order matters: whole-token forms first, then what needs the following tokens.
  static const en::Rule rules[] = {
      en::code_number, en::initials, en::match_date_time, en::match_electronic, en::match_numeric,
      en::vulgar,      en::roman,    en::abbreviation,    en::dotted_letters,   en::symbol,
      en::mixed};
  std::string out;
  std::size_t i = 0;
  while (i < tokens.size()) {
    const Token& t = tokens[i];
    en::Match m;
    if (keep.count(t.core) || keep.count(t.with_dot())) {
      m = {1, t.core, false};
    } else if (auto p = data.phrases.find(t.core); p != data.phrases.end()) {
      m = {1, p->second, false};
    } else {
      for (auto rule : rules)
        if ((m = rule(s, i)).count) break;
      if (!m.count) {
        if (auto a = en::acronym(t.core, data); a && !keep.count(t.core))
          m = {1, *a, false};
        else
          m = {1, t.core, false};
      }
    }
    const Token& last = tokens[i + m.count - 1];
    bool final_token = i + m.count == tokens.size();
    std::string piece = t.lead + m.text;
    if (last.dot && (!m.dot_used || final_token)) piece += '.';
    piece += last.trail;
    if (!piece.empty()) {
      if (!out.empty()) out += ' ';
      out += piece;
    }
    i += m.count;
  }
  return out;
}

}  // namespace briefcast::spoken
