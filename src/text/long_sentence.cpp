#include "text/long_sentence.hpp"

#include <algorithm>
#include <iterator>

#include "base/strings.hpp"

namespace briefcast {

namespace {

constexpr std::string_view kConjunctions[] = {
    "and",     "but",      "or",     "nor",  "yet",   "so",  "because", "which", "while",
    "whereas", "although", "though", "when", "where", "who", "whose",   "unless"};

bool is_dash_token(std::string_view t) {
  return t == "-" || t == "--" || t == "\u2013" || t == "\u2014";
}

// Words between the comma before `p` (or the start) and `p`, and between `p` and the next comma
// (or the end): both short means the comma at `p` separates the items of a list.
bool inside_list(std::string_view s, std::size_t p) {
  auto words = [](std::string_view t) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : t) {
      if (c == ' ') {
        in_word = false;
      } else if (!in_word) {
        in_word = true;
        ++n;
      }
    }
    return n;
  };
  std::size_t before_start = s.rfind(',', p > 0 ? p - 2 : 0);
  before_start = before_start == std::string_view::npos || before_start >= p ? 0 : before_start + 1;
  std::size_t after_end = s.find(',', p + 1);
  if (after_end == std::string_view::npos) after_end = s.size();
  std::string_view before = s.substr(before_start, p - before_start);
  std::string_view after = s.substr(p + 1, after_end - p - 1);
  // "..., and pineapples": the last item counts without its conjunction.
  std::size_t a = words(after);
  if (after.starts_with("and ") || after.starts_with("or ")) --a;
  return words(before) <= 3 && a <= 3 && before_start > 0;
}

}  // namespace

std::vector<std::string> split_long_sentence(std::string_view sentence, std::size_t max_bytes) {
  const std::size_t limit = std::max<std::size_t>(max_bytes, 16);
  const std::string folded = fold_space(sentence);
  std::vector<std::string> out;
  std::string_view rest = folded;
  while (rest.size() > limit) {
    // Best break: the space (at most `limit` bytes in) with the highest rank, latest on ties.
    std::size_t best = std::string_view::npos;
    int best_rank = -1;
    bool list = false;           // a comma inside a list was passed over
    std::size_t word_start = 0;  // start of the word before the space at p
    for (std::size_t p = 1; p < rest.size() && p <= limit; ++p) {
      if (rest[p] != ' ') continue;
      std::string_view before = rest.substr(word_start, p - word_start);
      std::size_t next_end = rest.find(' ', p + 1);
      std::string_view after = rest.substr(
          p + 1, next_end == std::string_view::npos ? std::string_view::npos : next_end - p - 1);
      word_start = p + 1;
      int rank = 0;
      if (before.ends_with(';'))
        rank = 5;
      else if (before.ends_with(':'))
        rank = 4;
      else if (is_dash_token(before))
        rank = 3;
      else if (before.ends_with(','))
        rank = inside_list(rest, p - 1) ? 0 : 2;
      else if (std::ranges::find(kConjunctions, lower_ascii(after)) != std::end(kConjunctions))
        rank = 1;
      if (before.ends_with(',') && rank == 0) list = true;
      if (rank > 0 && p < limit / 3) rank = 0;  // too short a breath to be worth it
      if (rank >= best_rank) {
        best_rank = rank;
        best = p;
      }
    }
    // A list with no clause break within reach is read whole rather than cut between items
    // (up to twice the limit).
    if (list && best_rank == 0 && rest.size() <= 2 * limit) break;
    std::string_view piece;
    if (best == std::string_view::npos) {  // one huge word: cut at a character boundary
      std::size_t cut = limit;
      while (cut > 1 && is_utf8_continuation(rest[cut])) --cut;
      piece = rest.substr(0, cut);
      rest.remove_prefix(cut);
    } else {
      piece = rest.substr(0, best);
      rest.remove_prefix(best + 1);
      std::size_t last = piece.rfind(' ');
      if (last != std::string_view::npos && is_dash_token(piece.substr(last + 1)))
        piece = piece.substr(0, last);  // the pause replaces the dash
    }
    if (!piece.empty()) out.emplace_back(piece);
  }
  if (!rest.empty()) out.emplace_back(rest);
  return out;
}

}  // namespace briefcast
