#include "briefing/episode_timeline.hpp"

#include <cstddef>
#include <string>

namespace briefcast {

EpisodeTimeline place_episode(const std::vector<EpisodePart>& parts,
                              const std::vector<PartAudio>& audio, const Mp3Assembly& plan,
                              const std::vector<Story>& stories) {
  using Kind = EpisodePart::Kind;
  EpisodeTimeline out;
  std::size_t story = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const EpisodePart& p = parts[i];
    const AssembledPart& at = plan.parts.at(i);
    double start = at.start_ms / 1000.0;
    if (p.kind == Kind::story || p.kind == Kind::intro || p.kind == Kind::outro) {
      out.id3_chapters.push_back({p.title, p.url, at.start_ms, at.end_ms});
      Chapter c;
      c.start_s = start;
      c.end_s = at.end_ms / 1000.0;
      c.title = p.title;
      c.url = p.url;
      out.chapters.push_back(c);
    }
    if (p.kind == Kind::story) {
      const Story& s = stories.at(story++);
      out.notes.push_back({s.title, s.url, s.source, start, ""});
      out.stories.push_back({s.title, s.url, s.source, s.key, start});
    }
    for (const TimedSentence& t : audio.at(i).timeline) {
      TranscriptCue cue;
      cue.start_s = start + t.start_seconds;
      cue.end_s = start + t.end_seconds;
      cue.text = t.text;
      if (t.text == t.spoken)
        for (const TimedSentence::Word& w : t.words)
          cue.words.push_back({w.offset, w.length, start + w.start_seconds});
      out.cues.push_back(std::move(cue));
    }
  }
  return out;
}

}  // namespace briefcast
