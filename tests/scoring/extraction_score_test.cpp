// The text front end's extraction target: mean F1 over the article-extraction-benchmark pages
// in ../shared/corpus/extraction (see tests/scoring/extraction_score.cpp for how it is scored).

#include <catch2/catch.hpp>
#include <iostream>

#include "scoring/scores.hpp"

using namespace briefcast::scoring;

TEST_CASE("HTML extraction reaches F1 >= 0.93 on the benchmark pages", "[html][score]") {
  const auto corpus = find_corpus();
  if (!corpus) {
    WARN("corpus folder ../shared/corpus is absent: extraction score skipped");
    return;
  }
  const auto score = score_extraction(*corpus);
  if (!score) {
    WARN("corpus has no extraction/ground-truth.json: extraction score skipped");
    return;
  }
  std::cout << format_score(*score) << '\n';
  INFO(format_score(*score));
  REQUIRE(score->passed());
}
