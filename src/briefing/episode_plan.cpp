#include "briefing/episode_plan.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "base/error.hpp"
#include "base/interrupt.hpp"
#include "base/strings.hpp"
#include "base/uuid.hpp"
#include "net/url_tools.hpp"

namespace briefcast {

namespace {

// Words of the spoken script; a token longer than a word (a run of digits or letters the voice
// will spell out) counts as one word per kLongWordBytes of it, so no single token is cheap.
constexpr std::size_t kLongWordBytes = 6;

std::size_t count_words(const std::vector<ScriptBlock>& blocks) {
  std::size_t words = 0;
  for (auto& b : blocks)
    for (auto& s : b.sentences)
      for (std::string_view w : split_words(s.spoken))
        words += std::max<std::size_t>(1, count_code_points(w) / kLongWordBytes);
  return words;
}

std::vector<ScriptBlock> script_of_text(const std::string& text, BlockKind kind,
                                        const ScriptOptions& options) {
  std::vector<ScriptBlock> out;
  ScriptBlock b = script_block(Block{kind, text, 0}, 0, options);
  if (!b.sentences.empty()) out.push_back(std::move(b));
  return out;
}

InputFormat format_of(const std::string& body_kind) {
  return body_kind == "html"       ? InputFormat::html
         : body_kind == "markdown" ? InputFormat::markdown
                                   : InputFormat::text;
}

}  // namespace

std::string story_key(const std::string& url, const std::string& clean_text) {
  return !url.empty() ? normalize_url_for_dedupe(url) : "sha256:" + sha256_hex(clean_text);
}

double estimate_speech_seconds(const std::vector<ScriptBlock>& blocks, int rate_wpm,
                               int paragraph_pause_ms) {
  return 60.0 * static_cast<double>(count_words(blocks)) / rate_wpm +
         static_cast<double>(blocks.size()) * paragraph_pause_ms / 1000.0;
}

namespace {
void prepare_story(const SourceStory& s, const std::map<std::string, std::string>& broadcast,
                   const std::set<std::string>& replaced_keys, const ScriptOptions& script,
                   const VoiceProfile& voice, const StoryVoiceChooser& choose,
                   std::set<std::string>& keys_this_run, StoryCandidates& out);
}  // namespace

std::string cap_title(std::string_view title) {
  if (count_code_points(title) <= kMaxTitleChars) return std::string(title);
  std::size_t end = 0;
  for (std::size_t chars = 0; end < title.size(); ++end)
    if (!is_utf8_continuation(title[end]) && chars++ == kMaxTitleChars) break;
  std::string_view cut = title.substr(0, end);
  // At a word's end when one is near; never in the middle of a character.
  if (std::size_t space = cut.find_last_of(' ');
      space != std::string_view::npos && space > cut.size() / 2)
    cut = cut.substr(0, space);
  return std::string(trim(cut)) + "\u2026";
}

bool already_broadcast(const std::string& key, const std::map<std::string, std::string>& broadcast,
                       const std::set<std::string>& replaced_keys) {
  return broadcast.count(key) && !replaced_keys.count(key);
}

StoryCandidates prepare_stories(const std::vector<SourceStory>& collected,
                                const std::map<std::string, std::string>& broadcast,
                                const std::set<std::string>& replaced_keys,
                                const ScriptOptions& script, const VoiceProfile& voice,
                                std::ostream& log, const StoryVoiceChooser& choose) {
  StoryCandidates out;
  std::set<std::string> keys_this_run;
  auto skip = [&](const SourceStory& s, const std::string& reason) {
    log << "briefcast: warning: source '" << s.source_name << "': " << reason << "; skipped\n";
    ++out.skipped_failed;
  };
  for (auto& s : collected) {
    throw_if_interrupted();
    // Any failure inside one story, not only an Error, costs that story alone.
    try {
      prepare_story(s, broadcast, replaced_keys, script, voice, choose, keys_this_run, out);
    } catch (const Error& e) {
      if (e.code() == ExitCode::interrupted) throw;
      skip(s, e.what());
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception& e) {
      skip(s, std::string("internal error: ") + e.what());
    }
  }
  return out;
}

namespace {

void prepare_story(const SourceStory& s, const std::map<std::string, std::string>& broadcast,
                   const std::set<std::string>& replaced_keys, const ScriptOptions& script,
                   const VoiceProfile& voice, const StoryVoiceChooser& choose,
                   std::set<std::string>& keys_this_run, StoryCandidates& out) {
  {
    Article a = article_from_bytes(s.body, format_of(s.body_kind), s.url.empty() ? s.title : s.url,
                                   s.charset);
    Story st;
    st.title = cap_title(xml_safe_text(!s.title.empty() ? s.title : a.title));
    st.url = s.url;
    st.source = s.source_name;
    st.key = story_key(s.url, render_clean_text(a));
    if (already_broadcast(st.key, broadcast, replaced_keys) || keys_this_run.count(st.key)) {
      ++out.skipped_broadcast;
      return;
    }
    ScriptOptions options = script;
    if (choose) {
      VoiceProfile own = choose(s, a);
      if (own.name != voice.name || own.espeak_voice != voice.espeak_voice ||
          own.language != voice.language) {
        options.language = own.language;
        options.lexicon = own.lexicon;
        st.voice = std::move(own);
      }
    }
    const VoiceProfile& spoken_by = st.voice ? *st.voice : voice;
    Article body = a;
    body.title = st.title;
    auto reader = script_from_article(std::move(body), options, st.title, true);
    while (auto b = reader->next()) {
      throw_if_interrupted();
      st.blocks.push_back(std::move(*b));
    }
    if (st.blocks.empty()) return;
    st.estimate_seconds =
        estimate_speech_seconds(st.blocks, spoken_by.rate_wpm, spoken_by.paragraph_pause_ms);
    keys_this_run.insert(st.key);
    out.stories.push_back(std::move(st));
  }
}

}  // namespace

namespace {

// The leading part of `story` (its title block first) whose estimate fits in `seconds`, ending
// at a paragraph's end when one fits, else inside the first paragraph at a sentence's end;
// nullopt when not one sentence after the title fits.
std::optional<Story> cut_to_fit(const Story& story, double seconds, int rate_wpm,
                                int paragraph_pause_ms) {
  if (story.blocks.size() < 2) return std::nullopt;  // a title alone cannot be cut
  // Estimates add up block by block (and sentence by sentence, less the one pause per block).
  auto estimate = [&](const ScriptBlock& block) {
    return estimate_speech_seconds({block}, rate_wpm, paragraph_pause_ms);
  };
  Story cut = story;
  cut.blocks.assign(story.blocks.begin(), story.blocks.begin() + 1);
  double used = estimate(story.blocks[0]);
  if (used > seconds) return std::nullopt;
  for (std::size_t i = 1; i < story.blocks.size(); ++i) {
    const double more = estimate(story.blocks[i]);
    if (used + more > seconds) break;
    used += more;
    cut.blocks.push_back(story.blocks[i]);
  }
  if (cut.blocks.size() == 1) {
    // Not even the first paragraph: its first sentences, as many as fit.
    const ScriptBlock& whole = story.blocks[1];
    ScriptBlock part = whole;
    part.sentences.clear();
    used += paragraph_pause_ms / 1000.0;
    for (const ScriptSentence& sentence : whole.sentences) {
      ScriptBlock one;
      one.sentences = {sentence};
      const double more = estimate(one) - paragraph_pause_ms / 1000.0;
      if (used + more > seconds) break;
      used += more;
      part.sentences.push_back(sentence);
    }
    if (part.sentences.empty()) return std::nullopt;
    cut.blocks.push_back(std::move(part));
  }
  cut.estimate_seconds = used;
  return cut;
}

std::size_t body_sentences(const std::vector<ScriptBlock>& blocks) {
  std::size_t n = 0;
  for (std::size_t i = 1; i < blocks.size(); ++i) n += blocks[i].sentences.size();
  return n;
}

}  // namespace

StorySelection limit_stories(std::vector<Story> stories, int max_stories, int max_minutes,
                             int rate_wpm, int paragraph_pause_ms) {
  StorySelection out;
  if (max_stories > 0 && stories.size() > static_cast<std::size_t>(max_stories))
    stories.resize(static_cast<std::size_t>(max_stories));
  if (max_minutes <= 0) {
    out.stories = std::move(stories);
    return out;
  }
  double budget = max_minutes * 60.0, used = 0;
  for (auto& s : stories) {
    if (used + s.estimate_seconds <= budget) {
      used += s.estimate_seconds;
      out.stories.push_back(std::move(s));
      continue;
    }
    std::optional<Story> cut = cut_to_fit(s, budget - used, rate_wpm, paragraph_pause_ms);
    if (!cut) {
      out.left_out.push_back(s.title);
      continue;
    }
    out.cut.push_back({s.title, body_sentences(cut->blocks), body_sentences(s.blocks)});
    used += cut->estimate_seconds;
    out.stories.push_back(std::move(*cut));
  }
  return out;
}

std::vector<EpisodePart> compose_episode(const EpisodeConfig& episode,
                                         const std::vector<Story>& stories,
                                         const TemplateValues& values,
                                         const ScriptOptions& script) {
  using Kind = EpisodePart::Kind;
  std::vector<EpisodePart> parts;
  // Sounds count as "between" parts wherever they are played (their cache keys say so).
  auto sound = [&](const std::filesystem::path& file) {
    if (!file.empty()) parts.push_back({Kind::between, "", "", {}, file, std::nullopt});
  };
  auto spoken = [&](Kind kind, const char* title, const std::string& text) {
    if (text.empty()) return;
    EpisodePart p;
    p.kind = kind;
    p.title = title;
    p.blocks = script_of_text(render_template(text, values, true), BlockKind::paragraph, script);
    parts.push_back(std::move(p));
  };
  sound(episode.intro_sound);
  spoken(Kind::intro, "Introduction", episode.intro);
  for (std::size_t i = 0; i < stories.size(); ++i) {
    if (i > 0) sound(episode.between_sound);
    EpisodePart p;
    p.kind = Kind::story;
    p.title = stories[i].title;
    p.url = stories[i].url;
    p.blocks = stories[i].blocks;
    p.voice = stories[i].voice;
    parts.push_back(std::move(p));
  }
  spoken(Kind::outro, "Closing", episode.outro);
  sound(episode.outro_sound);
  return parts;
}

}  // namespace briefcast
