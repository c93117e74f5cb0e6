#pragma once
// The article model every text front-end stage produces and consumes: what cleaning an input
// (plain text, scraped page, Markdown, HTML) yields, before normalization to spoken form.

#include <cstddef>
#include <string>
#include <vector>

namespace briefcast {

// How a block of the article is spoken: the audio stage pauses longer around headings.
enum class BlockKind { heading, paragraph, list_item, quote };

// One block of body text, whitespace folded, UTF-8, in the article's own words.
struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string text;
  std::size_t source_offset = 0;  // byte offset of the block's start in the (UTF-8) input
};

// A line of the input that cleaning left out of the body (boilerplate, a byline, a date line),
// so a user can see what was not spoken (`--verbose`).
struct DroppedLine {
  std::size_t line = 0;  // 1-based line number in the input; 0: a block of a page
  std::string text;      // the line as tidied
  std::string reason;    // e.g. "repeats the title", "boilerplate", "byline (author)"
};

// A cleaned article. Metadata fields are empty when the input does not carry them.
struct Article {
  std::string title;          // without site-name suffix
  std::string author;         // byline, e.g. "Jane Doe"
  std::string date;           // as published; ISO 8601 (YYYY-MM-DD...) when known
  std::string language;       // BCP 47, e.g. "en" or "en-US"
  std::string canonical_url;  // absolute URL
  std::string site_name;
  std::vector<Block> blocks;          // body, in reading order; never empty for a valid article
  std::vector<std::string> warnings;  // best-effort repairs worth telling the user about
  std::vector<DroppedLine> dropped;   // input lines left out of the body, in input order
};

const char* to_string(BlockKind kind);  // "heading", "paragraph", "list_item", "quote"

// The article as readable plain text (what `briefcast clean` prints): the title (when not
// empty), a blank line, then each block's text, blocks separated by blank lines; list items are
// prefixed "- ". Ends with one newline; an article with no title and no blocks gives "". A
// title equal to the first block's text (a one-paragraph input) is printed once.
std::string render_clean_text(const Article& article);

}  // namespace briefcast
