#pragma once
// Where everything is in the assembled episode: chapters (ID3 and Podcasting 2.0 JSON), transcript
// cues with word timings, the stories of the show notes and of state.json, all placed on the
// episode's timeline from the assembly plan's part starts (mp3_assembler.hpp) and each part's own
// sentence timeline. A pure function over values; it reads no file.

#include <vector>

#include "audio/id3_tags.hpp"
#include "audio/mp3_assembler.hpp"
#include "briefing/briefing_state.hpp"
#include "briefing/episode_part.hpp"
#include "feed/chapters_json.hpp"
#include "feed/show_notes.hpp"
#include "feed/transcript.hpp"

namespace briefcast {

struct EpisodeTimeline {
  std::vector<Id3Chapter> id3_chapters;  // intro, stories, outro (no sounds), milliseconds
  std::vector<Chapter> chapters;         // the same for chapters JSON, seconds
  std::vector<TranscriptCue> cues;       // every sentence of every part, in order
  std::vector<ShowNotesStory> notes;     // the stories with their start, seconds
  std::vector<StoryRecord> stories;      // the same for state.json, with their keys
};

// `parts`, `audio` and `plan.parts` are parallel (one entry per part, in order); `stories` are
// the stories of the episode in order, one per EpisodePart::Kind::story part. A part starts at
// plan.parts[i].start_ms and ends at end_ms; its sentences' times are shifted by its start. A
// transcript shows the article's words; eSpeak NG's word timings point into the spoken form, so
// they are kept only for sentences spoken exactly as written. Throws std::out_of_range when the
// sizes do not match (a caller's bug: they come from one plan).
EpisodeTimeline place_episode(const std::vector<EpisodePart>& parts,
                              const std::vector<PartAudio>& audio, const Mp3Assembly& plan,
                              const std::vector<Story>& stories);

}  // namespace briefcast
