#include "article.hpp"

namespace briefcast {

const char* to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::heading: return "heading";
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::list_item: return "list_item";
    case BlockKind::quote: return "quote";
  }
  return "paragraph";
}

}  // namespace briefcast
