#pragma once
// Sentence segmentation of one paragraph of plain UTF-8 text (pure functions).
//
// Rules, in the spirit of the "Golden Rules" of sentence boundary detection (pySBD):
//  - A sentence ends after '.', '!', '?', "..." or "…" (with any closing quotes or brackets)
//    when the next word starts with a capital letter, a digit or an opening quote/bracket.
//  - Titles before names (Mr. Dr. Gov. Sen. Gen. Lt. Col. ...) and e.g. / i.e. / vs. never end a
//    sentence; No. p. Vol. approx. ... never end one before a number.
//  - Abbreviations that may end a sentence (Inc. Corp. Co. Jr. St. Mt. months, U.S., a.m./p.m.,
//    single-letter initials) end it only before a typical sentence opener ("He", "The", "How",
//    "Mr." ...), and not when what precedes is a short fronted phrase ("At 5 a.m. Mr. Smith").
//  - Decimals, URLs, e-mail addresses, "[...]" and spaced ". . ." omission marks never end a
//    sentence; a fourth spaced dot does. Nothing inside a closed (...) or [...] ends a sentence.
//  - A paragraph that starts with a list marker ("1.", "1)", "1.)", "a.", "•", "⁃9.") is split
//    before each following marker of the same series, even without final punctuation.

#include <string>
#include <string_view>
#include <vector>

namespace briefcast {

// Splits `paragraph` into sentences, in order, each trimmed with inner whitespace folded to
// single spaces. Empty or all-whitespace input gives an empty vector. Never throws.
std::vector<std::string> split_sentences(std::string_view paragraph);

}  // namespace briefcast
