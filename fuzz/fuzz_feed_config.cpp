// The feed definition (feeds/NAME.json) as text: every field check on any JSON.
#include "briefing/feed_config.hpp"
#include "fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace briefcast;
  const std::string input = fuzz::text_of(data, size);
  fuzz::expect_answer([&] { (void)parse_feed_config(input, "/nonexistent/feeds/fuzz.json"); });
  return 0;
}
