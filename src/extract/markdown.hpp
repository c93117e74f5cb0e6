#pragma once
// Markdown (CommonMark's common subset, plus YAML front matter) -> Article (pure function).

#include <string_view>

#include "text/article.hpp"

namespace briefcast {

// Parses `utf8` as Markdown into an Article for speaking. Never throws; blocks are empty when
// the document holds no readable text (the caller decides whether that is an error).
//  - YAML front matter ("---" on the first line up to "---" or "..."): title, author (or the
//    first entry of an authors list), date, lang/language, canonical_url/url, site/site_name
//    become metadata; quotes around values are removed; other keys are ignored.
//  - Headings (ATX "# ..." and Setext underlined with === or ---) become heading blocks. The
//    first heading becomes the title when the front matter gives none; it is removed from the
//    body when it is the document's first block.
//  - Paragraph lines are joined with spaces; bullet ("-", "*", "+") and numbered ("1.", "1)")
//    items become list_item blocks (nested items too; task boxes "[ ]" / "[x]" removed);
//    "> " block quotes become quote blocks (their headings and items too).
//  - Inline: emphasis and strike-through markers removed; links give their text, never the URL;
//    images are dropped (alt text is rarely worth hearing); autolinks keep the address;
//    inline code keeps its text; backslash escapes resolved; inline HTML tags and footnote
//    references removed. Each block is finally tidied with tidy_unicode() (entities, quotes...).
//  - Skipped: fenced (``` / ~~~) and indented code blocks, HTML comments, HTML block tags,
//    thematic breaks, link reference definitions, footnote definitions, and tables (rows
//    between pipes with a "---|---" delimiter row); each skipped table adds a warning.
//  - Block::source_offset is the byte offset in `utf8` of the block's first line.
Article parse_markdown(std::string_view utf8);

}  // namespace briefcast
