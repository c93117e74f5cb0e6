#pragma once
// Markdown inline content (CommonMark's common subset) → the plain text a listener should hear.
// The block structure (paragraphs, headings, lists, quotes, what is skipped) is markdown.hpp's;
// this renders the text of one block. A pure function over strings; never throws (except
// std::bad_alloc).
//
// What is spoken:
//  - emphasis and strike-through markers ("*", "**", "_", "~~") are removed when they open or
//    close emphasis; "_" inside a word (snake_case), "*" between digits (2*3) and a lone "~" stay;
//  - a link gives its text, never its URL: "[text](url)", "[text][ref]", "[text][]", and
//    "[ref]" when `ref` is a defined reference label; footnote references "[^1]" vanish;
//  - images "![alt](src)" are dropped, with the space before them when punctuation follows;
//  - autolinks "<https://...>" and "<a@b.c>" keep the address ("mailto:" removed); inline HTML
//    tags become a space; any other '<' is kept;
//  - code spans keep their text without the backticks; backslash escapes of ASCII punctuation
//    give the character.
// Bounded work on hostile input: a bracket is matched within 2048 bytes, a code span closes
// within 4096, and brackets nested deeper than 32 are kept as written.
// Unicode tidying (quotes, entities, spaces) is not done here; parse_markdown does it after.

#include <set>
#include <string>
#include <string_view>

namespace briefcast {

// Markdown's blanks: space and tab (CommonMark), and for trimming also the carriage return a
// CRLF file leaves at the end of a line: trim(s, kMarkdownBlanks).
constexpr bool is_markdown_blank(char c) { return c == ' ' || c == '\t'; }
inline constexpr std::string_view kMarkdownBlanks = " \t\r";

// The key a link reference label is matched by: ASCII letters lower-cased, e.g. "Docs" → "docs".
std::string markdown_label(std::string_view label);

// Renders one block's inline source (its lines already joined with spaces). `reference_labels`
// holds markdown_label() of every "[label]: url" definition in the document.
std::string render_markdown_inline(std::string_view text,
                                   const std::set<std::string>& reference_labels = {});

}  // namespace briefcast
