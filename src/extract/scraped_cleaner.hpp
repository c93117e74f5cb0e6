#pragma once
// Plain text saved by a scraper or copied from a browser -> Article (pure function).
//
// Such text carries the page's furniture between and around the story: the title repeated,
// comment counters, breadcrumbs, share buttons, comment forms, author boxes, newsletter prompts,
// "Previous/Next article" links, tag lists, "Advertisement" and copyright lines.

#include <string_view>

#include "text/article.hpp"

namespace briefcast {

// Cleans `utf8_text` into an Article. Never throws; the result's blocks are empty when nothing
// readable is left (the caller decides whether that is an error).
//  - Every line is tidied with tidy_unicode(Typography::keep) first (entities, bullets, emoji;
//    the article's quotes and dashes stay as written).
//  - Blocks are separated by blank lines. Inside a block, a line break joins two lines of the
//    same paragraph (hard-wrapped text) unless the first line is short (< 40 bytes, so a title,
//    label or list line), or the next line opens a bulleted or numbered item; then the lines
//    become separate blocks.
//  - Title: the first line when it looks like one (at most 25 words and 250 bytes, no final
//    period or colon). Later blocks equal to the title (ignoring case and punctuation) are dropped.
//  - Metadata, not body: a byline ("By Jane Doe", "Written by ...", "Author: ...", "An AFP
//    report") sets Article::author; photo credits ("Photo: ...", "Image credit ...") are removed
//    (recorded in Article::dropped); a line holding only a date
//    ("May 2, 2024", "Published: 2024-05-02 10:30") sets Article::date as YYYY-MM-DD.
//  - Plain text is spoken as written: the boilerplate rules below run only when the text shows
//    the signs of a scrape (shows_scrape_signs). Bylines, date lines and photo credits are
//    always metadata. Every line left out is recorded in Article::dropped with its reason.
//  - Never emptied: when every line would be dropped (a one-line input, "Title\n\n2012"), all
//    lines after the title are the body; a single line is the body and, when it looks like one,
//    the title as well.
//  - Dropped boilerplate (whole short blocks): lone counters ("0", "12 Comments"), breadcrumbs
//    ("Home > News > ..."), share/like/print lines, comment forms ("Leave a Reply", "Your email
//    address will not be published", "Name *", "Post Comment", ...), author-box headings ("About
//    the author", "View all posts by ..."), newsletter prompts, "Previous/Next article ...",
//    tag lists ("Tags: ..."), "Advertisement", copyright lines ("© 2024 ...", "All rights
//    reserved"). After a comment form, an author box or a "Related articles" heading, short
//    blocks (headline lists, bios) are dropped too.
//  - Conservative: a block with three or more sentences or more than 25 words is always kept,
//    whatever it starts with (only an exact repeat of the title is removed).
//  - Block kinds: lines opened by a bullet or "1." / "1)" become list_item (marker removed); a
//    short line without final punctuation followed by a longer paragraph becomes a heading;
//    everything else is a paragraph. Block::source_offset is the byte offset of the block's
//    first line in `utf8_text`.
Article clean_scraped_text(std::string_view utf8_text);

// True when the text carries a page's furniture: the first line repeated later, a comment-form,
// author-box or related-links heading, or at least two short boilerplate lines (share rows,
// counters, cookie and newsletter prompts).
bool shows_scrape_signs(std::string_view utf8_text);

}  // namespace briefcast
