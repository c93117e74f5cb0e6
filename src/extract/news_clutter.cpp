#include "extract/news_clutter.hpp"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

#include "base/strings.hpp"

namespace briefcast {

namespace {

bool starts_with_any(std::string_view lower, std::initializer_list<std::string_view> heads) {
  for (auto h : heads)
    if (lower.starts_with(h)) return true;
  return false;
}

// "(Graphic: ...)", "(Video)", "(Photo: AP)", "(Getty Images)": a bracket naming other media.
bool is_media_pointer(std::string_view inner) {
  std::string lower = lower_ascii(inner);
  return starts_with_any(lower, {"graphic", "graphics", "video", "photo", "photos", "image",
                                 "chart", "interactive", "audio", "listen", "watch", "map",
                                 "factbox", "getty images", "reuters/", "ap photo", "afp via"}) ||
         lower.ends_with("/getty images") || lower.ends_with("/reuters") ||
         lower.ends_with("/ap photo") || lower.ends_with("/afp");
}

// "NYSE: X", "Nasdaq: AAPL", "LSE: BP.L": an exchange and a ticker, as wire copy puts them in
// brackets after a company's name.
bool is_ticker_pointer(std::string_view inner) {
  std::size_t colon = inner.find(':');
  if (colon < 2 || colon > 14 || colon == std::string_view::npos) return false;
  std::string_view exchange = inner.substr(0, colon);
  std::string_view code = trim(inner.substr(colon + 1));
  if (!is_upper_ascii(exchange[0]) || code.empty() || code.size() > 10) return false;
  for (char c : exchange)
    if (!is_alpha_ascii(c) && c != ' ') return false;
  for (char c : code)
    if (!is_upper_ascii(c) && !is_digit(c) && c != '.' && c != '-') return false;
  return is_upper_ascii(code[0]) || is_digit(code[0]);
}

// "By Jane Doe", "By Jane Doe and John Roe", "By Reuters": a byline of names alone.
bool is_byline(std::string_view t) {
  auto words = split_words(t);
  if (words.size() < 2 || words.size() > 9 || lower_ascii(words[0]) != "by") return false;
  for (std::size_t i = 1; i < words.size(); ++i) {
    std::string_view w = words[i];
    while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
    if (w == "and" || w == "&" || w == "|") continue;
    if (w.empty() || (!is_upper_ascii(w[0]) && static_cast<unsigned char>(w[0]) < 0x80))
      return false;
  }
  return true;
}

// "Nov. 20, 2019, 9:28 AM UTC", "Tuesday 19 November 2019 10.42 GMT": a date and a time, and
// nothing else, as a page prints when a story was posted.
bool is_bare_time_stamp(std::string_view t) {
  static const std::set<std::string, std::less<>> words = {
      "jan",    "feb",    "mar",     "apr",       "may",       "jun",     "jul",      "aug",
      "sep",    "sept",   "oct",     "nov",       "dec",       "january", "february", "march",
      "april",  "june",   "july",    "august",    "september", "october", "november", "december",
      "mon",    "tue",    "tues",    "wed",       "thu",       "thurs",   "fri",      "sat",
      "sun",    "monday", "tuesday", "wednesday", "thursday",  "friday",  "saturday", "sunday",
      "am",     "pm",     "a.m",     "p.m",       "utc",       "gmt",     "bst",      "cet",
      "cest",   "est",    "edt",     "cst",       "cdt",       "mst",     "mdt",      "pst",
      "pdt",    "et",     "pt",      "at",        "|",         "·",       "-",        "/",
      "updated"};
  auto ws = split_words(t);
  if (ws.size() < 2 || ws.size() > 10) return false;
  bool named = false, time = false;
  for (std::string_view w : ws) {
    while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
    if (w.empty()) continue;
    const std::string lower = lower_ascii(w);
    if (words.count(lower)) {
      named = named || is_alpha_ascii(lower[0]);
      continue;
    }
    bool digits_only = true;
    for (char c : w)
      if (!is_digit(c) && c != ':' && c != '/' && c != '.' && c != '-') digits_only = false;
    if (!digits_only || !is_digit(w[0])) return false;
    time = time || w.find(':') != std::string_view::npos;
  }
  return named && time;
}

// "Reuters", "The Associated Press": the agency's name alone, as a credit after the story.
bool is_agency_credit(std::string_view lower) {
  static const std::set<std::string, std::less<>> agencies = {
      "reuters", "ap",   "afp",      "associated press",  "the associated press",
      "dpa",     "ansa", "efe",      "bloomberg",         "upi",
      "xinhua",  "tass", "pa media", "press association", "agencies"};
  while (!lower.empty() && lower.back() == '.') lower.remove_suffix(1);
  return agencies.count(lower) > 0;
}

}  // namespace

std::optional<std::string> news_furniture(std::string_view block) {
  std::string_view t = trim(block);
  if (t.empty() || split_words(t).size() > 40) return std::nullopt;
  // "___", "* * *", "—": a rule between parts of the page, nothing to say.
  if (std::none_of(t.begin(), t.end(), [](char c) {
        return is_alpha_ascii(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80;
      }))
    return "separator";
  std::string lower = lower_ascii(t);
  if (starts_with_any(
          lower, {"continue reading", "story continues below", "article continues", "read more",
                  "read the full story", "click here", "download the", "sign up for",
                  "subscribe to our", "get the app", "listen to this article"}) ||
      lower == "advertisement")
    return "reading prompt";
  // Newsletter boxes: "Get our free newsletter delivered to your inbox", "Enter your email".
  if (split_words(t).size() <= 25 &&
      (lower.starts_with("enter your email") ||
       (lower.find("newsletter") != std::string::npos &&
        (lower.find("sign up") != std::string::npos ||
         lower.find("subscribe") != std::string::npos || lower.find("inbox") != std::string::npos ||
         lower.starts_with("get our ") || lower.starts_with("get the ")))))
    return "reading prompt";
  if (starts_with_any(lower, {"reporting by ", "additional reporting by ", "writing by ",
                              "editing by ", "compiled by ", "follow ap's ", "follow ap’s "}) ||
      lower.ends_with("contributed to this report.") ||
      lower.ends_with("contributed to this report") || lower.ends_with("contributed reporting.") ||
      lower.ends_with("contributed reporting"))
    return "credit line";
  // Bylines and their reading time: "By Reuters", "Jane Doe · 3 min read".
  if (is_byline(t)) return "byline";
  if (is_agency_credit(lower)) return "credit line";
  if (split_words(t).size() <= 12 &&
      (lower.ends_with(" min read") || lower.ends_with(" minute read") ||
       lower.ends_with(" mins read") || lower.ends_with(" minutes read")))
    return "byline";
  // Time stamps: "Updated 10:42 AM EST, Tue November 24, 2026", "Published 2 hours ago".
  if (split_words(t).size() <= 15 &&
      starts_with_any(lower, {"updated ", "published ", "posted ", "last updated",
                              "first published", "last modified", "modified "}) &&
      std::any_of(t.begin(), t.end(), is_digit))
    return "time stamp";
  if (is_bare_time_stamp(t)) return "time stamp";
  if (starts_with_any(lower, {"main image credit", "image credit", "photo credit",
                              "photo: ", "photograph: ", "picture: "}))
    return "media caption";
  // A picture's credit or caption as a screen reader label writes it: "Image copyright EPA",
  // "Image caption Police at the scene", "Getty Images".
  if ((split_words(t).size() <= 12 &&
       starts_with_any(lower, {"image copyright", "picture copyright", "image source",
                               "photo source", "copyright ©", "© "})) ||
      starts_with_any(lower, {"image caption", "media caption", "video caption"}) ||
      lower == "getty images" || lower == "ap photo" || lower == "reuters photo")
    return "media caption";
  // "Image 1 of 4", "Photo 3 of 12".
  for (std::string_view head : {"image ", "photo ", "slide "}) {
    if (!lower.starts_with(head)) continue;
    std::vector<std::string_view> words;  // "Image 1 of / 1" as a gallery widget writes it
    for (auto w : split_words(lower))
      if (w != "/") words.push_back(w);
    if (words.size() == 4 && all_digits(words[1]) && words[2] == "of" && all_digits(words[3]))
      return "media caption";
  }
  if (t.front() == '(' && t.back() == ')' && is_media_pointer(t.substr(1, t.size() - 2)))
    return "media caption";
  return std::nullopt;
}

std::string strip_inline_clutter(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') {
      std::size_t close = text.find(')', i + 1);
      if (close != std::string_view::npos && close - i < 200 &&
          (is_media_pointer(text.substr(i + 1, close - i - 1)) ||
           is_ticker_pointer(text.substr(i + 1, close - i - 1)))) {
        i = close;
        continue;
      }
    }
    out += text[i];
  }
  // Hover cards: "Jane SmithJane Smith" -> "Jane Smith" (a capitalized name of two to four
  // words written twice with no space between).
  if (out.size() > (64u << 10)) return fold_space(out);  // bounded work on huge blocks
  std::string result;
  std::size_t i = 0;
  while (i < out.size()) {
    bool joined = false;
    if (is_upper_ascii(out[i]) && (i == 0 || out[i - 1] == ' ')) {
      for (std::size_t len = 5; len <= 60 && i + 2 * len <= out.size(); ++len) {
        std::string_view a(out.data() + i, len), b(out.data() + i + len, len);
        if (a != b || a.find(' ') == std::string_view::npos || a.back() == ' ') continue;
        if (i + 2 * len < out.size() && is_alpha_ascii(out[i + 2 * len])) continue;
        result.append(a);
        i += 2 * len;
        joined = true;
        break;
      }
    }
    if (!joined) result += out[i++];
  }
  return fold_space(result);
}

}  // namespace briefcast
