// The spoken-form rules alone (normalizer.hpp), on any bytes as one sentence: numbers, amounts,
// dates, times, units, abbreviations, e-mail and web addresses, in the en-US and en-GB number
// styles (en-GB with day-first dates) and the data-driven German, French and Spanish rules; the
// first byte picks the language. to_spoken() promises never to throw for odd text, so any
// exception is a finding; the text front end target reaches the same rules only through cleaning
// and sentence splitting.
#include "fuzz/fuzz_input.hpp"
#include "spoken/normalizer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace briefcast;
  if (size == 0) return 0;
  // Designated fields: NormalizerConfig grows, and a positional {"A", "B"} would silently become
  // a std::string built from two pointers.
  static const NormalizerConfig configs[] = {
      {.language = "en-US", .keep_words = {"NASA", "iPhone"}},
      {.language = "en-GB", .source_language = "en-GB"},
      {.language = "de"},
      {.language = "fr"},
      {.language = "es"},
  };
  const std::string sentence = fuzz::text_of(data + 1, size - 1);
  (void)to_spoken(sentence, configs[data[0] % std::size(configs)]);
  return 0;
}
