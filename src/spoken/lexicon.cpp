#include "spoken/lexicon.hpp"

#include <cctype>

namespace briefcast {

namespace {

bool is_word_char(unsigned char c) { return std::isalnum(c) || c == '\'' || c == '-' || c >= 0x80; }

}  // namespace

std::string apply_lexicon(const std::string& s,
                          const std::vector<std::pair<std::string, std::string>>& lexicon) {
  if (lexicon.empty()) return s;
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    bool at_word_start = i == 0 || !is_word_char(static_cast<unsigned char>(s[i - 1]));
    bool matched = false;
    if (at_word_start) {
      for (auto& [word, say] : lexicon) {
        if (s.compare(i, word.size(), word) != 0) continue;
        std::size_t end = i + word.size();
        // A trailing '.' of an abbreviation entry is part of the word; otherwise the next
        // character must not continue the word.
        if (end < s.size() && is_word_char(static_cast<unsigned char>(s[end])) &&
            word.back() != '.')
          continue;
        out += say;
        i = end;
        matched = true;
        break;
      }
    }
    if (!matched) out += s[i++];
  }
  return out;
}

}  // namespace briefcast
