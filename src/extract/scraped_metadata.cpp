#include "extract/scraped_metadata.hpp"

#include <algorithm>
#include <vector>

#include "base/strings.hpp"
#include "text/unicode_text.hpp"

namespace briefcast {

namespace {

// Words a name may hold besides capitalized ones: "Ana de la Cruz", "Jane Doe and John Roe".
bool is_name(std::string_view s) {
  auto w = split_words(s);
  if (w.empty() || w.size() > 8) return false;
  for (auto x : w) {
    bool particle = x == "and" || x == "de" || x == "la" || x == "van" || x == "von" ||
                    x == "der" || x == "del" || x == "da" || x == "bin" || x == "al" || x == "&";
    bool capital = is_upper_ascii(x[0]) || starts_with_uppercase(x);
    if (!particle && !capital) return false;
  }
  return is_upper_ascii(w[0][0]) || starts_with_uppercase(w[0]);
}

}  // namespace

std::optional<std::string> byline_name(std::string_view text) {
  if (split_words(text).size() > 14 || text.ends_with('.')) return std::nullopt;
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
  if (split_words(text).size() > 20) return false;
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
  auto w = split_words(k);
  if (w.empty() || w.size() > 7) return std::nullopt;
  auto number = [](std::string_view x) -> int {
    if (x.size() > 4 || !all_digits(x)) return -1;
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

}  // namespace briefcast
