// Sentence segmentation against the Golden Rules corpus (../shared/corpus/segmentation).
#include <catch2/catch.hpp>
#include <iostream>

#include "scoring/scores.hpp"

using namespace briefcast::scoring;

TEST_CASE("segmentation: golden rules score at least 46 of 48", "[text][score]") {
  auto corpus = find_corpus();
  std::optional<Score> s = corpus ? score_segmentation(*corpus) : std::nullopt;
  if (!s) {
    WARN("skipped: ../shared/corpus/segmentation/golden-rules-en.json is absent");
    return;
  }
  std::cout << format_score(*s) << "\n";
  REQUIRE(s->passed());
}
