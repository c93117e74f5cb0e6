#pragma once
// Breaking a sentence too long to say in one breath into pieces at its natural pauses, so the
// speech engine can pause where a newsreader would (pure function). Sentences come from
// split_sentences (segmenter.hpp).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace briefcast {

// Splits a sentence longer than `max_bytes` into pieces of at most `max_bytes` bytes where
// possible, so the speech engine can pause for breath: preferring "; " then ": " then a spaced
// dash, then ", ", then before a conjunction ("and", "but", "which", "because", ...), then any
// space; a piece with no space at all is cut at a UTF-8 character boundary. Punctuation stays
// with the piece it ends; numbers like 1,000 or 3.5 are never split (they hold no space).
// Pieces are trimmed; a sentence within the limit comes back as the single piece; empty input
// gives an empty vector. `max_bytes` below 16 is treated as 16. Never throws.
std::vector<std::string> split_long_sentence(std::string_view sentence,
                                             std::size_t max_bytes = 300);

}  // namespace briefcast
