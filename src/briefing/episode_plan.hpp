#pragma once
// What a day's episode says, decided before anything is spoken: which collected stories are new
// (not broadcast before, not duplicates), which fit the feed definition's limits (max_stories,
// then max_minutes by an estimate from the spoken script), and the parts in speaking order with the
// intro and outro texts rendered from their templates.
//
// Everything here is a function of its arguments (the text front end is pure, too); nothing is
// read from or written to disk. Exceptions: prepare_stories rethrows Error(interrupted) and
// anything but Error; compose_episode throws Error(ExitCode::feed) from render_template for a
// bad template (feed_config.cpp has checked them when the definition was loaded).

#include <cstddef>
#include <functional>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "briefing/episode_part.hpp"
#include "briefing/episode_template.hpp"
#include "briefing/feed_config.hpp"
#include "briefing/sources.hpp"
#include "pipeline/text_frontend.hpp"
#include "voice/voice_profile.hpp"

namespace briefcast {

// The key that tells whether two stories are the same: the article's URL normalized
// (normalize_url_for_dedupe), or "sha256:<hex>" of its cleaned text when it has no URL.
std::string story_key(const std::string& url, const std::string& clean_text);

// Speaking time of `blocks` estimated before synthesis, seconds:
// 60 × words of the spoken sentences / rate_wpm + blocks × paragraph_pause_ms / 1000, where a
// token longer than six characters counts as one word per six characters.
double estimate_speech_seconds(const std::vector<ScriptBlock>& blocks, int rate_wpm,
                               int paragraph_pause_ms);

// Titles longer than this many characters are cut (cap_title).
inline constexpr std::size_t kMaxTitleChars = 200;
// `title` when it has at most kMaxTitleChars characters; else cut there (at the last space in its
// second half, if any) and ended with "…".
std::string cap_title(std::string_view title);

// True when the story `key` was in an earlier episode (`broadcast`: key → date, from
// state.json). Stories of the episode being rebuilt with --force (`replaced_keys`) count as new.
bool already_broadcast(const std::string& key, const std::map<std::string, std::string>& broadcast,
                       const std::set<std::string>& replaced_keys);

// The voice a collected story is spoken in, given its cleaned article (briefing.cpp: the pin of
// its source, else the feed's pin, else the voice of the article's language).
using StoryVoiceChooser = std::function<VoiceProfile(const SourceStory&, const Article&)>;

// The new stories among those collected.
struct StoryCandidates {
  std::vector<Story> stories;         // collection order; each key once
  std::size_t skipped_broadcast = 0;  // already broadcast, or the same story twice in this run
  std::size_t skipped_failed = 0;     // no usable article text (warned on `log`)
};

// Cleans each collected story with the text front end (its body kind: html, markdown or text),
// titles it (the source's title, else the article's), keys it, drops it when already broadcast
// or seen earlier in this run, and scripts it for `voice` with its title spoken first — or, when
// `choose` is given and picks another voice (by name, eSpeak NG voice or language), for that
// voice's language and lexicon, kept as Story::voice. A story
// whose text cannot be cleaned is reported on `log` as
//   briefcast: warning: source 'NAME': <reason>; skipped
// and counted; one that scripts to nothing is dropped silently.
StoryCandidates prepare_stories(const std::vector<SourceStory>& collected,
                                const std::map<std::string, std::string>& broadcast,
                                const std::set<std::string>& replaced_keys,
                                const ScriptOptions& script, const VoiceProfile& voice,
                                std::ostream& log, const StoryVoiceChooser& choose = {});

// The stories that fit, in order.
struct StorySelection {
  std::vector<Story> stories;         // kept (some of them cut, see `cut`)
  std::vector<std::string> left_out;  // titles dropped because of max_minutes, in order
  // Stories kept only in part because of max_minutes: title, sentences of the article kept and
  // in all (the spoken title not counted), in order.
  struct Cut {
    std::string title;
    std::size_t kept_sentences = 0;
    std::size_t sentences = 0;
  };
  std::vector<Cut> cut;
};

// Keeps the first `max_stories` (0: no limit), then fills `max_minutes` (0: no limit) in order:
// a story whose estimate fits is kept whole; one that does not is cut to the leading part that
// fits — its spoken title and its first paragraphs, and when not even the first paragraph
// fits, that paragraph's first sentences — so it ends at the end of a sentence, never inside
// one. A story of which not one sentence after the title fits is left out (the first one too),
// and later shorter ones may still be added. The estimate of a cut story is made again from
// what it keeps (`rate_wpm`, `paragraph_pause_ms`: the voice's).
StorySelection limit_stories(std::vector<Story> stories, int max_stories, int max_minutes,
                             int rate_wpm, int paragraph_pause_ms);

// The parts in speaking order: intro sound, intro ("Introduction"), the stories with the
// between sound separating them, outro ("Closing"), outro sound; each only when configured. The
// intro and outro texts are `episode`'s templates rendered with `values` (stories allowed) and
// scripted as one paragraph each; a story part keeps its story's own voice.
std::vector<EpisodePart> compose_episode(const EpisodeConfig& episode,
                                         const std::vector<Story>& stories,
                                         const TemplateValues& values, const ScriptOptions& script);

}  // namespace briefcast
