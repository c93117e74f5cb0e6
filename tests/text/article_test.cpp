// The article model as `briefcast clean` prints it: title, blank lines between blocks, list items
// marked, and the block kinds' names.
#include "text/article.hpp"

#include <catch2/catch.hpp>

using namespace briefcast;

TEST_CASE("article: clean text is the title, then blocks separated by blank lines", "[text]") {
  Article a;
  a.title = "Harbour Ferry Returns";
  a.blocks = {{BlockKind::heading, "Monday", 0},
              {BlockKind::paragraph, "The ferry is back.", 22},
              {BlockKind::list_item, "1,200 passengers", 50},
              {BlockKind::list_item, "two crossings", 70},
              {BlockKind::quote, "It feels like home.", 90}};
  CHECK(render_clean_text(a) ==
        "Harbour Ferry Returns\n"
        "\n"
        "Monday\n"
        "\n"
        "The ferry is back.\n"
        "\n"
        "- 1,200 passengers\n"
        "\n"
        "- two crossings\n"
        "\n"
        "It feels like home.\n");
}

TEST_CASE("article: without a title the text starts with the first block", "[text]") {
  Article a;
  a.blocks = {{BlockKind::paragraph, "First.", 0}, {BlockKind::paragraph, "Second.", 8}};
  CHECK(render_clean_text(a) == "First.\n\nSecond.\n");
  a.blocks.clear();
  CHECK(render_clean_text(a) == "");
  a.title = "Only a title";
  CHECK(render_clean_text(a) == "Only a title\n");
}

TEST_CASE("article: block kinds by name", "[text]") {
  CHECK(std::string(to_string(BlockKind::heading)) == "heading");
  CHECK(std::string(to_string(BlockKind::paragraph)) == "paragraph");
  CHECK(std::string(to_string(BlockKind::list_item)) == "list_item");
  CHECK(std::string(to_string(BlockKind::quote)) == "quote");
}
