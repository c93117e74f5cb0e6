#include "extract/scraped_cleaner.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "text/unicode_text.hpp"

namespace briefcast {

namespace {

// 25 words: longer than any furniture line, shorter than most news paragraphs.
constexpr std::size_t kRealParagraphWords = 25;
// Lines shorter than this are titles, labels or list lines, not hard-wrapped prose.
constexpr std::size_t kWrapMinBytes = 40;

struct Piece {
  std::string text;         // tidied, one line or several joined
  std::size_t offset = 0;   // byte offset of its first line in the input
  bool bulleted = false;    // opened by a bullet or list marker
  bool first_line = false;  // the input's first non-blank line
};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// Rough sentence count: terminal punctuation followed by the end or a space and a capital.
std::size_t count_sentences(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '.' && s[i] != '!' && s[i] != '?') continue;
    std::size_t j = i + 1;
    while (j < s.size() && (s[j] == '"' || s[j] == '\'' || s[j] == ')')) ++j;
    if (j == s.size() ||
        (s[j] == ' ' && j + 1 < s.size() && (is_upper(s[j + 1]) || s[j + 1] == '"')))
      ++n;
  }
  return n;
}

bool is_real_paragraph(std::string_view s) {
  return words_of(s).size() > kRealParagraphWords || count_sentences(s) >= 3;
}

// Lower-case, letters and digits only, single spaces: for comparing lines with the title.
std::string comparable(std::string_view s) {
  std::string out;
  for (char c : lower_ascii(s)) {
    bool keep = (c >= 'a' && c <= 'z') || is_digit(c) || static_cast<unsigned char>(c) >= 0x80;
    if (keep) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A block's text for matching boilerplate: lower case, trailing " *", ":" and dots removed.
std::string key_of(std::string_view s) {
  std::string k = lower_ascii(s);
  while (!k.empty() && (k.back() == ' ' || k.back() == '*' || k.back() == ':' || k.back() == '.'))
    k.pop_back();
  return k;
}

bool is_number(std::string_view s) {
  return !s.empty() && s.size() <= 7 && std::all_of(s.begin(), s.end(), is_digit);
}

// Raw line opens with a bullet glyph, "- ", "* " or a number marker such as "1." / "2)".
bool opens_item(std::string_view raw) {
  while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t')) raw.remove_prefix(1);
  for (std::string_view b : {"\u2022", "\u2023", "\u2043", "\u25AA", "\u25CF", "\u25E6", "\u25A0",
                             "\u25BA", "\u00B7", "- ", "* ", "\u2013 ", "\u2014 "})
    if (raw.starts_with(b)) return true;
  std::size_t d = 0;
  while (d < raw.size() && d < 3 && is_digit(raw[d])) ++d;
  return d > 0 && d + 1 < raw.size() && (raw[d] == '.' || raw[d] == ')') && raw[d + 1] == ' ';
}

std::string strip_item_marker(std::string s) {
  if (s.starts_with("- ") || s.starts_with("* ")) s.erase(0, 2);
  return s;
}

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
  auto w = words_of(k);
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
  auto w = words_of(cleaned);
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
      return words_of(p).size() <= 5 && !p.ends_with('.');
    });
    if (short_parts) return true;
  }
  return false;
}

bool is_copyright(std::string_view k) {
  return k.find("all rights reserved") != std::string_view::npos ||
         (k.starts_with("copyright ") && k.size() > 10 && is_digit(k[10]));
}

bool is_boilerplate(std::string_view text) {
  std::string k = key_of(text);
  return k.empty() || any_equal(kExact, k) || any_prefix(kPrefixes, k) || is_counter(k) ||
         is_share_row(k) || is_breadcrumb(text) || is_copyright(k);
}

bool is_tail_marker(std::string_view text) {
  std::string k = key_of(text);
  return any_equal(kTailMarkers, k) || any_prefix(kTailPrefixes, k);
}

// Words a name may hold besides capitalized ones: "Ana de la Cruz", "Jane Doe and John Roe".
bool is_name(std::string_view s) {
  auto w = words_of(s);
  if (w.empty() || w.size() > 8) return false;
  for (auto x : w) {
    bool particle = x == "and" || x == "de" || x == "la" || x == "van" || x == "von" ||
                    x == "der" || x == "del" || x == "da" || x == "bin" || x == "al" || x == "&";
    bool capital = is_upper(x[0]) || starts_with_uppercase(x);
    if (!particle && !capital) return false;
  }
  return is_upper(w[0][0]) || starts_with_uppercase(w[0]);
}

// The name of a byline, or nullopt: "By Jane Doe", "By Jane Doe, Staff Writer | May 2",
// "Written by Jane Doe", "Author: Jane Doe", "An AFP report".
std::optional<std::string> byline_name(std::string_view text) {
  if (words_of(text).size() > 14 || text.ends_with('.')) return std::nullopt;
  std::string k = lower_ascii(text);
  std::string_view rest;
  for (std::string_view p : {"by ", "written by ", "posted by ", "reported by ", "story by ",
                             "words by ", "author: ", "authors: ", "byline: "})
    if (k.starts_with(p)) {
      rest = text.substr(p.size());
      break;
    }
  if (rest.empty() && (k.starts_with("an ") || k.starts_with("a ")) && k.ends_with(" report")) {
    std::size_t sp = text.find(' ');
    rest = text.substr(sp + 1, text.size() - sp - 1 - std::string_view(" report").size());
  }
  if (rest.empty()) return std::nullopt;
  std::size_t cut = rest.size();
  for (std::string_view sep : {",", " |", " - ", " on ", " updated", " published", " \u00B7"})
    cut = std::min(cut, rest.find(sep));
  std::string_view name = rest.substr(0, cut);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  if (!is_name(name)) return std::nullopt;
  return std::string(name);
}

bool is_photo_credit(std::string_view text) {
  if (words_of(text).size() > 20) return false;
  std::string k = lower_ascii(text);
  if (k.starts_with("(") && k.ends_with(")")) k = k.substr(1, k.size() - 2);
  for (std::string_view p :
       {"photo:", "photo by ", "photos:", "photos by ", "photograph:", "photograph by ",
        "picture:", "pictures:", "image:", "image by ", "image credit", "photo credit",
        "credit:", "illustration:", "illustration by ", "file photo", "video:"})
    if (k.starts_with(p)) return true;
  return k.ends_with("/getty images") || k.ends_with("via getty images") ||
         k.ends_with("/reuters") || k.ends_with("/ap photo") || k.ends_with("/afp");
}

// A dateline on its own ("May 2, 2024", "2 May 2024", "Published: 2024-05-02", "Updated
// March 3, 2024 10:30 am"): the date as ISO 8601 (YYYY-MM-DD), or nullopt.
std::optional<std::string> standalone_date(std::string_view text) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string k = lower_ascii(text);
  for (std::string_view p :
       {"published on ", "published: ", "published ", "updated on ", "updated: ", "updated ",
        "posted on ", "posted: ", "posted ", "date: "})
    if (k.starts_with(p)) {
      k.erase(0, p.size());
      break;
    }
  for (char& c : k)
    if (c == ',' || c == '.') c = ' ';
  auto w = words_of(k);
  if (w.empty() || w.size() > 7) return std::nullopt;
  auto number = [](std::string_view x) -> int {
    if (x.empty() || x.size() > 4 || !std::all_of(x.begin(), x.end(), is_digit)) return -1;
    return std::stoi(std::string(x));
  };
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  auto only_time_after = [&w](std::size_t from) {
    for (std::size_t i = from; i < w.size(); ++i) {
      bool time_word = w[i].find(':') != std::string_view::npos || w[i] == "am" || w[i] == "pm" ||
                       w[i] == "a" || w[i] == "p" || w[i] == "m" || w[i] == "gmt" ||
                       w[i] == "utc" || w[i] == "et" || w[i] == "est" || w[i] == "edt";
      if (!time_word) return false;
    }
    return true;
  };
  if (w[0].size() == 10 && w[0][4] == '-' && w[0][7] == '-') {  // 2024-05-02
    int y = number(w[0].substr(0, 4)), m = number(w[0].substr(5, 2)), d = number(w[0].substr(8, 2));
    if (y > 1900 && m >= 1 && m <= 12 && d >= 1 && d <= 31 && only_time_after(1))
      return std::string(w[0]);
    return std::nullopt;
  }
  std::size_t first = 0;
  if (w.size() > 3 &&
      (w[0] == "monday" || w[0] == "tuesday" || w[0] == "wednesday" || w[0] == "thursday" ||
       w[0] == "friday" || w[0] == "saturday" || w[0] == "sunday"))
    first = 1;
  if (w.size() < first + 3) return std::nullopt;
  auto month = [&](std::string_view x) -> int {
    if (x.size() < 3) return -1;
    for (std::size_t i = 0; i < 12; ++i)
      if (x.starts_with(kMonths[i])) return static_cast<int>(i) + 1;
    return -1;
  };
  int m = month(w[first]), d = number(w[first + 1]);  // May 2 2024
  if (m < 0) {                                        // 2 May 2024
    d = number(w[first]);
    m = month(w[first + 1]);
  }
  int y = number(w[first + 2]);
  if (m < 1 || d < 1 || d > 31 || y < 1900) return std::nullopt;
  if (!only_time_after(first + 3)) return std::nullopt;
  return std::to_string(y) + "-" + two(m) + "-" + two(d);
}

// Title-like: short, no final period or colon, starts with a letter or digit.
bool looks_like_title(std::string_view s) {
  auto w = words_of(s);
  if (w.empty() || w.size() > 25 || s.size() > 250) return false;
  char last = s.back();
  return last != '.' && last != ':' && last != ',' && last != ';';
}

bool ends_like_sentence(std::string_view s) {
  if (s.empty()) return false;
  char last = s.back();
  return last == '.' || last == '!' || last == '?' || last == '"' || last == '\'' || last == ':' ||
         last == ')';
}

std::vector<Piece> split_pieces(std::string_view input) {
  std::vector<Piece> pieces;
  bool open = false;  // the last piece may take a wrapped continuation line
  bool seen_text = false;
  std::size_t pos = 0;
  while (pos <= input.size()) {
    std::size_t nl = input.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? input.size() : nl;
    std::string_view raw = input.substr(pos, end - pos);
    if (raw.ends_with('\r')) raw.remove_suffix(1);
    std::string text = tidy_unicode(raw);
    if (text.empty()) {
      open = false;
    } else {
      bool item = opens_item(raw);
      // A short line after a finished sentence starts a block of its own ("Share", a credit).
      bool separate = item || pieces.empty() || pieces.back().text.size() < kWrapMinBytes ||
                      (text.size() < kWrapMinBytes && ends_like_sentence(pieces.back().text));
      if (open && !separate) {
        pieces.back().text += ' ';
        pieces.back().text += text;
      } else {
        Piece p;
        p.offset = pos;
        p.bulleted = item;
        p.first_line = !seen_text;
        p.text = item ? strip_item_marker(std::move(text)) : std::move(text);
        pieces.push_back(std::move(p));
      }
      open = true;
      seen_text = true;
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return pieces;
}

}  // namespace

Article clean_scraped_text(std::string_view utf8_text) {
  Article a;
  std::vector<Piece> pieces = split_pieces(utf8_text);
  std::size_t start = 0;
  if (!pieces.empty() && pieces[0].first_line && looks_like_title(pieces[0].text) &&
      !is_boilerplate(pieces[0].text) && !byline_name(pieces[0].text) &&
      !is_real_paragraph(pieces[0].text)) {
    a.title = pieces[0].text;
    start = 1;
  }
  const std::string title_key = comparable(a.title);
  bool tail = false;
  std::vector<bool> heading_candidate;
  for (std::size_t i = start; i < pieces.size(); ++i) {
    Piece& p = pieces[i];
    if (!title_key.empty() && comparable(p.text) == title_key) continue;
    if (is_real_paragraph(p.text)) {
      Block b;
      b.kind = p.bulleted ? BlockKind::list_item : BlockKind::paragraph;
      b.text = std::move(p.text);
      b.source_offset = p.offset;
      a.blocks.push_back(std::move(b));
      heading_candidate.push_back(false);
      continue;
    }
    if (auto name = byline_name(p.text)) {
      if (a.author.empty()) a.author = *name;
      continue;
    }
    if (auto date = standalone_date(p.text)) {
      if (a.date.empty()) a.date = *date;
      continue;
    }
    if (is_photo_credit(p.text)) {
      a.warnings.push_back("photo credit: " + p.text);
      continue;
    }
    if (is_tail_marker(p.text)) tail = true;
    if (tail || is_boilerplate(p.text)) continue;
    Block b;
    b.kind = p.bulleted ? BlockKind::list_item : BlockKind::paragraph;
    b.text = std::move(p.text);
    b.source_offset = p.offset;
    heading_candidate.push_back(!p.bulleted && words_of(b.text).size() <= 12 &&
                                !ends_like_sentence(b.text));
    a.blocks.push_back(std::move(b));
  }
  // A short unpunctuated line is a heading when a paragraph follows it.
  for (std::size_t i = 0; i + 1 < a.blocks.size(); ++i)
    if (heading_candidate[i] && a.blocks[i + 1].kind == BlockKind::paragraph &&
        !heading_candidate[i + 1])
      a.blocks[i].kind = BlockKind::heading;
  return a;
}

}  // namespace briefcast
