// The spoken-form rules alone (normalizer.hpp), on any bytes as one sentence: numbers, amounts,
// dates, times, units, abbreviations, e-mail and web addresses, in the en-US and en-GB number
// styles. to_spoken() promises never to throw for odd text, so any exception is a finding; the
// text front end target reaches the same rules only through cleaning and sentence splitting.
#include "fuzz/fuzz_input.hpp"
#include "spoken/normalizer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace briefcast;
  if (size == 0) return 0;
  static const NormalizerConfig us{"en-US", {"NASA", "iPhone"}, {}};
  static const NormalizerConfig gb{"en-GB", {}, {}};
  const std::string sentence = fuzz::text_of(data + 1, size - 1);
  (void)to_spoken(sentence, data[0] & 1 ? gb : us);
  return 0;
}
