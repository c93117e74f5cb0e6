#pragma once
// Text inside feeds, between plain text and HTML: feeds put HTML where a title should be plain
// and plain text where the reader expects HTML. Pure functions; nothing here throws but
// std::bad_alloc.

#include <string>

namespace briefcast {

// The text of an HTML fragment with tags removed, character references decoded (the five XML
// ones, numeric ones, &nbsp; and a few common named ones) and whitespace folded. Good enough to
// measure or title; the real HTML extraction is the text front end's job.
std::string html_to_plain_text(const std::string& html);

// Plain text as HTML: each blank-line-separated paragraph, trimmed and escaped, becomes a
// "<p>...</p>\n"; empty paragraphs are left out.
std::string text_to_html(const std::string& text);

}  // namespace briefcast
