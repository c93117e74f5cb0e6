#pragma once
// The Error a call throws, for tests that check its exit code and exact message.

#include <functional>
#include <string>

#include "base/error.hpp"

namespace briefcast::test {

// The Error `f` throws; the test fails ("no error") when it returns normally.
Error error_from(const std::function<void()>& f);

// The message of the Error `f` throws, after CHECKing that its code is `expected`; "(no error)"
// when it returns normally (so the comparison with the expected message fails and shows it).
std::string error_message(const std::function<void()>& f, ExitCode expected);

}  // namespace briefcast::test
