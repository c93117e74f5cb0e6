#pragma once
// Recognizing a page's furniture in scraped text: the short blocks around a story that are not
// the story (comment forms, share rows, breadcrumbs, counters, newsletter prompts, "Related
// articles", copyright lines), and the headings after which the rest of a page is furniture.
// Pure functions over one tidied block of text (tidy_unicode); nothing here throws but
// std::bad_alloc. Whether a block is long enough to be kept anyway is the caller's decision.

#include <string_view>

namespace briefcast {

// A block that is furniture whatever follows: empty once lower-cased and stripped of trailing
// " *", ":" and dots; a known label ("Leave a Reply", "Advertisement", "Share this"); a known
// opening ("Your email address will not be published", "Tags:", "Home > "); a counter ("12
// Comments", "(4)", "5 min read"); a row of share buttons; a breadcrumb ("Home > News >
// Africa"); a copyright line ("© 2024 ...", "All rights reserved").
bool is_boilerplate(std::string_view text);

// A heading after which the rest of a page is furniture: comment forms ("Leave a Reply"),
// author boxes ("About the author", "View all posts by ..."), related-content lists ("Related
// articles", "You may also like", "Most read").
bool is_tail_marker(std::string_view text);

}  // namespace briefcast
