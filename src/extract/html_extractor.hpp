#pragma once
// HTML page -> Article: the main text of a news or blog page without its navigation, ads, share
// buttons, comments and related-story lists, plus the metadata the page declares about itself.
//
// The main content is found the way readability and trafilatura do it: paragraphs vote for the
// containers they sit in (text length, commas), votes are discounted by link density and by
// class/id hints ("article", "content", "post" raise a container; "comment", "share", "related",
// "sidebar", "promo" lower it), the best container is taken with the siblings that score close to
// it, and inside it lists, tables and divs that look like boilerplate are dropped.
//
// Metadata come from <meta> tags (Open Graph, Dublin Core, parse.ly...), <link rel=canonical>,
// <html lang> and JSON-LD (<script type="application/ld+json"> NewsArticle/Article/BlogPosting);
// broken JSON-LD is ignored.

#include <string>
#include <string_view>

#include "text/article.hpp"

namespace briefcast {

// Extracts the article in `html_bytes`, a whole HTML document in any charset (see
// sniff_html_charset in text_encoding.hpp; `declared_charset`, e.g. from an HTTP Content-Type
// header, outranks <meta charset>). `name` (file or URL) is used in messages only.
//
// The result has:
//  - blocks: headings, paragraphs, list items and block quotes in reading order, text with
//    entities decoded and whitespace folded; a paragraph ends at a double <br>, or at a single
//    <br> after sentence-ending punctuation, otherwise <br> is a space. The page title is not
//    repeated as a first heading. Block::source_offset is approximate (the first occurrence of
//    the block's first word at or after its source line, in the UTF-8 text of the page).
//  - title without the site-name suffix (" | Site", " - Site"); author; date (ISO 8601 when the
//    page gives a recognizable date); language (BCP 47); canonical_url; site_name.
//  - warnings: charset repairs, each prefixed with 'name': .
//
// Bounded on hostile input: nesting of any depth is walked without recursion, and memory is a
// small multiple of the input size.
// Throws Error(ExitCode::input, "'<name>': no article text found") when the page has no body text,
// and Error(ExitCode::input) when it is larger than 1 GiB (or 2 GiB once converted to UTF-8).
//
// The stages behind it: markup_tree.hpp (parsing), page_metadata.hpp, content_selection.hpp and
// block_emitter.hpp.
Article extract_html(std::string_view html_bytes, const std::string& name,
                     std::string_view declared_charset = {});

}  // namespace briefcast
