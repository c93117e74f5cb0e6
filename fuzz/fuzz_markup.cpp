// The libxml2 reader: any bytes as XML (feeds, validate) and as HTML (pages), with the copy into
// MarkupDocument and its walks.
#include "fuzz/fuzz_input.hpp"
#include "markup/markup_tree.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace briefcast;
  const std::string input = fuzz::text_of(data, size);
  fuzz::expect_answer([&] {
    MarkupDocument xml = parse_xml(input, {"https://fuzz.example/feed.xml", false});
    if (const MarkupNode* root = xml.root()) {
      (void)root->text_content();
      (void)xml.base_of(*root);
    }
  });
  fuzz::expect_answer([&] {
    MarkupDocument html = parse_html(input, "https://fuzz.example/page.html");
    if (const MarkupNode* root = html.root()) (void)root->text_content();
  });
  return 0;
}
