#pragma once
// Transcripts of an episode for `podcast:transcript`: WebVTT (text/vtt) and SubRip
// (application/x-subrip) from the timed sentences the speech pipeline produced.
//
// A sentence longer than a caption holds is split into several cues: at word boundaries, at the
// times its word timings give, or in proportion to the characters when it has none.

#include <cstddef>
#include <string>
#include <vector>

namespace briefcast {

// When one word of a cue's text starts being spoken.
struct TranscriptWord {
  std::size_t offset = 0;  // byte offset of the word in TranscriptCue::text
  std::size_t length = 0;  // bytes
  double start_s = 0;      // on the episode's timeline, seconds
};

// One stretch of speech, usually a sentence.
struct TranscriptCue {
  double start_s = 0;                 // seconds on the episode's timeline
  double end_s = 0;                   // seconds; cues with end_s <= start_s are skipped
  std::string text;                   // UTF-8, as written; whitespace is folded on output
  std::string speaker;                // optional; WebVTT writes it as a <v> voice span
  std::vector<TranscriptWord> words;  // optional word timings, ascending, offsets into `text`
};

// How much text one caption may hold.
struct CaptionLayout {
  std::size_t max_line_chars = 42;  // characters (UTF-8 code points) per line
  std::size_t max_lines = 2;        // lines per cue
};

// The cues as captions: each at most `layout.max_lines` lines of `layout.max_line_chars` (a
// single longer word gets a line of its own), lines joined by '\n', times ascending and not
// overlapping. Splitting times come from the word timings whose offset matches the first word of
// a part; otherwise in proportion to the part's position in the text.
std::vector<TranscriptCue> layout_captions(const std::vector<TranscriptCue>& cues,
                                           const CaptionLayout& layout = {});

// "WEBVTT" header, blank-line separated cues "HH:MM:SS.mmm --> HH:MM:SS.mmm" with the text
// escaped (&, <, >). Runs layout_captions first.
std::string render_webvtt(const std::vector<TranscriptCue>& cues, const CaptionLayout& layout = {});

// Numbered SubRip cues "HH:MM:SS,mmm --> HH:MM:SS,mmm", CRLF-free. Runs layout_captions first.
// The speaker, when set, prefixes the first line as "Speaker: ".
std::string render_srt(const std::vector<TranscriptCue>& cues, const CaptionLayout& layout = {});

// "HH:MM:SS.mmm" (separator '.') or "HH:MM:SS,mmm" (','), rounded to the millisecond.
std::string caption_timestamp(double seconds, char separator);

}  // namespace briefcast
