#pragma once
// What every fuzz target shares: the input as a string, and the rule that an Error (bad input,
// reported as a one-line message with an exit code) is an answer, not a finding. Anything else
// that escapes — another exception, a crash, a leak, a timeout or memory past the limit — is.

#include <cstddef>
#include <cstdint>
#include <string>

#include "base/error.hpp"

namespace briefcast::fuzz {

inline std::string text_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

template <class F>
void expect_answer(F&& f) {
  try {
    f();
  } catch (const Error&) {
  }
}

}  // namespace briefcast::fuzz
