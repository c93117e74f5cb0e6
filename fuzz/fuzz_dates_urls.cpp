// Small parsers of feed fields: RFC 2822 and the other feed dates, and URL resolution.
#include "feed/feed_date.hpp"
#include "feed/rfc2822.hpp"
#include "fuzz/fuzz_input.hpp"
#include "net/url_tools.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace briefcast;
  const std::string input = fuzz::text_of(data, size);
  fuzz::expect_answer([&] { (void)parse_rfc2822(input); });
  fuzz::expect_answer([&] {
    if (auto t = parse_feed_date(input)) (void)format_iso8601(*t);
  });
  fuzz::expect_answer([&] {
    const std::size_t cut = input.find('\n');
    const std::string base = input.substr(0, cut);
    const std::string ref = cut == std::string::npos ? std::string() : input.substr(cut + 1);
    (void)join_url(split_url(input));
    (void)resolve_url(base, ref);
    (void)normalize_url_for_dedupe(input);
    (void)is_http_url(input);
  });
  return 0;
}
