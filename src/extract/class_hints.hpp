#pragma once
// Judging HTML elements by their tag and by the words in their class and id attributes: the
// vocabulary readability and trafilatura share ("article", "content", "post" mark content;
// "comment", "share", "related", "sidebar", "promo" mark boilerplate).
//
// Pure functions over tag names, strings and elements; nothing here throws except
// std::bad_alloc.

#include <initializer_list>
#include <string>
#include <string_view>

#include "markup/markup_tree.hpp"

namespace briefcast {

// `s` equals one of `list`.
bool one_of(std::string_view s, std::initializer_list<std::string_view> list);

// h1 ... h6.
bool is_heading_tag(std::string_view tag);

// Elements that start a new block of text (p, div, li, h1, table, td, blockquote...).
bool is_block_tag(std::string_view tag);

// The element's class and id attributes, lower-cased, joined by one space (" " when it has
// neither).
std::string class_and_id(const MarkupNode& element);

// A container that looks like boilerplate by `class_and_id` ("sidebar", "comment", "cookie"...)
// with no word that could also mean content ("article", "main", "post"...).
bool is_unlikely_hint(std::string_view class_and_id);

// Small boilerplate inside an article by `class_and_id` (share bars, bylines, "related" boxes,
// captions), again unless a content word is present.
bool is_share_hint(std::string_view class_and_id);

// Score adjustment from class and id: -25 for each of the two attributes holding a negative
// word, +25 for each holding a positive word, +50 for itemprop="articleBody".
int class_weight(const MarkupNode& element);

}  // namespace briefcast
