#pragma once
// The text blocks of an article out of the containers content selection chose: headings,
// paragraphs, list items and block quotes in reading order, with the boilerplate that sits
// inside articles left out (share bars, "related" lists, bylines, captions, link lists, image
// galleries, forms).

#include <string_view>
#include <vector>

#include "extract/content_selection.hpp"
#include "text/article.hpp"

namespace briefcast {

// Emits the blocks of `selection`'s containers, in order. Block text has entities decoded and
// whitespace folded; a paragraph ends at a double <br>, or at a single <br> after one of
// . ! ? : " ” (otherwise <br> is a space); table cells of a row are joined by a space; <img> is
// dropped. Block::kind is heading inside h1-h6, else quote inside <blockquote>, else list_item
// inside li/dd/dt, else paragraph.
//
// Block::source_offset is approximate: the byte offset in `page_utf8` (the UTF-8 text the tree
// was parsed from) of the first occurrence of the block's first word at or after the line its
// first text node starts on, searched at most 64 KiB ahead and never going backwards.
//
// Only reads the tree; the MarkupDocument behind `selection` must be alive. Iterative; throws
// only std::bad_alloc.
std::vector<Block> emit_blocks(const ContentSelection& selection, std::string_view page_utf8);

}  // namespace briefcast
