#include <catch2/catch.hpp>
#include <iostream>

#include "scoring/scores.hpp"

using namespace briefcast::scoring;

TEST_CASE("normalization reads the NeMo cases as their spoken forms (>= 85% by phonemes)",
          "[normalize][score]") {
  auto corpus = find_corpus();
  if (!corpus) {
    WARN("corpus folder ../shared/corpus is absent: normalization score skipped");
    return;
  }
  auto score = score_normalization(*corpus);
  if (!score) {
    WARN("no normalization/nemo-*.txt in the corpus: normalization score skipped");
    return;
  }
  std::cout << format_score(*score) << "\n";
  REQUIRE(score->passed());
}
