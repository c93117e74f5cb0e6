#include "text/language_guess.hpp"

#include <array>
#include <map>
#include <set>

#include "base/strings.hpp"

namespace briefcast {

namespace {

struct Language {
  const char* code;
  std::set<std::string_view> words;  // lower-case; words several languages share count for each
};

const std::array<Language, 7>& languages() {
  static const std::array<Language, 7> all = {{
      {"en", {"the",  "and",  "of",    "to",    "is",    "was",  "that",  "with", "for", "said",
              "have", "are",  "it",    "this",  "from",  "by",   "on",    "were", "has", "be",
              "but",  "they", "which", "after", "would", "will", "their", "been"}},
      {"de", {"der",  "die",  "und",  "das", "ist",  "nicht", "mit",    "den",  "dem",  "ein",
              "eine", "sich", "auch", "auf", "für",  "wurde", "werden", "bei",  "nach", "sind",
              "zu",   "im",   "von",  "hat", "wird", "des",   "einen",  "einer"}},
      {"fr", {"le",  "les",  "et",   "des", "est",  "une", "dans", "pour", "qui",   "que",
              "pas", "du",   "au",   "sur", "avec", "ont", "été",  "ce",   "cette", "aux",
              "il",  "elle", "sont", "par", "mais", "la",  "un",   "plus"}},
      {"es", {"el",   "los",  "las",  "y",     "del",   "es",   "una", "por",  "con", "para",
              "que",  "se",   "su",   "al",    "fue",   "como", "más", "pero", "sus", "ha",
              "está", "este", "esta", "entre", "sobre", "la",   "un",  "lo"}},
      {"pt", {"o",   "os",   "as",     "do",  "da",  "dos", "das", "não",  "uma",  "um",
              "com", "para", "que",    "em",  "no",  "na",  "foi", "mais", "pelo", "pela",
              "ao",  "são",  "também", "seu", "sua", "é",   "ele", "ela"}},
      {"it", {"il", "gli",    "della", "delle", "che", "non",   "una",   "di",  "per",  "con",
              "è",  "sono",   "nel",   "nella", "del", "degli", "anche", "dei", "alla", "più",
              "ha", "questo", "stato", "un",    "le",  "la",    "al",    "si"}},
      {"nl", {"de",  "het",  "een",  "van", "en",  "is",   "dat",   "niet", "met",  "voor",
              "op",  "zijn", "werd", "ook", "bij", "naar", "wordt", "deze", "maar", "heeft",
              "uit", "om",   "nog",  "te",  "die", "er",   "aan",   "hij"}},
  }};
  return all;
}

// Lower-cases ASCII and the capitals of Latin-1 (À..Þ, C3 80..9E -> C3 A0..BE).
std::string lower_word(std::string_view w) {
  std::string s = lower_ascii(w);
  for (std::size_t i = 0; i + 1 < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) == 0xC3 && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9E)
      s[i + 1] = static_cast<char>(static_cast<unsigned char>(s[i + 1]) + 0x20);
  return s;
}

}  // namespace

std::string guess_language(std::string_view text) {
  std::map<std::string, int> score;
  std::size_t words = 0;
  std::size_t i = 0;
  while (i < text.size() && words < 5000) {
    // A word: ASCII letters and any non-ASCII bytes (accented letters); apostrophes split
    // ("l'économie" -> "l", "économie").
    while (i < text.size() && !is_alpha_ascii(text[i]) &&
           static_cast<unsigned char>(text[i]) < 0x80)
      ++i;
    std::size_t start = i;
    while (i < text.size() &&
           (is_alpha_ascii(text[i]) || static_cast<unsigned char>(text[i]) >= 0x80))
      ++i;
    if (start == i) continue;
    ++words;
    const std::string w = lower_word(text.substr(start, i - start));
    for (const auto& l : languages())
      if (l.words.count(w)) ++score[l.code];
  }
  std::string best;
  int top = 0, second = 0;
  for (const auto& [code, n] : score) {
    if (n > top) {
      second = top;
      top = n;
      best = code;
    } else if (n > second) {
      second = n;
    }
  }
  // Two shared words make no language; the winner must clearly lead.
  if (top < 2 || top * 4 < second * 5) return "";
  return best;
}

}  // namespace briefcast
