// English ranges, scores and records written with a hyphen: "10-15" rises with "to", a score
// ("won 4-2", "beat Denver 108-97") by its context, "2022-23" as a season.
#include <set>
#include <string>

#include "spoken/number_words.hpp"
#include "spoken/spoken_en.hpp"

namespace briefcast::spoken::en {

namespace {

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

}  // namespace

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

}  // namespace briefcast::spoken::en
