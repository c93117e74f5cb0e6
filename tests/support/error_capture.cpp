#include "support/error_capture.hpp"

#include <catch2/catch.hpp>

namespace briefcast::test {

Error error_from(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  FAIL("no error");
  return Error(ExitCode::ok, "");
}

std::string error_message(const std::function<void()>& f, ExitCode expected) {
  try {
    f();
  } catch (const Error& e) {
    CHECK(e.code() == expected);
    return e.what();
  }
  return "(no error)";
}

}  // namespace briefcast::test
