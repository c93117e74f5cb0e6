#include "extract/html_extractor.hpp"

#include <algorithm>
#include <climits>
#include <regex>
#include <vector>

#include "base/error.hpp"
#include "base/strings.hpp"
#include "extract/block_emitter.hpp"
#include "extract/content_selection.hpp"
#include "extract/html_text.hpp"
#include "extract/page_metadata.hpp"
#include "markup/markup_tree.hpp"
#include "text/text_encoding.hpp"

namespace briefcast {
namespace {

bool is_boilerplate_line(const std::string& text) {
  static const std::regex re(
      "^(advertisement|advertisements|ad|sponsored|sponsored content|story continues below|"
      "continue reading|continue reading below|read more|read more:|share|share this|"
      "share this article|share this story|related|related articles|related stories|"
      "related content|more from .{0,40}|recommended|comments|leave a comment|"
      "skip to main content|skip to content|click here|sign up|subscribe|"
      "this article is more than .{0,30} old)[.:!]?$",
      std::regex::icase | std::regex::optimize);
  return text.size() < 60 && std::regex_match(text, re);
}

// The first <body> in document order, else the root element itself.
MarkupNode* find_body(MarkupNode* root) {
  MarkupNode* body = nullptr;
  traverse(
      root,
      [&](MarkupNode* n) {
        if (body || !n->is_element()) return false;
        if (n->name == "body") {
          body = n;
          return false;
        }
        return true;
      },
      [](MarkupNode*) {});
  return body ? body : root;
}

std::size_t total_chars(const std::vector<Block>& blocks) {
  std::size_t n = 0;
  for (const Block& b : blocks) n += b.text.size();
  return n;
}

}  // namespace

Article extract_html(std::string_view html_bytes, const std::string& name,
                     std::string_view declared_charset) {
  if (html_bytes.size() > (std::size_t{1} << 30))
    throw Error(ExitCode::input, "'" + name + "': page too large (over 1 GiB)");
  std::vector<std::string> warnings;
  const std::string charset = sniff_html_charset(html_bytes, declared_charset);
  std::string utf8 = to_utf8(html_bytes, charset, &warnings);
  // NUL would end libxml2's input early; nothing readable is lost by dropping it.
  utf8.erase(std::remove(utf8.begin(), utf8.end(), '\0'), utf8.end());
  // Up to 1 GiB of single-byte text can double in UTF-8; libxml2 takes an int length.
  if (utf8.size() > static_cast<std::size_t>(INT_MAX))
    throw Error(ExitCode::input, "'" + name + "': page too large (over 2 GiB as UTF-8)");

  // Two attempts, as readability does: first strip everything that looks unlikely by class/id,
  // then, if that left too little text, keep it and let scoring decide. Each attempt parses
  // afresh because the first one removes nodes.
  std::vector<Block> blocks;
  PageMetadata meta;
  for (int attempt = 0; attempt < 2; ++attempt) {
    MarkupDocument doc = parse_html(utf8, name);
    MarkupNode* root = doc.root();
    if (!root) break;
    if (attempt == 0) meta = read_page_metadata(*root);
    const ContentSelection selection = select_content(doc, *find_body(root), attempt == 0);
    std::vector<Block> got = emit_blocks(selection, utf8);
    if (total_chars(got) > total_chars(blocks)) blocks = std::move(got);
    if (total_chars(blocks) >= 500) break;
  }

  Article article = article_metadata(meta);
  for (std::string& w : warnings) article.warnings.push_back("'" + name + "': " + w);

  // The title is spoken separately; boilerplate one-liners are not article text.
  const std::string ltitle = lower_ascii(article.title);
  bool title_dropped = false;
  for (Block& b : blocks) {
    if (!title_dropped && b.kind == BlockKind::heading && !ltitle.empty() &&
        lower_ascii(b.text) == ltitle) {
      title_dropped = true;
      b.text.clear();
    } else if (is_boilerplate_line(b.text)) {
      b.text.clear();
    }
  }
  std::erase_if(blocks, [](const Block& b) { return b.text.empty(); });
  if (blocks.empty()) throw Error(ExitCode::input, "'" + name + "': no article text found");
  article.blocks = std::move(blocks);
  return article;
}

}  // namespace briefcast
