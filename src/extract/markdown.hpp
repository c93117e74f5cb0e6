#pragma once
// Markdown -> Article (pure function), parsed by cmark-gfm: CommonMark with GitHub's tables,
// autolinks, strike-through, task lists and footnotes; plus YAML front matter. Only this
// module includes the cmark-gfm headers.

#include <string_view>

#include "text/article.hpp"

namespace briefcast {

// Parses `utf8` as Markdown into an Article for speaking. Never throws; blocks are empty when
// the document holds no readable text (the caller decides whether that is an error).
//  - YAML front matter ("---" on the first line up to "---" or "..."): title, author (or the
//    first entry of an authors list), date, lang/language, canonical_url/url, site/site_name
//    become metadata; quotes around values are removed; other keys are ignored.
//  - Headings (ATX and Setext) become heading blocks. When the front matter gives no title and
//    the document's first block is a heading, that heading is the title and leaves the body
//    (unless it is the only block). A later heading is never the title.
//  - Paragraphs become paragraph blocks (soft and hard line breaks as spaces); the paragraphs
//    of list items (bullets, numbers, nested, task boxes removed) list_item blocks; anything
//    inside a block quote quote blocks.
//  - Inline: emphasis and strike-through give their text; links give their text, never the
//    URL; images and footnote references are dropped; autolinks keep the address ("mailto:"
//    removed); code spans keep their text; entities and backslash escapes resolved; inline
//    HTML becomes a space. Each block is tidied with tidy_unicode(Typography::keep).
//  - Skipped: code blocks, HTML blocks, thematic breaks, link reference and footnote
//    definitions, and tables (each skipped table adds a warning "skipped N table(s)").
//  - Block::source_offset is the byte offset in `utf8` of the block's first line.
Article parse_markdown(std::string_view utf8);

}  // namespace briefcast
