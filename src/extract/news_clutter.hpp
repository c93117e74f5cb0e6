#pragma once
// What news pages of every format put between a story's sentences that a listener should not
// hear: wire-service furniture lines and inline pointers to other media. Pure functions over
// tidied UTF-8 text; nothing here throws but std::bad_alloc.

#include <optional>
#include <string>
#include <string_view>

namespace briefcast {

// The reason a whole block is furniture, or nullopt when it is story text:
//  - "reading prompt": "Continue reading the main story", "Story continues below", "Read more",
//    "Click here to ...", "Download the app", "Sign up for ...";
//  - "credit line": "Reporting by X; Editing by Y", "X contributed to this report.", "Additional
//    reporting by X", "Compiled by X", "Follow AP's full coverage of ...", an agency's name
//    alone ("Reuters");
//  - "media caption": "Image 1 of 4", "(Graphic: ...)" alone, "Photo: ..."/"Main image credit: ..."
//    lines, "(Getty Images)", screen-reader labels "Image copyright EPA", "Image caption ...";
//  - "byline": "By Jane Doe and John Roe", "By Reuters", "Jane Doe · 3 min read";
//  - "time stamp": "Updated 10:42 AM EST, Tue November 24, 2026", "Published 2 hours ago", a
//    date and a time alone ("Nov. 20, 2019, 9:28 AM UTC");
//  - "separator": a block of no letters or digits ("___", "* * *").
// A block of more than 40 words is never furniture.
std::optional<std::string> news_furniture(std::string_view block);

// `text` without inline pointers to other media ("(Graphic: Bridge costs)", "(Video)",
// "(Photo: ...)", "(Getty Images)"), without exchange tickers ("(NYSE: BA)", "(Nasdaq: AAPL)")
// and without hover-card names glued to themselves ("Jane SmithJane Smith" -> "Jane Smith").
// Spaces left behind are folded.
std::string strip_inline_clutter(std::string_view text);

}  // namespace briefcast
