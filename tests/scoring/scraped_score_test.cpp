// Scraped-text cleaning against ../shared/corpus/scraped/*.expect.
#include <catch2/catch.hpp>
#include <iostream>

#include "scoring/scores.hpp"

using namespace briefcast::scoring;

TEST_CASE("scraped cleaning: every rule of the seed article holds", "[text][score]") {
  auto corpus = find_corpus();
  std::optional<Score> s = corpus ? score_scraped(*corpus) : std::nullopt;
  if (!s) {
    WARN("skipped: ../shared/corpus/scraped/*.expect is absent");
    return;
  }
  std::cout << format_score(*s) << "\n";
  REQUIRE(s->passed());
}
