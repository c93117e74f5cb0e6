#pragma once
// The value rules of a podcast feed that `validate` applies to single fields (feed_validator.hpp):
// absolute http(s) URLs, enclosure lengths, itunes:duration, languages, and where an enclosure
// URL lands in the published folder. Pure functions over strings; none throws.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace briefcast {

// An absolute http:// or https:// URL as apps fetch it: lower-case scheme, a host right after
// "//", no whitespace anywhere.
bool absolute_http(std::string_view url);

// A positive decimal integer of at most 18 digits ("1003"); nullopt for "0", "-1", "1e3", "".
std::optional<std::uint64_t> positive_integer(std::string_view s);

// An itunes:duration apps accept: whole seconds ("754") or [H:]MM:SS with minutes and seconds
// written with two digits below 60 ("12:34", "1:02:03").
bool valid_duration(std::string_view d);

// An ISO 639 language, optionally with subtags of 1-8 alphanumerics: "en", "en-us", "pt-BR".
bool valid_language(std::string_view l);

// The path below the published folder that an enclosure URL names when it starts with `base`
// (percent-decoded, query and fragment dropped, "." and ".." segments resolved; a path that
// escapes the folder starts with "../"), or nullopt when it is not under `base`, names the
// folder itself or holds a NUL.
std::optional<std::string> local_path(std::string_view url, std::string_view base);

}  // namespace briefcast
