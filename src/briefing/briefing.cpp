#include "briefing/briefing.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "base/interrupt.hpp"
#include "base/stale_temps.hpp"
#include "base/data_dir.hpp"
#include "briefing/briefing_day.hpp"
#include "briefing/briefing_publish.hpp"
#include "briefing/briefing_state.hpp"
#include "briefing/episode_plan.hpp"
#include "briefing/episode_template.hpp"
#include "briefing/episode_timeline.hpp"
#include "base/error.hpp"
#include "briefing/feed_config.hpp"
#include "briefing/feed_lock.hpp"
#include "audio/id3_tags.hpp"
#include "audio/mp3_assembler.hpp"
#include "briefing/part_audio.hpp"
#include "feed/show_notes.hpp"
#include "briefing/sources.hpp"
#include "voice/speech_engine.hpp"
#include "pipeline/text_frontend.hpp"
#include "base/uuid.hpp"
#include "voice/voice_profile.hpp"

namespace briefcast {

namespace fs = std::filesystem;

BuildReport build_briefing(const BuildOptions& options, std::ostream& log) {
  BuildReport report;
  const FeedConfig cfg = load_feed_config(options.feed_file);
  const std::string feed_name = options.feed_file.string();
  const fs::path root = cfg.output_dir;
  std::string base_url = options.base_url.value_or(cfg.show.base_url);
  if (base_url.empty() || base_url.back() != '/') base_url += '/';
  const std::string feed_url = url_join(base_url, "feed.xml");
  report.feed_url = feed_url;
  report.feed_xml = root / "feed.xml";

  const EpisodeDay day = parse_episode_day(options.date.value_or(today_local()));
  const std::time_t now = std::time(nullptr);
  if (is_future_day(day, now))
    throw Error(ExitCode::usage, "--date " + day.date + " is in the future");

  // Voice and audio settings.
  std::optional<VoiceProfile> voice = find_voice_profile(cfg.voice, default_voices_dir());
  if (!voice)
    throw Error(ExitCode::voice, "'" + feed_name + "': field 'voice': no voice profile '" +
                                     cfg.voice + "' (see `briefcast voices`)");
  const AudioSettings audio = part_audio_settings(*voice, cfg.mp3, cfg.loudness);
  ScriptOptions script;
  script.language = audio.voice.language;
  script.lexicon = audio.voice.lexicon;

  if (!options.dry_run) {
    std::error_code ec;
    fs::create_directories(root / "episodes", ec);
    if (ec)
      throw Error(ExitCode::output,
                  "'" + (root / "episodes").string() + "': cannot create folder: " + ec.message());
  }
  const fs::path state_dir = root / ".briefcast";
  const fs::path state_file = state_dir / "state.json";
  std::unique_ptr<FeedLock> lock;
  if (!options.dry_run) {
    lock = std::make_unique<FeedLock>(state_dir, feed_name);
    fs::create_directories(state_dir / "cache");
    for (auto& dir : {root, root / "episodes", state_dir, state_dir / "cache"})
      remove_stale_temporaries(dir);
  }
  BriefingState state = load_state(state_file);

  // An episode for this day already?
  auto existing = std::find_if(state.episodes.begin(), state.episodes.end(),
                               [&](const EpisodeRecord& e) { return e.date == day.date; });
  if (existing != state.episodes.end() && !options.force) {
    if (!options.quiet)
      log << "briefcast: '" << feed_name << "': the episode for " << day.date
          << " is already published (" << existing->title << "); use --force to rebuild it\n";
    return report;
  }
  std::set<std::string> replaced_keys;
  if (existing != state.episodes.end())
    for (auto& s : existing->stories) replaced_keys.insert(s.key);

  // Stories: new ones, within the limits (estimated before any synthesis).
  SourceState sources = SourceState::from_json(state.sources);
  StoryCandidates candidates = prepare_stories(collect_stories(cfg, sources, log), state.broadcast,
                                               replaced_keys, script, audio.voice, log);
  report.skipped_broadcast = candidates.skipped_broadcast;
  report.skipped_failed = candidates.skipped_failed;
  StorySelection selection =
      limit_stories(std::move(candidates.stories), cfg.max_stories, cfg.max_minutes);
  for (auto& title : selection.left_out)
    log << "briefcast: '" << title << "' left out: the episode would exceed " << cfg.max_minutes
        << " minutes\n";
  const std::vector<Story>& stories = selection.stories;
  if (stories.empty()) {
    state.sources = sources.to_json();
    if (!options.dry_run) save_state(state, state_file);
    if (!options.quiet)
      log << "briefcast: '" << feed_name << "': no new stories for " << day.date
          << "; the feed is unchanged\n";
    return report;
  }

  // The episode's parts and their cache keys.
  TemplateValues values;
  values.show = cfg.show.title;
  values.date = day.local_noon;
  for (auto& st : stories) values.headlines.push_back(st.title);
  const std::string episode_title = render_template(cfg.episode.title, values, false);
  const std::vector<EpisodePart> parts = compose_episode(cfg.episode, stories, values, script);
  std::string engine_version;
  {
    SpeechEngine engine;  // one engine at a time: released before the parts are spoken
    engine_version = engine.version();
  }
  const nlohmann::json settings = fingerprint_settings(audio, engine_version);
  std::vector<PartAudio> planned = plan_part_audio(parts, settings, state_dir / "cache");

  if (options.dry_run) {
    log << "briefcast: dry run: '" << episode_title << "' with " << stories.size() << " stories:\n";
    for (auto& s : stories) {
      EpisodePart alone{EpisodePart::Kind::story, s.title, s.url, s.blocks, {}};
      log << "  - " << s.title << " (" << s.source << ", ~" << std::lround(s.estimate_seconds)
          << " s" << (state.cache.count(part_fingerprint(alone, settings)) ? ", cached" : "")
          << ")\n";
    }
    report.episode_title = episode_title;
    report.stories = stories.size();
    return report;
  }

  ProducedParts produced = produce_parts(parts, std::move(planned), audio, state.cache, day.date,
                                         root, options.progress, log);
  report.parts_cached = produced.cached;
  report.parts_synthesized = produced.synthesized;

  // Assemble: chapter times come from the plan, then the tag, then the MP3.
  std::vector<fs::path> files;
  for (auto& p : produced.parts) files.push_back(p.file);
  const Mp3Assembly plan = plan_mp3_assembly(files, 0);
  EpisodeTimeline timeline = place_episode(parts, produced.parts, plan, stories);
  ShowNotes notes;
  notes.intro = cfg.show.description;
  notes.stories = timeline.notes;
  notes.footer = "Read by eSpeak NG (" + audio.voice.name + "), produced by briefcast.";

  const std::string stem = episode_stem(day.date, root, state.episodes);
  const fs::path mp3 = root / "episodes" / (stem + ".mp3");
  Tags tags;
  tags.title = episode_title;
  tags.artist = cfg.show.author;
  tags.album = cfg.show.title;
  tags.date = day.date;
  tags.language = audio.voice.language;
  tags.comment = std::string("briefcast ") + BRIEFCAST_VERSION;
  if (!cfg.show.cover.empty()) tags.cover = cfg.show.cover;
  const Mp3Assembly assembled = assemble_mp3(files, render_id3v2(tags, timeline.id3_chapters), mp3);
  const std::string notes_html = render_show_notes_html(notes);
  write_episode_files(root, stem, episode_title, timeline.cues, timeline.chapters, notes_html);

  EpisodeRecord ep;
  ep.number = state.next_episode_number;
  ep.guid = uuid_v5(podcast_guid(feed_url), day.date + "/" + std::to_string(ep.number));
  ep.title = episode_title;
  ep.date = day.date;
  ep.published = publication_time(day, today_local(), now);
  ep.audio = fs::relative(mp3, root).generic_string();
  ep.bytes = assembled.total_bytes;
  ep.duration_seconds = assembled.duration_ms / 1000.0;
  ep.transcript_vtt = "episodes/" + stem + ".vtt";
  ep.transcript_srt = "episodes/" + stem + ".srt";
  ep.chapters = "episodes/" + stem + ".chapters.json";
  ep.notes = "episodes/" + stem + ".html";
  ep.description = render_show_notes_text(notes);
  ep.content_html = notes_html;
  ep.stories = timeline.stories;

  const Retention retention = apply_retention(state.episodes, ep, cfg.keep_episodes);
  if (!cfg.show.cover.empty()) publish_cover(cfg.show.cover, root);
  // Rendered and validated before anything points at the new episode.
  const std::string xml =
      render_checked_feed(make_channel(cfg.show, base_url, feed_url), retention.episodes, base_url,
                          cfg.show.language, root, log);
  throw_if_interrupted();
  state.sources = sources.to_json();
  publish_feed(state, retention, ep, xml, root, state_file, day);

  report.published = true;
  report.episode_title = episode_title;
  report.episode_mp3 = mp3;
  report.stories = stories.size();
  report.audio_seconds = ep.duration_seconds;
  report.episodes_in_feed = retention.episodes.size();
  report.episodes_removed = retention.removed.size();
  return report;
}

}  // namespace briefcast
