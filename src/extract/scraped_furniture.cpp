#include "extract/scraped_furniture.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "base/strings.hpp"

namespace briefcast {

namespace {

// A block's text for matching boilerplate: lower case, trailing " *", ":" and dots removed.
std::string key_of(std::string_view s) {
  std::string k = lower_ascii(s);
  while (!k.empty() && (k.back() == ' ' || k.back() == '*' || k.back() == ':' || k.back() == '.'))
    k.pop_back();
  return k;
}

bool is_number(std::string_view s) { return s.size() <= 7 && all_digits(s); }

constexpr std::string_view kExact[] = {
    // comment forms
    "leave a reply", "leave a comment", "leave a reply cancel reply", "cancel reply", "name",
    "email", "e-mail", "website", "comment", "post comment", "submit comment", "submit", "reply",
    "post a comment", "add a comment", "write a comment", "your comment", "your name", "your email",
    "join the conversation", "join the discussion", "comments", "no comments", "show comments",
    "view comments", "login", "log in", "sign in", "register",
    // author boxes
    "about author", "about the author", "author", "more from this author", "more by this author",
    // related content and navigation
    "related", "related articles", "related posts", "related stories", "related news",
    "you may also like", "you might also like", "more stories", "more news", "read more",
    "read next", "recommended", "recommended for you", "trending", "most popular", "most read",
    "popular posts", "latest news", "previous", "next", "previous article", "next article",
    "previous post", "next post", "previous story", "next story", "back to top",
    // advertising
    "advertisement", "advertisements", "sponsored", "sponsored content", "ad", "promoted",
    "story continues below advertisement", "continue reading below", "article continues below",
    "scroll to continue with content", "skip advertisement",
    // newsletters and following
    "subscribe", "sign up", "newsletter", "subscribe now", "follow us",
    // sharing
    "share", "share this", "share this article", "share this story", "share on facebook",
    "share on twitter", "share via", "tweet", "print", "like this", "like loading", "copy link",
    "tags", "topics"};

constexpr std::string_view kPrefixes[] = {"your email address will not be published",
                                          "your e-mail address will not be published",
                                          "required fields are marked",
                                          "save my name, email",
                                          "save my name and email",
                                          "notify me of follow-up",
                                          "notify me of new",
                                          "this site uses akismet",
                                          "you must be logged in to post",
                                          "comments are closed",
                                          "be the first to comment",
                                          "leave a reply",
                                          "click to share",
                                          "click to email",
                                          "click to print",
                                          "opens in new window",
                                          "view all posts by",
                                          "all posts by",
                                          "previous article:",
                                          "next article:",
                                          "previous post:",
                                          "next post:",
                                          "previous article ",
                                          "next article ",
                                          "previous post ",
                                          "next post ",
                                          "tags:",
                                          "tagged:",
                                          "tagged with",
                                          "filed under",
                                          "topics:",
                                          "categories:",
                                          "category:",
                                          "sign up for our",
                                          "sign up to our",
                                          "subscribe to our",
                                          "get our newsletter",
                                          "enter your email",
                                          "join our newsletter",
                                          "join our mailing list",
                                          "follow us on",
                                          "copyright \u00A9",
                                          "copyright (c)",
                                          "\u00A9",
                                          "(c) 19",
                                          "(c) 20",
                                          "story continues below",
                                          "advertisement -",
                                          "home > ",
                                          "home \u00BB ",
                                          "home \u203A ",
                                          "home / ",
                                          "home | "};

// Headings after which the rest of a page is furniture: short blocks there are dropped.
constexpr std::string_view kTailMarkers[] = {
    "leave a reply",      "leave a comment",     "post a comment",      "add a comment",
    "comments",           "about author",        "about the author",    "related",
    "related articles",   "related posts",       "related stories",     "related news",
    "you may also like",  "you might also like", "more stories",        "more news",
    "read next",          "recommended",         "recommended for you", "most popular",
    "most read",          "popular posts",       "latest news",         "join the conversation",
    "join the discussion"};
constexpr std::string_view kTailPrefixes[] = {
    "leave a reply", "your email address will not be published",
    "your e-mail address will not be published", "about the author", "view all posts by"};

template <std::size_t N>
bool any_equal(const std::string_view (&set)[N], std::string_view k) {
  return std::find(std::begin(set), std::end(set), k) != std::end(set);
}
template <std::size_t N>
bool any_prefix(const std::string_view (&set)[N], std::string_view k) {
  return std::any_of(std::begin(set), std::end(set), [k](auto p) { return k.starts_with(p); });
}

// "12 Comments", "3 shares", "(4)", "5 min read".
bool is_counter(std::string_view k) {
  if (is_number(k)) return true;
  if (k.size() > 2 && k.front() == '(' && k.back() == ')' && is_number(k.substr(1, k.size() - 2)))
    return true;
  auto w = split_words(k);
  if (w.size() == 2 && is_number(w[0]))
    for (std::string_view u :
         {"comment", "comments", "response", "responses", "reply", "replies", "share", "shares",
          "like", "likes", "view", "views", "reaction", "reactions", "vote", "votes"})
      if (w[1] == u) return true;
  if (w.size() == 3 && is_number(w[0]) &&
      (w[1] == "min" || w[1] == "minute" || w[1] == "minutes") && w[2] == "read")
    return true;
  return false;
}

// A row of share buttons: only sharing words, at least one of them a network or action.
bool is_share_row(std::string_view k) {
  static constexpr std::string_view kShareWords[] = {
      "share",     "this",   "tweet",    "email",    "e-mail",   "print",     "facebook",
      "twitter",   "x",      "linkedin", "whatsapp", "reddit",   "pinterest", "telegram",
      "messenger", "copy",   "link",     "save",     "pin",      "it",        "on",
      "like",      "follow", "us",       "via",      "mail",     "sms",       "flipboard",
      "pocket",    "tumblr", "threads",  "bluesky",  "mastodon", "and",       "or"};
  static constexpr std::string_view kActions[] = {"share",    "tweet",     "facebook", "twitter",
                                                  "linkedin", "whatsapp",  "reddit",   "pinterest",
                                                  "telegram", "flipboard", "email"};
  std::string cleaned;
  for (char c : k) cleaned += (c == ',' || c == '|' || c == '/' || c == ':') ? ' ' : c;
  auto w = split_words(cleaned);
  if (w.empty() || w.size() > 12) return false;
  bool action = false;
  for (auto x : w) {
    if (!any_equal(kShareWords, x)) return false;
    action = action || any_equal(kActions, x);
  }
  return action;
}

// "Home > News > Africa", "News | Sport | Weather": short segments between repeated separators.
bool is_breadcrumb(std::string_view s) {
  for (std::string_view sep : {" > ", " \u00BB ", " \u203A ", " / ", " | "}) {
    std::vector<std::string_view> parts;
    std::size_t from = 0;
    for (std::size_t at; (at = s.find(sep, from)) != std::string_view::npos; from = at + sep.size())
      parts.push_back(s.substr(from, at - from));
    parts.push_back(s.substr(from));
    if (parts.size() < 3) continue;
    bool short_parts = std::all_of(parts.begin(), parts.end(), [](std::string_view p) {
      return split_words(p).size() <= 5 && !p.ends_with('.');
    });
    if (short_parts) return true;
  }
  return false;
}

bool is_copyright(std::string_view k) {
  return k.find("all rights reserved") != std::string_view::npos ||
         (k.starts_with("copyright ") && k.size() > 10 && is_digit(k[10]));
}

}  // namespace

bool is_boilerplate(std::string_view text) {
  std::string k = key_of(text);
  return k.empty() || any_equal(kExact, k) || any_prefix(kPrefixes, k) || is_counter(k) ||
         is_share_row(k) || is_breadcrumb(text) || is_copyright(k);
}

bool is_tail_marker(std::string_view text) {
  std::string k = key_of(text);
  return any_equal(kTailMarkers, k) || any_prefix(kTailPrefixes, k);
}

}  // namespace briefcast
