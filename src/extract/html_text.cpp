#include "extract/html_text.hpp"

namespace briefcast {

bool is_html_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

void append_folded(std::string& out, std::string_view text, bool& pending) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_html_space(c) ||
        (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0)) {
      if (c == 0xC2) ++i;
      pending = true;
      continue;
    }
    if (pending && !out.empty()) out += ' ';
    pending = false;
    out += static_cast<char>(c);
  }
}

std::string folded(std::string_view text) {
  std::string out;
  bool pending = false;
  append_folded(out, text, pending);
  return out;
}

std::string folded_text(const MarkupNode& root) {
  std::string out;
  bool pending = false;
  traverse(
      &root,
      [&](const MarkupNode* n) {
        if (n->kind == MarkupKind::text || n->kind == MarkupKind::cdata)
          append_folded(out, n->text, pending);
        return n->is_element();
      },
      [](const MarkupNode*) {});
  return out;
}

}  // namespace briefcast
