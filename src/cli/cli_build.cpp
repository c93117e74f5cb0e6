// `briefcast build feeds/NAME.json`: the daily briefing.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <memory>

#include "briefing/briefing.hpp"
#include "cli/cli_commands.hpp"

namespace briefcast {

namespace {

struct BuildFlags {
  BuildOptions options;
  std::string date, base_url;
  bool quiet = false;
};

int run_build(BuildFlags& f, CliStreams io) {
  BuildOptions o = f.options;
  if (!f.date.empty()) o.date = f.date;
  if (!f.base_url.empty()) o.base_url = f.base_url;
  o.quiet = f.quiet;
  o.progress = !f.quiet && isatty(STDERR_FILENO);
  BuildReport r = build_briefing(o, io.err);
  if (f.quiet || o.dry_run) return 0;
  if (r.published) {
    long s = std::lround(r.audio_seconds);
    char line[512];
    std::snprintf(line, sizeof line,
                  "briefcast: published '%s' (%ld:%02ld, %zu stories; parts: %zu spoken, %zu "
                  "from cache) - %zu episode(s) in the feed\n",
                  r.episode_title.c_str(), s / 60, s % 60, r.stories, r.parts_synthesized,
                  r.parts_cached, r.episodes_in_feed);
    io.err << line;
  }
  io.err << "briefcast: feed: " << r.feed_xml.string() << "\n"
         << "briefcast: serve it with:  briefcast serve " << o.feed_file.string() << "\n"
         << "briefcast: then subscribe in a podcast app to " << r.feed_url << "\n";
  return 0;
}

}  // namespace

void add_build_commands(CLI::App& app, CliStreams io, SubcommandList& commands) {
  auto f = std::make_shared<BuildFlags>();
  auto* cmd =
      app.add_subcommand("build", "Build today's episode of a briefing and publish its feed");
  cmd->add_option("FEED", f->options.feed_file, "Feed definition, e.g. feeds/example.json")
      ->required();
  cmd->add_option("--date", f->date, "Day the episode is for, YYYY-MM-DD [default: today]");
  cmd->add_flag("--dry-run", f->options.dry_run,
                "Show the stories the episode would have; write nothing");
  cmd->add_flag("--force", f->options.force,
                "Rebuild the day's episode even if it is already published");
  cmd->add_option("--base-url", f->base_url,
                  "Public URL of the output folder [default: the feed definition's]");
  cmd->add_flag("-q,--quiet", f->quiet, "Only warnings and errors");
  cmd->add_option("-j,--jobs", f->options.jobs,
                  "Threads: speech on one, loudness and encoding on another [default: cores]")
      ->check(CLI::Range(1, 64));
  commands.push_back({cmd, [f, io] { return run_build(*f, io); }});
}

}  // namespace briefcast
