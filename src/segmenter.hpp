#pragma once
// Sentence segmentation of one paragraph of plain text (pure function).
//
// A sentence ends at '.', '!', '?' or '…' (plus any closing quotes or brackets) followed by
// whitespace and a capital letter, digit or opening quote — except after a known abbreviation or
// a single-letter initial. This is deliberately small; the text front end replaces it.

#include <string>
#include <string_view>
#include <vector>

namespace briefcast {

std::vector<std::string> split_sentences(std::string_view paragraph);

}  // namespace briefcast
