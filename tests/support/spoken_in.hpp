#pragma once
// The spoken form of `s` under the rules of `language` ("de", "fr", "es", …) with the default
// configuration otherwise: the one call the tests of the data-driven languages repeat.

#include <string>
#include <string_view>

#include "spoken/normalizer.hpp"

namespace briefcast::test {

inline std::string spoken_in(const std::string& language, std::string_view s) {
  NormalizerConfig c;
  c.language = language;
  return to_spoken(s, c);
}

}  // namespace briefcast::test
