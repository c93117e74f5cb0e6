#include "segmenter.hpp"

#include <catch2/catch.hpp>

using briefcast::split_sentences;
using V = std::vector<std::string>;

TEST_CASE("sentences end at terminal punctuation before a capital", "[text]") {
  CHECK(split_sentences("It rained. Then it stopped! Did it? Yes.") ==
        V{"It rained.", "Then it stopped!", "Did it?", "Yes."});
}

TEST_CASE("titles, initials and dotted abbreviations do not end a sentence", "[text]") {
  CHECK(split_sentences("Dr. Ada Moss met Gov. Reyes in the U.S. Capitol. J. R. Halloway spoke.") ==
        V{"Dr. Ada Moss met Gov. Reyes in the U.S. Capitol.", "J. R. Halloway spoke."});
}

TEST_CASE("decimals and lower-case continuations stay inside the sentence", "[text]") {
  CHECK(split_sentences("Prices rose 3.5 percent. shares of e.g. banks fell.") ==
        V{"Prices rose 3.5 percent. shares of e.g. banks fell."});
}

TEST_CASE("closing quotes and brackets belong to the sentence they close", "[text]") {
  CHECK(split_sentences("She said “it works.” Then she left. (It did.) Fine.") ==
        V{"She said “it works.”", "Then she left.", "(It did.)", "Fine."});
  CHECK(split_sentences("\"Go!\" he said. Done.") == V{"\"Go!\" he said.", "Done."});
}

TEST_CASE("an ellipsis before a capital ends a sentence", "[text]") {
  CHECK(split_sentences("We waited… Nothing came.") == V{"We waited…", "Nothing came."});
}

TEST_CASE("text without terminal punctuation is one sentence", "[text]") {
  CHECK(split_sentences("Headline without a full stop") == V{"Headline without a full stop"});
  CHECK(split_sentences("").empty());
}
