#pragma once
// Apple Podcasts categories (podcasters.apple.com, "Apple Podcasts categories"), spelled exactly
// as the itunes:category text attribute expects them ("Health & Fitness", "Tech News"). Apple
// rejects a feed whose category is not on this list, so a feed definition is checked against it.
// Pure lookups in a constant table; nothing here throws.

#include <string>
#include <vector>

namespace briefcast {

struct AppleCategory {
  const char* name;                        // top-level category, e.g. "News"
  std::vector<const char*> subcategories;  // e.g. "Daily News"; empty for "History" and others
};

// The whole list, in Apple's order. Static storage: the pointers stay valid for the program.
const std::vector<AppleCategory>& apple_categories();

// The top-level category spelled exactly `name` (case-sensitive), or nullptr.
const AppleCategory* find_apple_category(const std::string& name);

// True when `category` is a top-level category and `subcategory` is empty or one of its
// subcategories (exact spelling).
bool is_apple_category(const std::string& category, const std::string& subcategory = {});

}  // namespace briefcast
