#include "extract/news_clutter.hpp"

#include <initializer_list>
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

}  // namespace

std::optional<std::string> news_furniture(std::string_view block) {
  std::string_view t = trim(block);
  if (t.empty() || split_words(t).size() > 40) return std::nullopt;
  std::string lower = lower_ascii(t);
  if (starts_with_any(
          lower, {"continue reading", "story continues below", "article continues", "read more",
                  "read the full story", "click here", "download the", "sign up for",
                  "subscribe to our", "get the app", "listen to this article"}) ||
      lower == "advertisement")
    return "reading prompt";
  if (starts_with_any(lower, {"reporting by ", "additional reporting by ", "writing by ",
                              "editing by ", "compiled by ", "follow ap's ", "follow ap’s "}) ||
      lower.ends_with("contributed to this report.") ||
      lower.ends_with("contributed to this report") || lower.ends_with("contributed reporting.") ||
      lower.ends_with("contributed reporting"))
    return "credit line";
  if (starts_with_any(lower, {"main image credit", "image credit", "photo credit",
                              "photo: ", "photograph: ", "picture: "}))
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
          is_media_pointer(text.substr(i + 1, close - i - 1))) {
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
