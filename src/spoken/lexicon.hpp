#pragma once
// A voice's pronunciation lexicon applied to spoken text: the last step before eSpeak NG, after
// spoken-form normalization (which leaves the lexicon's words alone so the lexicon wins).

#include <string>
#include <utility>
#include <vector>

namespace briefcast {

// Applies the lexicon to one sentence: whole-word, case-sensitive replacements (the first entry
// that matches wins, so callers list longer entries first), words delimited by anything that is
// not a letter, digit, apostrophe or hyphen. A trailing '.' of an entry ("approx.") belongs to it.
std::string apply_lexicon(const std::string& sentence,
                          const std::vector<std::pair<std::string, std::string>>& lexicon);

}  // namespace briefcast
