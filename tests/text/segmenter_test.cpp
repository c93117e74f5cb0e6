#include "text/segmenter.hpp"

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

TEST_CASE("titles before names never end a sentence", "[text]") {
  CHECK(split_sentences("Lt. Col. Ames met Sen. Ruiz and Gen. Park. They talked.") ==
        V{"Lt. Col. Ames met Sen. Ruiz and Gen. Park.", "They talked."});
  CHECK(split_sentences("The case Roe vs. Wade came up, e.g. Texas laws. It mattered.") ==
        V{"The case Roe vs. Wade came up, e.g. Texas laws.", "It mattered."});
}

TEST_CASE("number abbreviations stay before a number", "[text]") {
  CHECK(split_sentences("See No. 5 and p. 12 in Vol. 3. Then rest.") ==
        V{"See No. 5 and p. 12 in Vol. 3.", "Then rest."});
  CHECK(split_sentences("It weighs approx. 5 kg. That is heavy.") ==
        V{"It weighs approx. 5 kg.", "That is heavy."});
}

TEST_CASE("ambiguous abbreviations end a sentence only before a sentence opener", "[text]") {
  CHECK(split_sentences("He joined Acme Corp. The firm grew.") ==
        V{"He joined Acme Corp.", "The firm grew."});
  CHECK(split_sentences("Acme Inc. Chairman Lee spoke.") == V{"Acme Inc. Chairman Lee spoke."});
  CHECK(split_sentences("It opened in Sept. 2019 and closed in Jan. It reopened.") ==
        V{"It opened in Sept. 2019 and closed in Jan.", "It reopened."});
  CHECK(split_sentences("I live in the U.S. How about you?") ==
        V{"I live in the U.S.", "How about you?"});
  CHECK(split_sentences("I work for the U.S. Government.") == V{"I work for the U.S. Government."});
}

TEST_CASE("a.m. and p.m. end a sentence unless a short fronted phrase precedes", "[text]") {
  CHECK(split_sentences("At 5 a.m. Mr. Smith left. He came back at 6 p.m. Mr. Smith slept.") ==
        V{"At 5 a.m. Mr. Smith left.", "He came back at 6 p.m.", "Mr. Smith slept."});
}

TEST_CASE("initials stay, the pronoun I can end a sentence", "[text]") {
  CHECK(split_sentences("We met, you and I. Did you see Albert I. Jones?") ==
        V{"We met, you and I.", "Did you see Albert I. Jones?"});
}

TEST_CASE("URLs, e-mail addresses and money do not split inside", "[text]") {
  CHECK(split_sentences("Write to jane.doe@example.com. Visit www.example.co.uk/a.b today. "
                        "It costs $1,000.50. Cheap.") == V{"Write to jane.doe@example.com.",
                                                           "Visit www.example.co.uk/a.b today.",
                                                           "It costs $1,000.50.", "Cheap."});
}

TEST_CASE("repeated terminal marks and lower-case continuations", "[text]") {
  CHECK(split_sentences("Hello?! Who is there?? Yahoo! in town.") ==
        V{"Hello?!", "Who is there??", "Yahoo! in town."});
}

TEST_CASE("a closed parenthesis holds its sentences", "[text]") {
  CHECK(split_sentences("He works (He was an engineer. Now not.) at home. Fine.") ==
        V{"He works (He was an engineer. Now not.) at home.", "Fine."});
  // An unmatched bracket does not swallow the rest of the paragraph.
  CHECK(split_sentences("Item 1) is here. Next one.") == V{"Item 1) is here.", "Next one."});
}

TEST_CASE("ellipses: omission marks stay, a fourth dot ends the sentence", "[text]") {
  CHECK(split_sentences("It was . . . I mean it. Fine.") == V{"It was . . . I mean it.", "Fine."});
  CHECK(split_sentences("He stopped . . . . Then he left.") ==
        V{"He stopped . . . .", "Then he left."});
  CHECK(split_sentences("It ended. . . . Then more came.") ==
        V{"It ended.", ". . . Then more came."});
  CHECK(split_sentences("\"Bohr [...] used stairs [...]\" (Smith 55).") ==
        V{"\"Bohr [...] used stairs [...]\" (Smith 55)."});
  CHECK(split_sentences("I never meant that.... She left.") ==
        V{"I never meant that....", "She left."});
}

TEST_CASE("numbered, lettered and bulleted lists split before each marker", "[text]") {
  CHECK(split_sentences("1) Buy milk 2) Pay rent 3) Call home") ==
        V{"1) Buy milk", "2) Pay rent", "3) Call home"});
  CHECK(split_sentences("1. The first. 2. The second.") == V{"1. The first.", "2. The second."});
  CHECK(split_sentences("a. Apples b. Pears") == V{"a. Apples", "b. Pears"});
  CHECK(split_sentences("\u2022 9. Nine \u2022 10. Ten") == V{"\u2022 9. Nine", "\u2022 10. Ten"});
  // A number that is not the next in the series is ordinary text.
  CHECK(split_sentences("1. Buy 5 apples at 2 shops") == V{"1. Buy 5 apples at 2 shops"});
}

TEST_CASE("whitespace inside sentences is folded", "[text]") {
  CHECK(split_sentences("  One\n two.\tThree  ") == V{"One two.", "Three"});
}

TEST_CASE("pathological paragraphs stay fast enough to finish", "[text]") {
  std::string parens, dots, brackets;
  for (int i = 0; i < 20000; ++i) {
    parens += "(a. The ";
    dots += ". ";
    brackets += "[x.) Y. ";
  }
  CHECK(split_sentences(parens).size() == 20001);  // "(a.", then "The (a." ..., then "The"
  CHECK(split_sentences(dots).size() == 1);
  CHECK_FALSE(split_sentences(brackets).empty());
}
