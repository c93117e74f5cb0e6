// `briefcast validate` on any bytes (no enclosure files, no network).
#include "feed/feed_validator.hpp"
#include "fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace briefcast;
  const std::string input = fuzz::text_of(data, size);
  ValidateOptions options;
  options.now = std::chrono::sys_seconds(std::chrono::seconds(1'800'000'000));
  fuzz::expect_answer([&] { (void)validate_feed(input, options); });
  return 0;
}
