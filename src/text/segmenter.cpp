#include "text/segmenter.hpp"

#include <algorithm>
#include <iterator>
#include <optional>

#include "base/strings.hpp"
#include "text/unicode_text.hpp"

namespace briefcast {

namespace {

struct Token {
  std::size_t begin = 0;  // byte offsets in the paragraph
  std::size_t end = 0;
  std::string_view text;
};

std::vector<Token> tokenize(std::string_view p) {
  std::vector<Token> out;
  for (std::string_view w : split_words(p)) {
    const auto begin = static_cast<std::size_t>(w.data() - p.data());
    out.push_back({begin, begin + w.size(), w});
  }
  return out;
}

constexpr std::string_view kClosers[] = {")",      "]",      "}",      "\"",    "'",
                                         "\u201D", "\u2019", "\u00BB", "\u203A"};
constexpr std::string_view kOpeners[] = {"(",      "[",      "{",      "\"",     "'",     "\u201C",
                                         "\u2018", "\u00AB", "\u2039", "\u00BF", "\u00A1"};
// Glyphs that open an item of a bulleted list.
constexpr std::string_view kBullets[] = {"\u2022", "\u2043", "\u25AA", "\u25E6",
                                         "\u2023", "\u25CF", "\u25A0", "\u25BA"};

// `t` without the marks it ends with (at_end) or starts with, however many there are.
template <std::size_t N>
std::string_view strip_marks(std::string_view t, const std::string_view (&marks)[N], bool at_end) {
  for (bool again = true; again && !t.empty();) {
    again = false;
    for (auto m : marks)
      if (at_end ? t.ends_with(m) : t.starts_with(m)) {
        at_end ? t.remove_suffix(m.size()) : t.remove_prefix(m.size());
        again = true;
      }
  }
  return t;
}

std::string_view strip_closers(std::string_view t) { return strip_marks(t, kClosers, true); }
std::string_view strip_openers(std::string_view t) { return strip_marks(t, kOpeners, false); }

std::string_view bullet_prefix(std::string_view t) {
  for (auto b : kBullets)
    if (t.starts_with(b)) return b;
  return {};
}

template <std::size_t N>
bool contains(const std::string_view (&set)[N], std::string_view w) {
  return std::find(std::begin(set), std::end(set), w) != std::end(set);
}

// Titles and connectives that are followed by more of the same sentence (compared lower-case).
constexpr std::string_view kNeverEnd[] = {
    "mr",   "mrs", "ms",  "mx",  "messrs", "mme",  "mlle", "dr",   "prof", "gov",  "sen",
    "rep",  "gen", "lt",  "col", "maj",    "capt", "cmdr", "sgt",  "cpl",  "pvt",  "adm",
    "brig", "rev", "hon", "fr",  "msgr",   "pres", "supt", "insp", "det",  "atty", "amb",
    "e.g",  "i.e", "vs",  "v",   "cf",     "viz",  "esp",  "incl"};

// Abbreviations that stay in the sentence when a number follows ("No. 5", "p. 55").
constexpr std::string_view kBeforeNumber[] = {
    "no",     "nos",  "nr",  "n\u00B0", "p",   "pp",   "vol", "vols", "fig", "figs",
    "ch",     "chap", "sec", "sect",    "art", "para", "op",  "pg",   "tel", "ext",
    "approx", "ca",   "c",   "est",     "ref", "rm",   "apt", "rte",  "hwy"};

// Abbreviations that may end a sentence, compared lower-case.
constexpr std::string_view kMaybeEndAnyCase[] = {
    "inc",  "corp", "co",   "ltd",  "llc",    "plc", "bros", "jr", "sr",
    "esq",  "etc",  "al",   "st",   "mt",     "ave", "blvd", "rd", "dept",
    "univ", "assn", "intl", "govt", "approx", "a.m", "p.m",  "ft"};

// Capitalized abbreviations that may end a sentence (months, days, US states); compared with
// the capital so that "ill." or "miss." stay ordinary words.
constexpr std::string_view kMaybeEndCapital[] = {
    "Jan",  "Feb",  "Mar",   "Apr",  "Jun",  "Jul",  "Aug",  "Sep",   "Sept", "Oct",  "Nov",
    "Dec",  "Mon",  "Tue",   "Tues", "Wed",  "Thu",  "Thur", "Thurs", "Fri",  "Sat",  "Ala",
    "Ariz", "Ark",  "Calif", "Colo", "Conn", "Del",  "Fla",  "Ga",    "Ill",  "Ind",  "Kan",
    "Kans", "Ky",   "La",    "Md",   "Mass", "Mich", "Minn", "Miss",  "Mo",   "Mont", "Neb",
    "Nev",  "Okla", "Ore",   "Pa",   "Tenn", "Tex",  "Va",   "Wash"};

// Capitalized words that continue a clock time ("5 p.m. Eastern", "9 a.m. Monday").
constexpr std::string_view kTimeContinuations[] = {
    "ET",     "EST",     "EDT",       "CT",        "CST",      "CDT",      "MT",
    "MST",    "MDT",     "PT",        "PST",       "PDT",      "GMT",      "UTC",
    "BST",    "CET",     "CEST",      "AEST",      "IST",      "JST",      "HKT",
    "SGT",    "Eastern", "Central",   "Mountain",  "Pacific",  "Atlantic", "Greenwich",
    "Local",  "Monday",  "Tuesday",   "Wednesday", "Thursday", "Friday",   "Saturday",
    "Sunday", "January", "February",  "March",     "April",    "May",      "June",
    "July",   "August",  "September", "October",   "November", "December", "Z"};

// Words that typically open a sentence; after an ambiguous abbreviation they signal a boundary.
constexpr std::string_view kSentenceOpeners[] = {
    "I",      "He",       "She",       "It",       "We",      "They",      "You",   "There",
    "This",   "That",     "These",     "Those",    "The",     "A",         "An",    "My",
    "Our",    "Their",    "His",       "Her",      "Its",     "Your",      "But",   "And",
    "So",     "Yet",      "Or",        "Nor",      "However", "Meanwhile", "Still", "Then",
    "Now",    "Today",    "Yesterday", "Tomorrow", "What",    "When",      "Where", "Why",
    "Who",    "Whom",     "Whose",     "Which",    "How",     "Did",       "Do",    "Does",
    "Is",     "Are",      "Was",       "Were",     "Will",    "Would",     "Can",   "Could",
    "Should", "Shall",    "Might",     "Must",     "Has",     "Have",      "Had",   "If",
    "In",     "On",       "At",        "After",    "Before",  "As",        "For",   "From",
    "With",   "Although", "Though",    "While",    "Because", "Since",     "Some",  "Many",
    "Most",   "All",      "Each",      "Every",    "Not",     "Also",      "Even",  "Here",
    "Let",    "Please",   "Yes",       "Thanks",   "Instead", "Indeed",    "Later", "Finally"};

// Prepositions that open a fronted time or place phrase ("At 5 a.m.", "In the U.S.").
constexpr std::string_view kPrepositions[] = {
    "at",     "by",    "in",   "on",  "until",  "till",    "before", "after", "from",    "since",
    "around", "about", "near", "for", "during", "through", "under",  "over",  "between", "within"};

// "U.S", "e.g", "a.m", "U.S.A", "Ph.D": letters in groups of one or two, joined by dots.
bool is_dotted_acronym(std::string_view w) {
  if (w.find('.') == std::string_view::npos) return false;
  std::size_t run = 0;
  for (char c : w) {
    if (c == '.') {
      if (run == 0) return false;
      run = 0;
    } else if (is_alpha_ascii(c) && run < 2) {
      ++run;
    } else {
      return false;
    }
  }
  return run > 0;
}

struct Marker {
  std::string_view glyph;  // leading bullet glyph, may be empty
  std::string style;       // e.g. "1.", "1)", "1.)", "a.", "(a)"; empty for a bare bullet
  int value = 0;
};

// A list marker token: "•", "1.", "1)", "1.)", "(2)", "a.", "b)", "⁃9.".
std::optional<Marker> parse_marker(std::string_view t) {
  Marker m;
  m.glyph = bullet_prefix(t);
  t.remove_prefix(m.glyph.size());
  if (t.empty()) return m.glyph.empty() ? std::nullopt : std::optional<Marker>(m);
  std::string prefix;
  if (t.front() == '(') {
    prefix = "(";
    t.remove_prefix(1);
  }
  std::size_t digits = 0;
  while (digits < t.size() && is_digit(t[digits])) ++digits;
  bool letter = false;
  if (digits == 0) {
    if (t.empty() || !is_lower_ascii(t[0])) return std::nullopt;
    letter = true;
    m.value = t[0] - 'a';
    t.remove_prefix(1);
  } else {
    if (digits > 3) return std::nullopt;
    m.value = std::stoi(std::string(t.substr(0, digits)));
    t.remove_prefix(digits);
  }
  if (t != "." && t != ")" && t != ".)") return std::nullopt;
  if (prefix == "(" && t != ")") return std::nullopt;
  m.style = prefix + (letter ? "a" : "1") + std::string(t);
  return m;
}

// The next word opens a sentence: a capital letter, a digit or a bullet (after opening quotes).
bool starts_sentence(std::string_view next) {
  if (!bullet_prefix(next).empty()) return true;
  std::string_view w = strip_openers(next);
  if (w.empty()) return false;
  if (is_digit(w[0]) || is_upper_ascii(w[0])) return true;
  return static_cast<unsigned char>(w[0]) >= 0x80 && starts_with_uppercase(w);
}

bool is_title_word(std::string_view t) {
  std::string_view w = strip_closers(t);
  if (!w.ends_with('.')) return false;
  w.remove_suffix(1);
  return !w.empty() && is_upper_ascii(w[0]) && contains(kNeverEnd, lower_ascii(w));
}

// After an abbreviation that may or may not end the sentence: does `next` open a new one?
bool opener_follows(std::string_view next) {
  if (next.starts_with("\"") || next.starts_with("\u201C")) return true;
  if (is_title_word(next)) return true;
  std::string_view w = strip_openers(next);
  std::size_t cut = 0;
  while (cut < w.size() && is_alpha_ascii(w[cut])) ++cut;
  w = w.substr(0, cut);  // "They're" -> "They", "How?" -> "How"
  return contains(kSentenceOpeners, w);
}

struct Segmenter {
  std::string_view p;
  std::vector<Token> tok;
  std::vector<int> depth;            // per byte: how many closed (...) / [...] enclose it
  std::vector<std::size_t> dot_run;  // per token: first token of its run of lone "." tokens
  std::size_t sent_start = 0;

  bool in_brackets(std::size_t pos) const { return pos < depth.size() && depth[pos] > 0; }

  bool is_dot(std::size_t i) const { return strip_closers(tok[i].text) == "."; }

  bool fronted_phrase(std::size_t i) const {
    if (i - sent_start + 1 > 4) return false;
    return contains(kPrepositions, lower_ascii(strip_openers(tok[sent_start].text)));
  }

  bool leading_markers(std::size_t i) const {
    if (i - sent_start >= 2) return false;
    for (std::size_t k = sent_start; k <= i; ++k)
      if (!parse_marker(tok[k].text)) return false;
    return true;
  }

  // Spaced omission marks ". . ." (MLA): boundary rules for the gap after token i.
  std::optional<bool> spaced_dots(std::size_t i) const {
    std::string_view next = tok[i + 1].text;
    if (is_dot(i)) {
      std::size_t a = dot_run[i];
      if (is_dot(i + 1)) return false;
      // Three dots are an omission inside the sentence; a fourth is the full stop.
      if (i - a + 1 == 3) return false;
      return starts_sentence(next);
    }
    if (!is_dot(i + 1)) return std::nullopt;
    std::size_t b = i + 1;
    while (b + 1 < tok.size() && is_dot(b + 1)) ++b;
    std::string_view core = strip_closers(tok[i].text);
    // "compounds. . . . The": the word's own period ends it; ". . ." opens the next sentence.
    return b - i == 3 && core.ends_with('.') && b + 1 < tok.size() &&
           starts_sentence(tok[b + 1].text);
  }

  // German ordinals are written with a dot: "am 5. März", "den 2. Platz". A day number before a
  // German month name, or a short number after a German article or preposition, is no end.
  bool german_ordinal(std::size_t i, std::string_view w, std::string_view next) const {
    // Scale and number abbreviations before a noun: "3 Mrd. Euro", "Nr. 5", "ca. 500".
    static constexpr std::string_view kGermanAbbreviations[] = {
        "Mio", "Mrd", "Tsd", "Nr", "ca", "bzw", "vgl", "Prof", "inkl", "zzgl"};
    if (contains(kGermanAbbreviations, w)) return true;
    if (w.empty() || w.size() > 3 || !all_digits(w)) return false;
    static constexpr std::string_view kMonths[] = {
        "Januar", "Februar",   "M\u00e4rz", "April",    "Mai",      "Juni",       "Juli",
        "August", "September", "Oktober",   "November", "Dezember", "J\u00e4nner"};
    static constexpr std::string_view kBefore[] = {
        "am",   "im",    "vom",    "zum", "beim", "dem",   "den",   "der",  "die",
        "das",  "des",   "zur",    "ab",  "bis",  "seit",  "ein",   "eine", "einen",
        "sein", "seine", "seinen", "ihr", "ihre", "ihren", "jeden", "jede"};
    std::string_view nw = strip_openers(next);
    while (!nw.empty() && (nw.back() == ',' || nw.back() == '.')) nw.remove_suffix(1);
    if (w.size() <= 2 && contains(kMonths, nw)) return true;
    return i > 0 && contains(kBefore, lower_ascii(strip_openers(tok[i - 1].text)));
  }

  bool period_ends(std::size_t i, std::string_view core) const {
    std::string_view next = tok[i + 1].text;
    if (!starts_sentence(next)) return false;
    std::string_view w = strip_openers(core.substr(0, core.size() - 1));
    if (w.empty()) return true;
    if (w.find('@') != std::string_view::npos || w.find("://") != std::string_view::npos ||
        w.starts_with("www."))
      return true;
    std::string lw = lower_ascii(w);
    if (contains(kNeverEnd, lw)) return false;
    if (german_ordinal(i, w, next)) return false;
    bool number_next = is_digit(strip_openers(next).empty() ? ' ' : strip_openers(next)[0]);
    if (number_next && contains(kBeforeNumber, lw)) return false;
    // "It starts at 5 p.m. Officials said": after a clock time, a capitalized word opens a new
    // sentence unless it continues the time (a zone, a day, a month).
    if ((lw == "a.m" || lw == "p.m") && !number_next && i > 0 && !fronted_phrase(i) &&
        is_digit(strip_openers(tok[i - 1].text).empty() ? ' '
                                                        : strip_openers(tok[i - 1].text)[0])) {
      std::string_view nw = strip_openers(next);
      std::size_t cut = 0;
      while (cut < nw.size() && is_alpha_ascii(nw[cut])) ++cut;
      nw = nw.substr(0, cut);
      if (!nw.empty() && is_upper_ascii(nw[0]) && !contains(kTimeContinuations, nw) &&
          !contains(kMaybeEndCapital, nw))
        return true;
    }
    bool maybe = contains(kMaybeEndAnyCase, lw) || contains(kMaybeEndCapital, w) ||
                 is_dotted_acronym(w) || (w.size() == 1 && is_alpha_ascii(w[0]));
    if (maybe) return !number_next && opener_follows(next) && !fronted_phrase(i);
    return true;
  }

  bool ends_after(std::size_t i) const {
    if (in_brackets(tok[i].end)) return false;
    if (leading_markers(i)) return false;
    if (auto d = spaced_dots(i)) return *d;
    std::string_view core = strip_closers(tok[i].text);
    if (core.empty()) return false;
    std::string_view next = tok[i + 1].text;
    char last = core.back();
    if (last == '!' || last == '?') return starts_sentence(next);
    bool ellipsis = core.ends_with("\u2026") || core.ends_with("...");
    if (ellipsis) {
      // "[...]" marks an omission inside a quotation, never an end.
      std::string_view rest = core;
      while (!rest.empty() && (rest.front() == '[' || rest.front() == '(')) rest.remove_prefix(1);
      if (rest.size() < core.size() && (rest == "..." || rest == "\u2026")) return false;
      return starts_sentence(next);
    }
    if (last == '.') return period_ends(i, core);
    return false;
  }
};

// Fills s.depth (matched brackets only, so a stray ")" of "1)" encloses nothing) and s.dot_run.
void prepare(Segmenter& s) {
  std::vector<int> delta(s.p.size() + 1, 0);
  std::vector<std::pair<char, std::size_t>> open;
  for (std::size_t i = 0; i < s.p.size(); ++i) {
    char c = s.p[i];
    if (c == '(' || c == '[') {
      open.emplace_back(c, i);
    } else if ((c == ')' || c == ']') && !open.empty()) {
      char want = c == ')' ? '(' : '[';
      if (open.back().first == want) {
        ++delta[open.back().second + 1];
        --delta[i];
        open.pop_back();
      }
    }
  }
  s.depth.assign(s.p.size(), 0);
  int d = 0;
  for (std::size_t i = 0; i < s.p.size(); ++i) s.depth[i] = d += delta[i];
  s.dot_run.resize(s.tok.size());
  for (std::size_t i = 0; i < s.tok.size(); ++i)
    s.dot_run[i] = i > 0 && s.is_dot(i) && s.is_dot(i - 1) ? s.dot_run[i - 1] : i;
}

// Splits before each later marker of the list the paragraph opens with.
std::vector<bool> list_breaks(const std::vector<Token>& tok) {
  std::vector<bool> brk(tok.size(), false);
  auto first = parse_marker(tok[0].text);
  if (!first) return brk;
  if (!first->glyph.empty()) {
    for (std::size_t i = 1; i < tok.size(); ++i)
      if (tok[i].text.starts_with(first->glyph)) brk[i] = true;
    return brk;
  }
  int expected = first->value + 1;
  for (std::size_t i = 1; i + 1 < tok.size(); ++i) {
    auto m = parse_marker(tok[i].text);
    if (m && m->glyph.empty() && m->style == first->style && m->value == expected &&
        starts_sentence(tok[i + 1].text)) {
      brk[i] = true;
      ++expected;
    }
  }
  return brk;
}

// Tokens [from, to) of the paragraph, joined by single spaces.
std::string join(std::string_view p, const std::vector<Token>& tok, std::size_t from,
                 std::size_t to) {
  return fold_space(p.substr(tok[from].begin, tok[to - 1].end - tok[from].begin));
}

}  // namespace

std::vector<std::string> split_sentences(std::string_view paragraph) {
  Segmenter s;
  s.p = paragraph;
  s.tok = tokenize(paragraph);
  std::vector<std::string> out;
  if (s.tok.empty()) return out;
  prepare(s);
  std::vector<bool> brk = list_breaks(s.tok);
  for (std::size_t i = 0; i + 1 < s.tok.size(); ++i) {
    if (brk[i + 1] || s.ends_after(i)) {
      out.push_back(join(s.p, s.tok, s.sent_start, i + 1));
      s.sent_start = i + 1;
    }
  }
  out.push_back(join(s.p, s.tok, s.sent_start, s.tok.size()));
  return out;
}

}  // namespace briefcast
