#include "briefing/briefing.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "audio/id3_tags.hpp"
#include "audio/mp3_assembler.hpp"
#include "base/data_dir.hpp"
#include "base/error.hpp"
#include "base/interrupt.hpp"
#include "base/stale_temps.hpp"
#include "base/uuid.hpp"
#include "briefing/briefing_day.hpp"
#include "briefing/briefing_publish.hpp"
#include "briefing/briefing_state.hpp"
#include "briefing/episode_plan.hpp"
#include "briefing/episode_template.hpp"
#include "briefing/episode_timeline.hpp"
#include "briefing/feed_config.hpp"
#include "briefing/feed_lock.hpp"
#include "briefing/part_audio.hpp"
#include "briefing/sources.hpp"
#include "feed/show_notes.hpp"
#include "pipeline/text_frontend.hpp"
#include "voice/speech_engine.hpp"
#include "voice/voice_profile.hpp"

namespace briefcast {

namespace fs = std::filesystem;

namespace {

// What a build settles before it touches anything: the definition, where it publishes, the day
// and how it sounds.
struct BuildSetup {
  FeedConfig cfg;
  std::string feed_name;  // the definition's path as given, for messages
  fs::path root;          // the output folder
  std::string base_url;   // public URL of `root`, ending in '/'
  std::string feed_url;   // base_url + "feed.xml"
  EpisodeDay day;
  std::time_t now = 0;  // when the build started
  AudioSettings audio;
  ScriptOptions script;  // the voice's language and lexicon
  // Pins: the feed's ("voice" or "language"), and each source's by name.
  std::optional<VoiceProfile> feed_voice;
  std::map<std::string, VoiceProfile> source_voices;
  fs::path state_dir;   // <root>/.briefcast
  fs::path state_file;  // <root>/.briefcast/state.json
};

// A pin of the feed definition: the profile `voice` names, or the voice of `language`; nullopt
// when both are empty. Throws Error(ExitCode::voice) naming the file and `field_prefix`voice
// (or language) when there is no such profile, or no voice speaks the language.
std::optional<VoiceProfile> pinned_voice(const std::string& feed_name,
                                         const std::string& field_prefix, const std::string& voice,
                                         const std::string& language, const fs::path& voices_dir,
                                         const VoiceProfile& standard) {
  if (!voice.empty()) {
    if (auto profile = find_voice_profile(voice, voices_dir)) return profile;
    throw Error(ExitCode::voice, "'" + feed_name + "': field '" + field_prefix +
                                     "voice': no voice profile '" + voice +
                                     "' (see `briefcast voices`)");
  }
  if (language.empty()) return std::nullopt;
  if (auto profile = voice_for_language(language, voices_dir, standard)) return profile;
  throw Error(ExitCode::voice, "'" + feed_name + "': field '" + field_prefix +
                                   "language': no voice speaks '" + language +
                                   "' (see `briefcast voices`)");
}

// Reads the feed definition and the voice profile, and checks the day.
BuildSetup settle(const BuildOptions& options) {
  BuildSetup s;
  s.cfg = load_feed_config(options.feed_file);
  s.feed_name = options.feed_file.string();
  s.root = s.cfg.output_dir;
  s.base_url = options.base_url.value_or(s.cfg.show.base_url);
  if (s.base_url.empty() || s.base_url.back() != '/') s.base_url += '/';
  s.feed_url = url_join(s.base_url, "feed.xml");

  s.day = parse_episode_day(options.date.value_or(today_local()));
  s.now = std::time(nullptr);
  if (is_future_day(s.day, s.now))
    throw Error(ExitCode::usage, "--date " + s.day.date + " is in the future");

  // The episode's voice (intro, outro, and a story of no known language): the feed's pin, else
  // the voice of the show's language, else the default profile.
  const fs::path voices_dir = default_voices_dir();
  const VoiceProfile standard =
      find_voice_profile("en-us-news", voices_dir).value_or(VoiceProfile{});
  s.feed_voice = pinned_voice(s.feed_name, "", s.cfg.voice, s.cfg.language, voices_dir, standard);
  for (std::size_t i = 0; i < s.cfg.sources.size(); ++i) {
    const SourceConfig& src = s.cfg.sources[i];
    const std::string field = "sources[" + std::to_string(i) + "].";
    if (auto pin = pinned_voice(s.feed_name, field, src.voice, src.language, voices_dir, standard))
      s.source_voices.emplace(src.name, std::move(*pin));
  }
  std::optional<VoiceProfile> voice = s.feed_voice;
  if (!voice) voice = voice_for_language(s.cfg.show.language, voices_dir, standard);
  if (!voice) voice = standard;
  s.audio = part_audio_settings(*voice, s.cfg.mp3, s.cfg.loudness);
  s.audio.jobs = options.jobs;
  s.script.language = s.audio.voice.language;
  s.script.lexicon = s.audio.voice.lexicon;
  s.state_dir = s.root / ".briefcast";
  s.state_file = s.state_dir / "state.json";
  return s;
}

// Creates the output folders, takes the feed's lock and removes temporaries a killed run left.
// A dry run touches nothing and takes no lock (nullptr).
std::unique_ptr<FeedLock> open_output(const BuildSetup& s, bool dry_run) {
  if (dry_run) return nullptr;
  std::error_code ec;
  fs::create_directories(s.root / "episodes", ec);
  if (ec)
    throw Error(ExitCode::output,
                "'" + (s.root / "episodes").string() + "': cannot create folder: " + ec.message());
  auto lock = std::make_unique<FeedLock>(s.state_dir, s.feed_name);
  fs::create_directories(s.state_dir / "cache");
  for (auto& dir : {s.root, s.root / "episodes", s.state_dir, s.state_dir / "cache"})
    remove_stale_temporaries(dir);
  return lock;
}

// The new stories within the limits (estimated before any synthesis); the sources' HTTP
// validators in `state` are updated. Stories of `replaced` (the day's episode being rebuilt)
// count as new.
std::vector<Story> choose_stories(const BuildSetup& s, BriefingState& state,
                                  const EpisodeRecord* replaced, BuildReport& report,
                                  std::ostream& log) {
  std::set<std::string> replaced_keys;
  if (replaced)
    for (auto& story : replaced->stories) replaced_keys.insert(story.key);
  // A source's pin, else the feed's, else the voice of the language the story is written in.
  const fs::path voices_dir = default_voices_dir();
  auto choose = [&](const SourceStory& story, const Article& article) {
    if (auto pin = s.source_voices.find(story.source_name); pin != s.source_voices.end())
      return pin->second;
    if (s.feed_voice) return *s.feed_voice;
    return voice_for_article(article, voices_dir, s.audio.voice);
  };
  StoryCandidates candidates =
      prepare_stories(collect_stories(s.cfg, state.sources, log), state.broadcast, replaced_keys,
                      s.script, s.audio.voice, log, choose);
  report.skipped_broadcast = candidates.skipped_broadcast;
  report.skipped_failed = candidates.skipped_failed;
  StorySelection selection =
      limit_stories(std::move(candidates.stories), s.cfg.max_stories, s.cfg.max_minutes,
                    s.audio.voice.rate_wpm, s.audio.voice.paragraph_pause_ms);
  for (auto& cut : selection.cut)
    log << "briefcast: '" << cut.title << "' cut to its first " << cut.kept_sentences << " of "
        << cut.sentences << " sentences: the episode would exceed " << s.cfg.max_minutes
        << " minutes\n";
  for (auto& title : selection.left_out)
    log << "briefcast: '" << title << "' left out: the episode would exceed " << s.cfg.max_minutes
        << " minutes\n";
  return std::move(selection.stories);
}

// The episode's title and parts, and each part's cache key and file.
struct EpisodeDraft {
  TemplateValues values;  // for the title and the intro/outro templates
  std::string title;
  std::vector<EpisodePart> parts;
  std::string settings;          // fingerprint_settings of the audio and the engine
  std::vector<PartAudio> audio;  // planned: fingerprints and cache files, no audio yet
};

EpisodeDraft draft_episode(const BuildSetup& s, const std::vector<Story>& stories) {
  EpisodeDraft d;
  d.values.show = s.cfg.show.title;
  d.values.date = s.day.local_noon;
  d.values.language = s.script.language;
  for (auto& story : stories) d.values.headlines.push_back(story.title);
  d.title = render_template(s.cfg.episode.title, d.values, false);
  d.parts = compose_episode(s.cfg.episode, stories, d.values, s.script);
  std::string engine_version;
  {
    SpeechEngine engine;  // one engine at a time: released before the parts are spoken
    engine_version = engine.version();
  }
  d.settings = fingerprint_settings(s.audio, engine_version);
  d.audio = plan_part_audio(d.parts, d.settings, s.state_dir / "cache");
  return d;
}

void print_dry_run(const EpisodeDraft& d, const std::vector<Story>& stories,
                   const BriefingState& state, std::ostream& log) {
  log << "briefcast: dry run: '" << d.title << "' with " << stories.size() << " stories:\n";
  for (auto& s : stories) {
    EpisodePart alone{EpisodePart::Kind::story, s.title, s.url, s.blocks, {}, s.voice};
    log << "  - " << s.title << " (" << s.source << ", "
        << (s.voice ? s.voice->name + ", " : std::string()) << "~"
        << std::lround(s.estimate_seconds) << " s"
        << (state.cache.count(part_fingerprint(alone, d.settings)) ? ", cached" : "") << ")\n";
  }
}

// Assembles the episode's MP3 from its parts (chapter times from the assembly plan, then the
// tag, then the frames), writes its transcripts, chapters and notes, and returns its record.
EpisodeRecord assemble_episode(const BuildSetup& s, const EpisodeDraft& d,
                               const std::vector<PartAudio>& parts,
                               const std::vector<Story>& stories, const BriefingState& state) {
  std::vector<fs::path> files;
  for (auto& p : parts) files.push_back(p.file);
  const Mp3Assembly plan = plan_mp3_assembly(files, 0);
  EpisodeTimeline timeline = place_episode(d.parts, parts, plan, stories);
  ShowNotes notes;
  notes.intro = s.cfg.show.description;
  notes.stories = timeline.notes;
  notes.footer = "Read by eSpeak NG (" + s.audio.voice.name + "), produced by briefcast.";

  const std::string stem = episode_stem(s.day.date, s.root, state.episodes);
  const fs::path mp3 = s.root / "episodes" / (stem + ".mp3");
  Tags tags;
  tags.title = d.title;
  tags.artist = s.cfg.show.author;
  tags.album = s.cfg.show.title;
  tags.date = s.day.date;
  tags.language = s.audio.voice.language;
  tags.comment = std::string("briefcast ") + BRIEFCAST_VERSION;
  if (!s.cfg.show.cover.empty()) tags.cover = s.cfg.show.cover;
  const Mp3Assembly assembled = assemble_mp3(files, render_id3v2(tags, timeline.id3_chapters), mp3);
  const std::string notes_html = render_show_notes_html(notes);

  EpisodeRecord ep;
  ep.number = state.next_episode_number;
  // In the show's own namespace: never derived from a URL again, so a later base_url change
  // cannot make a GUID that collides with or replaces one already published.
  ep.guid = uuid_v5(state.podcast_guid, s.day.date + "/" + std::to_string(ep.number));
  ep.title = d.title;
  ep.date = s.day.date;
  ep.published = publication_time(s.day, today_local(), s.now);
  ep.audio = fs::relative(mp3, s.root).generic_string();
  ep.bytes = assembled.total_bytes;
  ep.duration_seconds = assembled.duration_ms / 1000.0;
  ep.transcript_vtt = "episodes/" + stem + ".vtt";
  ep.transcript_srt = "episodes/" + stem + ".srt";
  ep.chapters = "episodes/" + stem + ".chapters.json";
  ep.notes = "episodes/" + stem + ".html";
  ep.description = render_show_notes_text(notes);
  ep.content_html = notes_html;
  ep.stories = timeline.stories;

  PageEpisode page = page_episode(ep);
  page.intro = notes.intro;
  page.footer = notes.footer;
  page.chapters = timeline.chapters;
  page.cues = timeline.cues;  // the cues the VTT and SRT are written from
  write_episode_files(s.root, stem, timeline.cues, timeline.chapters,
                      render_episode_web_page(page_show(s.cfg.show, s.feed_url), page));
  return ep;
}

// Publishes `ep` with the episodes retention keeps: the cover, the feed rendered and validated
// before anything points at the new episode, then state.json and feed.xml (publish_feed).
Retention publish_episode(const BuildSetup& s, BriefingState& state, const EpisodeRecord& ep,
                          std::ostream& log) {
  Retention retention = apply_retention(state.episodes, ep, s.cfg.keep_episodes);
  if (!s.cfg.show.cover.empty()) publish_cover(s.cfg.show.cover, s.root);
  const std::string xml =
      render_checked_feed(make_channel(s.cfg.show, s.base_url, s.feed_url, state.podcast_guid,
                                       std::chrono::sys_seconds(std::chrono::seconds(s.now))),
                          retention.episodes, s.base_url, s.cfg.show.language, s.root, log);
  std::vector<PageEpisode> listed;
  for (auto& e : retention.episodes) listed.push_back(page_episode(e));
  const std::string index = render_show_web_page(page_show(s.cfg.show, s.feed_url), listed);
  throw_if_interrupted();
  publish_feed(state, retention, ep, xml, index, s.root, s.state_file, s.day);
  return retention;
}

}  // namespace

BuildReport build_briefing(const BuildOptions& options, std::ostream& log) {
  const BuildSetup s = settle(options);
  BuildReport report;
  report.feed_url = s.feed_url;
  report.feed_xml = s.root / "feed.xml";
  const std::unique_ptr<FeedLock> lock = open_output(s, options.dry_run);
  BriefingState state = load_state(s.state_file);
  // The show's identity: adopted from the definition, else kept from the first build.
  if (!s.cfg.show.podcast_guid.empty())
    state.podcast_guid = s.cfg.show.podcast_guid;
  else if (state.podcast_guid.empty())
    state.podcast_guid = podcast_guid(s.feed_url);
  if (s.cfg.show.owner_email.empty())
    log << "briefcast: warning: '" << s.feed_name
        << "': no show.owner_email: the feed gets no itunes:owner and podcast:locked no (apps "
           "verify ownership by e-mailing that address)\n";

  auto existing = std::find_if(state.episodes.begin(), state.episodes.end(),
                               [&](const EpisodeRecord& e) { return e.date == s.day.date; });
  const EpisodeRecord* replaced = existing != state.episodes.end() ? &*existing : nullptr;
  if (replaced && !options.force) {
    if (!options.quiet)
      log << "briefcast: '" << s.feed_name << "': the episode for " << s.day.date
          << " is already published (" << replaced->title << "); use --force to rebuild it\n";
    return report;
  }

  const std::vector<Story> stories = choose_stories(s, state, replaced, report, log);
  if (stories.empty()) {
    if (!options.dry_run) save_state(state, s.state_file);  // the sources' validators
    if (!options.quiet)
      log << "briefcast: '" << s.feed_name << "': no new stories for " << s.day.date
          << "; the feed is unchanged\n";
    return report;
  }

  EpisodeDraft draft = draft_episode(s, stories);
  report.episode_title = draft.title;
  report.stories = stories.size();
  if (options.dry_run) {
    print_dry_run(draft, stories, state, log);
    return report;
  }

  ProducedParts produced = produce_parts(draft.parts, std::move(draft.audio), s.audio, state.cache,
                                         s.day.date, s.root, options.progress, log);
  report.parts_cached = produced.cached;
  report.parts_synthesized = produced.synthesized;
  const EpisodeRecord ep = assemble_episode(s, draft, produced.parts, stories, state);
  const Retention retention = publish_episode(s, state, ep, log);

  report.published = true;
  report.episode_mp3 = s.root / ep.audio;
  report.audio_seconds = ep.duration_seconds;
  report.episodes_in_feed = retention.episodes.size();
  report.episodes_removed = retention.removed.size();
  return report;
}

}  // namespace briefcast
