#include "briefing.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "atomic_output.hpp"
#include "briefing_state.hpp"
#include "chapters_json.hpp"
#include "episode_template.hpp"
#include "error.hpp"
#include "feed_config.hpp"
#include "feed_lock.hpp"
#include "feed_validator.hpp"
#include "id3_tags.hpp"
#include "loudness.hpp"
#include "mp3_assembler.hpp"
#include "mp3_encoder.hpp"
#include "podcast_feed.hpp"
#include "progress.hpp"
#include "resampler.hpp"
#include "say.hpp"
#include "show_notes.hpp"
#include "sound_file.hpp"
#include "sources.hpp"
#include "speech_engine.hpp"
#include "text_frontend.hpp"
#include "transcript.hpp"
#include "url_tools.hpp"
#include "uuid.hpp"
#include "voice_profile.hpp"

namespace briefcast {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw Error(ExitCode::input, "'" + p.string() + "': cannot read");
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// ---------------------------------------------------------------------------------------------
// Dates

std::string today_local() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// Parses YYYY-MM-DD into a local-time tm at noon. Throws Error(usage).
std::tm parse_day(const std::string& day) {
  std::tm tm{};
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(day.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 ||
      d < 1 || d > 31)
    throw Error(ExitCode::usage, "--date '" + day + "': expected YYYY-MM-DD");
  tm.tm_year = y - 1900;
  tm.tm_mon = m - 1;
  tm.tm_mday = d;
  tm.tm_hour = 12;
  tm.tm_isdst = -1;
  std::tm check = tm;
  if (std::mktime(&check) == -1 || check.tm_mday != d)
    throw Error(ExitCode::usage, "--date '" + day + "': no such day");
  return tm;
}

// ---------------------------------------------------------------------------------------------
// Script parts

// One spoken or sound part of the episode, in order.
struct Part {
  enum class Kind { intro, story, between, outro } kind = Kind::story;
  std::string title;                 // chapter title
  std::string url;                   // chapter link (stories)
  std::vector<ScriptBlock> blocks;   // what is spoken (empty for a sound)
  fs::path sound;                    // a sound file instead of speech
  std::string fingerprint{};         // cache key
  fs::path file{};                   // cached MP3
  json timeline = json::array();     // sentences with times relative to the part
  double duration_seconds = 0;
};

// A ScriptReader over blocks already made (the build prepares every script before speaking).
class BlocksScript : public ScriptReader {
 public:
  BlocksScript(std::vector<ScriptBlock> blocks, std::string name)
      : blocks_(std::move(blocks)), name_(std::move(name)) {}
  std::optional<ScriptBlock> next() override {
    if (next_ >= blocks_.size()) return std::nullopt;
    return blocks_[next_++];
  }
  const std::string& title() const override { return title_; }
  const std::string& name() const override { return name_; }
  std::vector<std::string> warnings() const override { return {}; }
  std::optional<std::size_t> count_sentences() override {
    std::size_t n = 0;
    for (std::size_t i = next_; i < blocks_.size(); ++i) n += blocks_[i].sentences.size();
    return n;
  }

 private:
  std::vector<ScriptBlock> blocks_;
  std::string name_;
  std::string title_;
  std::size_t next_ = 0;
};

std::vector<ScriptBlock> script_of_text(const std::string& text, BlockKind kind,
                                        const ScriptOptions& options) {
  std::vector<ScriptBlock> out;
  ScriptBlock b = script_block(Block{kind, text, 0}, 0, options);
  if (!b.sentences.empty()) out.push_back(std::move(b));
  return out;
}

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

// Everything that changes the audio of a part goes into its fingerprint.
std::string fingerprint(const Part& part, const json& settings) {
  json j = {{"settings", settings}, {"kind", static_cast<int>(part.kind)}};
  if (!part.sound.empty()) j["sound"] = sha256_hex(read_bytes(part.sound));
  json blocks = json::array();
  for (auto& b : part.blocks) {
    json sentences = json::array();
    for (auto& s : b.sentences) sentences.push_back({s.text, s.spoken});
    blocks.push_back({{"kind", to_string(b.kind)}, {"sentences", sentences}});
  }
  j["blocks"] = blocks;
  return sha256_hex(j.dump());
}

// ---------------------------------------------------------------------------------------------
// Producing parts

struct AudioSettings {
  VoiceProfile voice;
  SynthesisConfig synthesis;
  Mp3Config mp3;
  unsigned sample_rate_hz = 44100;
  LoudnessConfig loudness;
};

void speak_part(Part& part, const AudioSettings& a, const fs::path& out, std::ostream& log) {
  SayRequest r;
  r.output = out.string();
  r.format = OutputFormat::mp3;
  r.voice = a.voice;
  r.synthesis = a.synthesis;
  r.mp3 = a.mp3;
  r.sample_rate_hz = a.sample_rate_hz;
  r.loudness = a.loudness;
  r.tags.title = part.title;
  std::vector<std::unique_ptr<ScriptReader>> readers;
  readers.push_back(std::make_unique<BlocksScript>(part.blocks, part.title));
  json timeline = json::array();
  SayReport rep = say(r, std::move(readers), log, [&](const TimedSentence& t) {
    json words = json::array();
    for (auto& w : t.words) words.push_back({w.offset, w.length, w.start_seconds});
    timeline.push_back({{"text", t.text},
                        {"spoken", t.spoken},
                        {"start", t.start_seconds},
                        {"end", t.end_seconds},
                        {"words", words}});
  });
  part.timeline = std::move(timeline);
  part.duration_seconds = rep.audio_seconds;
}

void encode_sound(Part& part, const AudioSettings& a, const fs::path& out) {
  DecodedAudio in = read_sound_file(part.sound);
  std::vector<float> mono(in.frames());
  for (std::size_t f = 0; f < mono.size(); ++f) {
    float sum = 0;
    for (unsigned c = 0; c < in.channels; ++c) sum += in.samples[f * in.channels + c];
    mono[f] = sum / static_cast<float>(in.channels);
  }
  Resampler resampler(in.sample_rate_hz, a.sample_rate_hz);
  std::vector<float> pcm = resampler.process(mono);
  auto tail = resampler.flush();
  pcm.insert(pcm.end(), tail.begin(), tail.end());
  LoudnessNormalizer loudness(a.loudness, a.sample_rate_hz);
  loudness.process(pcm);
  AtomicOutput file(out);
  Mp3Config mp3 = a.mp3;
  mp3.sample_rate_hz = a.sample_rate_hz;
  auto encoder = open_mp3_encoder(file.fd(), mp3, Tags{});
  encoder->write(pcm);
  EncodeReport rep = encoder->finish();
  file.commit();
  part.duration_seconds = static_cast<double>(rep.frames) / a.sample_rate_hz;
}

// ---------------------------------------------------------------------------------------------

std::string rel_path(const fs::path& p, const fs::path& root) {
  return fs::relative(p, root).generic_string();
}

// Cache parts not used for kCacheDays are deleted (after the feed no longer needs them: parts are
// copied into episodes, never referenced by the feed).
constexpr double kCacheDays = 14;
void prune_cache(BriefingState& state, const fs::path& root, std::time_t day_noon) {
  for (auto it = state.cache.begin(); it != state.cache.end();) {
    std::tm used{};
    bool stale = false;
    try {
      used = parse_day(it->second.last_used);
      stale = std::difftime(day_noon, std::mktime(&used)) > kCacheDays * 86400.0;
    } catch (const Error&) {
      stale = true;
    }
    if (stale) {
      std::error_code ec;
      fs::remove(root / it->second.file, ec);
      it = state.cache.erase(it);
    } else {
      ++it;
    }
  }
}

std::string url_join(const std::string& base, const std::string& rel) {
  std::string b = base;
  if (b.empty() || b.back() != '/') b += '/';
  return b + rel;
}

Episode to_feed_episode(const EpisodeRecord& e, const std::string& base, const std::string& lang) {
  Episode out;
  out.title = e.title;
  out.guid = e.guid;
  out.pub_date = std::chrono::sys_seconds(std::chrono::seconds(e.published));
  out.enclosure_url = url_join(base, e.audio);
  out.enclosure_length = e.bytes;
  out.duration_seconds = e.duration_seconds;
  out.episode_number = e.number;
  out.description = e.description;
  out.content_html = e.content_html;
  if (!e.transcript_vtt.empty()) out.transcript_url = url_join(base, e.transcript_vtt);
  if (!e.transcript_srt.empty()) out.transcript_srt_url = url_join(base, e.transcript_srt);
  if (!e.chapters.empty()) out.chapters_url = url_join(base, e.chapters);
  if (!e.notes.empty()) out.link = url_join(base, e.notes);
  out.language = lang;
  return out;
}

Channel make_channel(const FeedConfig& cfg, const std::string& base_url,
                     const std::string& feed_url) {
  Channel c;
  c.title = cfg.show.title;
  c.link = base_url;
  c.description = cfg.show.description;
  std::string lang = cfg.show.language;
  std::transform(lang.begin(), lang.end(), lang.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  c.language = lang;
  c.author = cfg.show.author;
  c.owner_name = cfg.show.author;
  c.owner_email = cfg.show.owner_email;
  if (!cfg.show.cover.empty())
    c.image_url = url_join(base_url, "cover" + cfg.show.cover.extension().string());
  c.category = cfg.show.category;
  c.subcategory = cfg.show.subcategory;
  c.explicit_content = cfg.show.explicit_content;
  c.self_url = feed_url;
  c.podcast_guid = podcast_guid(feed_url);
  c.generator = std::string("briefcast ") + BRIEFCAST_VERSION;
  return c;
}

void remove_episode_files(const EpisodeRecord& e, const fs::path& root) {
  for (auto* rel : {&e.audio, &e.transcript_vtt, &e.transcript_srt, &e.chapters, &e.notes}) {
    if (rel->empty()) continue;
    std::error_code ec;
    fs::remove(root / *rel, ec);
  }
}

}  // namespace

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

  const std::string day = options.date.value_or(today_local());
  std::tm noon = parse_day(day);
  const std::time_t now = std::time(nullptr);
  std::time_t day_noon = std::mktime(&noon);
  if (day_noon - 12 * 3600 > now)
    throw Error(ExitCode::usage, "--date " + day + " is in the future");

  // Voice and audio settings.
  AudioSettings audio;
  if (auto p = find_voice_profile(cfg.voice, default_voices_dir()))
    audio.voice = *p;
  else
    throw Error(ExitCode::voice, "'" + feed_name + "': field 'voice': no voice profile '" +
                                     cfg.voice + "' (see `briefcast voices`)");
  audio.synthesis.voice = audio.voice.espeak_voice;
  audio.synthesis.variant = audio.voice.variant;
  audio.synthesis.rate_wpm = audio.voice.rate_wpm;
  audio.synthesis.pitch = audio.voice.pitch;
  audio.synthesis.range = audio.voice.range;
  audio.synthesis.volume = audio.voice.volume;
  audio.synthesis.word_gap_ms = audio.voice.word_gap_ms;
  audio.mp3 = cfg.mp3;
  audio.mp3.vbr_quality.reset();  // parts must be CBR to concatenate
  audio.sample_rate_hz = cfg.mp3.sample_rate_hz;
  audio.loudness = cfg.loudness;
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
  std::unique_ptr<FeedLock> lock;
  if (!options.dry_run) {
    lock = std::make_unique<FeedLock>(state_dir, feed_name);
    fs::create_directories(state_dir / "cache");
    for (auto& dir : {root, root / "episodes", state_dir, state_dir / "cache"})
      remove_stale_temporaries(dir);
  }
  BriefingState state = load_state(state_dir / "state.json");

  // An episode for this day already?
  auto existing = std::find_if(state.episodes.begin(), state.episodes.end(),
                               [&](const EpisodeRecord& e) { return e.date == day; });
  if (existing != state.episodes.end() && !options.force) {
    if (!options.quiet)
      log << "briefcast: '" << feed_name << "': the episode for " << day
          << " is already published (" << existing->title << "); use --force to rebuild it\n";
    report.feed_xml = root / "feed.xml";
    return report;
  }
  std::set<std::string> replaced_keys;
  if (existing != state.episodes.end())
    for (auto& s : existing->stories) replaced_keys.insert(s.key);

  // Stories.
  SourceState sources = SourceState::from_json(state.sources);
  std::vector<SourceStory> collected = collect_stories(cfg, sources, log);
  struct Story {
    std::string title, url, source, key;
    std::vector<ScriptBlock> blocks;
    double estimate_seconds = 0;
  };
  std::vector<Story> stories;
  std::set<std::string> keys_this_run;
  for (auto& s : collected) {
    Article a;
    try {
      InputFormat fmt = s.body_kind == "html"       ? InputFormat::html
                        : s.body_kind == "markdown" ? InputFormat::markdown
                                                    : InputFormat::text;
      a = article_from_bytes(s.body, fmt, s.url.empty() ? s.title : s.url, s.charset);
    } catch (const Error& e) {
      if (e.code() == ExitCode::interrupted) throw;
      log << "briefcast: warning: source '" << s.source_name << "': " << e.what()
          << "; skipped\n";
      ++report.skipped_failed;
      continue;
    }
    Story st;
    st.title = !s.title.empty() ? s.title : a.title;
    st.url = s.url;
    st.source = s.source_name;
    st.key = !s.url.empty() ? normalize_url_for_dedupe(s.url)
                            : "sha256:" + sha256_hex(render_clean_text(a));
    if ((state.broadcast.count(st.key) && !replaced_keys.count(st.key)) ||
        keys_this_run.count(st.key)) {
      ++report.skipped_broadcast;
      continue;
    }
    Article body = a;
    body.title = st.title;
    auto reader = script_from_article(std::move(body), script, st.title, true);
    while (auto b = reader->next()) st.blocks.push_back(std::move(*b));
    if (st.blocks.empty()) continue;
    st.estimate_seconds =
        60.0 * static_cast<double>(count_words(st.blocks)) / audio.voice.rate_wpm +
        static_cast<double>(st.blocks.size()) * audio.voice.paragraph_pause_ms / 1000.0;
    keys_this_run.insert(st.key);
    stories.push_back(std::move(st));
  }

  // Limits: max stories, then max minutes (estimated before any synthesis).
  if (cfg.max_stories > 0 && stories.size() > static_cast<std::size_t>(cfg.max_stories))
    stories.resize(static_cast<std::size_t>(cfg.max_stories));
  if (cfg.max_minutes > 0) {
    double budget = cfg.max_minutes * 60.0, used = 0;
    std::vector<Story> kept;
    for (auto& s : stories) {
      if (used + s.estimate_seconds > budget && !kept.empty()) {
        log << "briefcast: '" << s.title << "' left out: the episode would exceed "
            << cfg.max_minutes << " minutes\n";
        continue;
      }
      used += s.estimate_seconds;
      kept.push_back(std::move(s));
    }
    stories = std::move(kept);
  }

  if (stories.empty()) {
    state.sources = sources.to_json();
    if (!options.dry_run) save_state(state, state_dir / "state.json");
    if (!options.quiet)
      log << "briefcast: '" << feed_name << "': no new stories for " << day
          << "; the feed is unchanged\n";
    return report;
  }

  // The episode's parts.
  TemplateValues values;
  values.show = cfg.show.title;
  values.date = std::chrono::local_seconds(std::chrono::seconds(timegm(&noon)));
  for (auto& st : stories) values.headlines.push_back(st.title);
  auto expand = [&](const std::string& t, bool with_stories) {
    return render_template(t, values, with_stories);
  };
  const std::string episode_title = expand(cfg.episode.title, false);

  std::vector<Part> parts;
  if (!cfg.episode.intro_sound.empty())
    parts.push_back({Part::Kind::between, "", "", {}, cfg.episode.intro_sound});
  if (!cfg.episode.intro.empty()) {
    Part p;
    p.kind = Part::Kind::intro;
    p.title = "Introduction";
    p.blocks = script_of_text(expand(cfg.episode.intro, true), BlockKind::paragraph, script);
    parts.push_back(std::move(p));
  }
  for (std::size_t i = 0; i < stories.size(); ++i) {
    if (i > 0 && !cfg.episode.between_sound.empty())
      parts.push_back({Part::Kind::between, "", "", {}, cfg.episode.between_sound});
    Part p;
    p.kind = Part::Kind::story;
    p.title = stories[i].title;
    p.url = stories[i].url;
    p.blocks = stories[i].blocks;
    parts.push_back(std::move(p));
  }
  if (!cfg.episode.outro.empty()) {
    Part p;
    p.kind = Part::Kind::outro;
    p.title = "Closing";
    p.blocks = script_of_text(expand(cfg.episode.outro, true), BlockKind::paragraph, script);
    parts.push_back(std::move(p));
  }
  if (!cfg.episode.outro_sound.empty())
    parts.push_back({Part::Kind::between, "", "", {}, cfg.episode.outro_sound});

  std::string engine_version;
  {
    SpeechEngine engine;  // one engine at a time: released before the parts are spoken
    engine_version = engine.version();
  }
  const VoiceProfile& v = audio.voice;
  json settings = json::object();
  settings["engine"] = engine_version;
  settings["voice"] = json::array({v.espeak_voice, v.variant, v.rate_wpm, v.pitch, v.range,
                                   v.volume, v.word_gap_ms, v.sentence_pause_ms,
                                   v.paragraph_pause_ms});
  settings["mp3"] = json::array({audio.mp3.bitrate_kbps, audio.mp3.quality});
  settings["rate"] = audio.sample_rate_hz;
  settings["loudness"] = json::array({audio.loudness.target_lufs, audio.loudness.true_peak_dbtp});
  settings["format"] = 1;
  for (auto& p : parts) {
    p.fingerprint = fingerprint(p, settings);
    p.file = state_dir / "cache" / (p.fingerprint + ".mp3");
  }

  if (options.dry_run) {
    log << "briefcast: dry run: '" << episode_title << "' with " << stories.size()
        << " stories:\n";
    for (auto& s : stories)
      log << "  - " << s.title << " (" << s.source << ", ~" << std::lround(s.estimate_seconds)
          << " s" << (state.cache.count(fingerprint(Part{Part::Kind::story, s.title, s.url,
                                                          s.blocks, {}}, settings))
                          ? ", cached"
                          : "")
          << ")\n";
    report.episode_title = episode_title;
    report.stories = stories.size();
    return report;
  }

  // Speak or reuse every part.
  std::size_t todo = 0;
  for (auto& p : parts)
    if (!state.cache.count(p.fingerprint) || !fs::exists(p.file)) ++todo;
  Progress progress(log, options.progress, todo);
  std::size_t done = 0;
  for (auto& p : parts) {
    throw_if_interrupted();
    auto hit = state.cache.find(p.fingerprint);
    if (hit != state.cache.end() && fs::exists(p.file)) {
      p.timeline = hit->second.timeline;
      p.duration_seconds = hit->second.duration_seconds;
      hit->second.last_used = day;
      ++report.parts_cached;
      continue;
    }
    if (!p.sound.empty())
      encode_sound(p, audio, p.file);
    else
      speak_part(p, audio, p.file, log);
    CachedPart cached;
    cached.file = rel_path(p.file, root);
    cached.duration_seconds = p.duration_seconds;
    cached.last_used = day;
    cached.timeline = p.timeline;
    state.cache[p.fingerprint] = std::move(cached);
    ++report.parts_synthesized;
    progress.update(++done, 0);
  }
  progress.finish();

  // Assemble: chapter times come from the plan, then the tag, then the MP3.
  std::vector<fs::path> files;
  for (auto& p : parts) files.push_back(p.file);
  Mp3Assembly plan = plan_mp3_assembly(files, 0);
  std::vector<Id3Chapter> id3_chapters;
  std::vector<Chapter> chapters;
  std::vector<TranscriptCue> cues;
  ShowNotes notes;
  notes.intro = cfg.show.description;
  notes.footer = "Read by eSpeak NG (" + audio.voice.name + "), produced by briefcast.";
  EpisodeRecord ep;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const Part& p = parts[i];
    const AssembledPart& at = plan.parts[i];
    double start = at.start_ms / 1000.0;
    if (p.kind == Part::Kind::story || p.kind == Part::Kind::intro ||
        p.kind == Part::Kind::outro) {
      id3_chapters.push_back({p.title, p.url, at.start_ms, at.end_ms});
      Chapter c;
      c.start_s = start;
      c.end_s = at.end_ms / 1000.0;
      c.title = p.title;
      c.url = p.url;
      chapters.push_back(c);
    }
    if (p.kind == Part::Kind::story) {
      auto& s = stories[static_cast<std::size_t>(
          std::count_if(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(i),
                        [](const Part& q) { return q.kind == Part::Kind::story; }))];
      notes.stories.push_back({s.title, s.url, s.source, start, ""});
      ep.stories.push_back({s.title, s.url, s.source, s.key, start});
    }
    for (auto& t : p.timeline) {
      TranscriptCue cue;
      cue.start_s = start + t.at("start").get<double>();
      cue.end_s = start + t.at("end").get<double>();
      // The transcript shows the article's words; eSpeak's word timings point into the spoken
      // form, so they split captions only where the two are the same text.
      cue.text = t.at("text").get<std::string>();
      if (cue.text == t.at("spoken").get<std::string>())
        for (auto& w : t.at("words"))
          cue.words.push_back({w.at(0).get<std::size_t>(), w.at(1).get<std::size_t>(),
                               start + w.at(2).get<double>()});
      cues.push_back(std::move(cue));
    }
  }

  // File names: the day, with a suffix when --force replaces an episode (published bytes behind a
  // URL never change).
  std::string stem = day;
  for (int n = 2; fs::exists(root / "episodes" / (stem + ".mp3")) ||
                  std::any_of(state.episodes.begin(), state.episodes.end(),
                              [&](auto& e) { return e.audio == "episodes/" + stem + ".mp3"; });
       ++n)
    stem = day + "-" + std::to_string(n);
  const fs::path mp3 = root / "episodes" / (stem + ".mp3");

  Tags tags;
  tags.title = episode_title;
  tags.artist = cfg.show.author;
  tags.album = cfg.show.title;
  tags.date = day;
  tags.language = audio.voice.language;
  tags.comment = std::string("briefcast ") + BRIEFCAST_VERSION;
  if (!cfg.show.cover.empty()) tags.cover = cfg.show.cover;
  std::vector<char> tag = render_id3v2(tags, id3_chapters);
  Mp3Assembly done_mp3 = assemble_mp3(files, tag, mp3);

  write_file_atomically(root / "episodes" / (stem + ".vtt"), render_webvtt(cues));
  write_file_atomically(root / "episodes" / (stem + ".srt"), render_srt(cues));
  write_file_atomically(root / "episodes" / (stem + ".chapters.json"),
                        render_chapters_json(chapters));
  const std::string notes_html = render_show_notes_html(notes);
  write_file_atomically(root / "episodes" / (stem + ".html"),
                        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>" +
                            episode_title + "</title></head><body>\n" + notes_html +
                            "</body></html>\n");

  ep.number = state.next_episode_number;
  ep.guid = uuid_v5(podcast_guid(feed_url), day + "/" + std::to_string(ep.number));
  ep.title = episode_title;
  ep.date = day;
  // pubDate: now for today's episode; noon of an earlier --date (never in the future).
  ep.published = day == today_local() ? now : std::min<std::time_t>(now, day_noon);
  ep.audio = rel_path(mp3, root);
  ep.bytes = done_mp3.total_bytes;
  ep.duration_seconds = done_mp3.duration_ms / 1000.0;
  ep.transcript_vtt = "episodes/" + stem + ".vtt";
  ep.transcript_srt = "episodes/" + stem + ".srt";
  ep.chapters = "episodes/" + stem + ".chapters.json";
  ep.notes = "episodes/" + stem + ".html";
  ep.description = render_show_notes_text(notes);
  ep.content_html = notes_html;

  // The new list of episodes: the replaced one out, the new one in, retention applied.
  std::vector<EpisodeRecord> removed;
  std::vector<EpisodeRecord> episodes;
  for (auto& e : state.episodes) {
    if (e.date == day)
      removed.push_back(e);
    else
      episodes.push_back(e);
  }
  episodes.push_back(ep);
  std::sort(episodes.begin(), episodes.end(),
            [](auto& a, auto& b) { return a.published < b.published; });
  if (cfg.keep_episodes > 0)
    while (episodes.size() > static_cast<std::size_t>(cfg.keep_episodes)) {
      removed.push_back(episodes.front());
      episodes.erase(episodes.begin());
    }

  // The cover is published beside the feed (copied only when it changed).
  if (!cfg.show.cover.empty()) {
    const fs::path published = root / ("cover" + cfg.show.cover.extension().string());
    std::string bytes = read_bytes(cfg.show.cover);
    if (!fs::exists(published) || read_bytes(published) != bytes)
      write_file_atomically(published, bytes);
  }

  // Render and validate the feed before anything points at the new episode.
  Channel channel = make_channel(cfg, base_url, feed_url);
  std::vector<Episode> items;
  for (auto& e : episodes) items.push_back(to_feed_episode(e, base_url, cfg.show.language));
  const std::string xml = render_rss(channel, items);
  ValidateOptions vo;
  vo.name = (root / "feed.xml").string();
  vo.root = root.string();
  vo.base_url = base_url;
  std::vector<std::string> problems = validate_feed(xml, vo);
  if (!problems.empty()) {
    for (auto& p : problems) log << "briefcast: " << p << "\n";
    throw Error(ExitCode::invalid, "'" + vo.name + "': the new feed does not validate (" +
                                       std::to_string(problems.size()) +
                                       " problem(s) above); nothing was published");
  }
  throw_if_interrupted();

  // Publish: state first (it names only complete files), then the feed.
  state.episodes = episodes;
  state.next_episode_number = ep.number + 1;
  for (auto& s : ep.stories) state.broadcast.emplace(s.key, day);
  state.sources = sources.to_json();
  save_state(state, state_dir / "state.json");
  write_file_atomically(root / "feed.xml", xml);

  // Only now: files of episodes that left the feed, and cache parts unused for a while.
  for (auto& e : removed) remove_episode_files(e, root);
  prune_cache(state, root, day_noon);
  save_state(state, state_dir / "state.json");

  report.published = true;
  report.episode_title = episode_title;
  report.episode_mp3 = mp3;
  report.stories = stories.size();
  report.audio_seconds = ep.duration_seconds;
  report.episodes_in_feed = episodes.size();
  report.episodes_removed = removed.size();
  return report;
}

}  // namespace briefcast
