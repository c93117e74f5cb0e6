// The text front end on any bytes: plain/scraped text, Markdown and HTML extraction, then the
// spoken-form rules over what it kept. The first byte picks the format.
#include "fuzz/fuzz_input.hpp"
#include "pipeline/text_frontend.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace briefcast;
  if (size == 0) return 0;
  const InputFormat formats[] = {InputFormat::text, InputFormat::markdown, InputFormat::html};
  const InputFormat format = formats[data[0] % 3];
  const std::string input = fuzz::text_of(data + 1, size - 1);
  fuzz::expect_answer([&] {
    Article a = article_from_bytes(input, format, "fuzz", {});
    auto reader = script_from_article(std::move(a), ScriptOptions{}, "", false);
    while (auto block = reader->next()) {
    }
  });
  return 0;
}
