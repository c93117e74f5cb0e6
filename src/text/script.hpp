#pragma once
// The script: what the text front end hands to speech — blocks of sentences, each as written and
// as it will be spoken — and the stream interface the speaking pipeline reads it through.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "text/article.hpp"

namespace briefcast {

// One sentence as written and as handed to eSpeak NG.
struct ScriptSentence {
  std::string text;    // the article's own words (Unicode tidied)
  std::string spoken;  // after normalization and the lexicon
};

// One block of the article with its sentences.
struct ScriptBlock {
  BlockKind kind = BlockKind::paragraph;
  std::size_t index = 0;          // block index within the article
  std::size_t source_offset = 0;  // byte offset of the block in the input
  std::vector<ScriptSentence> sentences;
};

// A stream of script blocks: a cleaned article in memory, or a large plain-text file read
// paragraph by paragraph so memory stays flat.
class ScriptReader {
 public:
  virtual ~ScriptReader() = default;
  virtual std::optional<ScriptBlock> next() = 0;  // nullopt at the end
  virtual const std::string& title() const = 0;   // may be empty
  // The author the input names (byline, author meta tag, JSON-LD); may be empty.
  virtual const std::string& author() const {
    static const std::string none;
    return none;
  }
  virtual const std::string& name() const = 0;  // file name for messages, "<stdin>" for "-"
  virtual std::vector<std::string> warnings() const = 0;  // repairs worth telling the user
  // Input lines cleaning left out of the body (listed by --verbose).
  virtual std::vector<DroppedLine> dropped() const { return {}; }
  // Counts the sentences ahead without consuming them, when cheap (nullopt otherwise).
  virtual std::optional<std::size_t> count_sentences() = 0;
};

}  // namespace briefcast
