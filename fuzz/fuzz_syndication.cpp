// The feed reader a source goes through: RSS, Atom and JSON Feed, sniffed from the bytes.
#include "feed/syndication.hpp"
#include "fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace briefcast;
  const std::string input = fuzz::text_of(data, size);
  fuzz::expect_answer([&] { (void)parse_syndication(input, "fuzz.xml", "https://fuzz.example/"); });
  return 0;
}
