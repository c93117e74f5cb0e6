#include "text/article.hpp"

namespace briefcast {

const char* to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::heading:
      return "heading";
    case BlockKind::paragraph:
      return "paragraph";
    case BlockKind::list_item:
      return "list_item";
    case BlockKind::quote:
      return "quote";
  }
  return "paragraph";
}

std::string render_clean_text(const Article& article) {
  std::string out;
  const bool title_is_body = !article.blocks.empty() && article.blocks[0].text == article.title;
  if (!article.title.empty() && !title_is_body) out += article.title + "\n";
  for (const Block& b : article.blocks) {
    if (!out.empty()) out += "\n";
    if (b.kind == BlockKind::list_item) out += "- ";
    out += b.text + "\n";
  }
  return out;
}

}  // namespace briefcast
