#pragma once
// One spoken sentence placed on a timeline: what `say` reports for each sentence it speaks
// (say.hpp), what the daily briefing keeps per cached part in state.json (briefing_state.hpp) and
// places on the episode's clock for transcripts (episode_timeline.hpp). A plain value.

#include <cstddef>
#include <string>
#include <vector>

#include "text/article.hpp"

namespace briefcast {

struct TimedSentence {
  std::string text;    // as written in the input
  std::string spoken;  // as handed to eSpeak NG (after normalization and the lexicon)
  BlockKind kind = BlockKind::paragraph;  // the block the sentence belongs to
  std::size_t input = 0;                  // index into SayRequest::inputs
  std::size_t paragraph = 0;              // paragraph index within the whole output
  double start_seconds = 0;               // on the output timeline, seconds
  double end_seconds = 0;                 // on the output timeline, seconds
  struct Word {
    std::size_t offset = 0;    // byte offset in `spoken`
    std::size_t length = 0;    // bytes
    double start_seconds = 0;  // on the output timeline, seconds
    bool operator==(const Word&) const = default;
  };
  std::vector<Word> words;  // eSpeak NG's word events, in order
  bool operator==(const TimedSentence&) const = default;
};

}  // namespace briefcast
