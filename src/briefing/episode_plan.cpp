#include "briefing/episode_plan.hpp"

#include <sstream>
#include <utility>

#include "base/error.hpp"
#include "base/uuid.hpp"
#include "net/url_tools.hpp"

namespace briefcast {

namespace {

std::size_t count_words(const std::vector<ScriptBlock>& blocks) {
  std::size_t words = 0;
  for (auto& b : blocks)
    for (auto& s : b.sentences) {
      std::istringstream in(s.spoken);
      std::string w;
      while (in >> w) ++words;
    }
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

bool already_broadcast(const std::string& key, const std::map<std::string, std::string>& broadcast,
                       const std::set<std::string>& replaced_keys) {
  return broadcast.count(key) && !replaced_keys.count(key);
}

StoryCandidates prepare_stories(const std::vector<SourceStory>& collected,
                                const std::map<std::string, std::string>& broadcast,
                                const std::set<std::string>& replaced_keys,
                                const ScriptOptions& script, const VoiceProfile& voice,
                                std::ostream& log) {
  StoryCandidates out;
  std::set<std::string> keys_this_run;
  for (auto& s : collected) {
    Article a;
    try {
      a = article_from_bytes(s.body, format_of(s.body_kind), s.url.empty() ? s.title : s.url,
                             s.charset);
    } catch (const Error& e) {
      if (e.code() == ExitCode::interrupted) throw;
      log << "briefcast: warning: source '" << s.source_name << "': " << e.what() << "; skipped\n";
      ++out.skipped_failed;
      continue;
    }
    Story st;
    st.title = !s.title.empty() ? s.title : a.title;
    st.url = s.url;
    st.source = s.source_name;
    st.key = story_key(s.url, render_clean_text(a));
    if (already_broadcast(st.key, broadcast, replaced_keys) || keys_this_run.count(st.key)) {
      ++out.skipped_broadcast;
      continue;
    }
    Article body = a;
    body.title = st.title;
    auto reader = script_from_article(std::move(body), script, st.title, true);
    while (auto b = reader->next()) st.blocks.push_back(std::move(*b));
    if (st.blocks.empty()) continue;
    st.estimate_seconds =
        estimate_speech_seconds(st.blocks, voice.rate_wpm, voice.paragraph_pause_ms);
    keys_this_run.insert(st.key);
    out.stories.push_back(std::move(st));
  }
  return out;
}

StorySelection limit_stories(std::vector<Story> stories, int max_stories, int max_minutes) {
  StorySelection out;
  if (max_stories > 0 && stories.size() > static_cast<std::size_t>(max_stories))
    stories.resize(static_cast<std::size_t>(max_stories));
  if (max_minutes <= 0) {
    out.stories = std::move(stories);
    return out;
  }
  double budget = max_minutes * 60.0, used = 0;
  for (auto& s : stories) {
    if (used + s.estimate_seconds > budget && !out.stories.empty()) {
      out.left_out.push_back(s.title);
      continue;
    }
    used += s.estimate_seconds;
    out.stories.push_back(std::move(s));
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
    if (!file.empty()) parts.push_back({Kind::between, "", "", {}, file});
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
    parts.push_back(std::move(p));
  }
  spoken(Kind::outro, "Closing", episode.outro);
  sound(episode.outro_sound);
  return parts;
}

}  // namespace briefcast
