#pragma once
// The language of a text that does not declare one: counts each language's commonest short
// words (articles, prepositions, auxiliaries) among the text's words.

#include <string>
#include <string_view>

namespace briefcast {

// "en", "de", "fr", "es", "pt", "it" or "nl"; "" when fewer than two such words are found or
// two languages score too close to call. Reads at most the first 5,000 words. Never throws.
std::string guess_language(std::string_view utf8_text);

}  // namespace briefcast
