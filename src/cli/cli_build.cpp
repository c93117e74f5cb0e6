// `briefcast build feeds/NAME.json`: the daily briefing.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string_view>

#include "base/strings.hpp"
#include "briefing/briefing.hpp"
#include "cli/cli_commands.hpp"
#include "net/url_tools.hpp"
#include "serve/http_server.hpp"
#include "serve/listen_address.hpp"

namespace briefcast {

namespace {

struct BuildFlags {
  BuildOptions options;
  std::string date, base_url;
  bool quiet = false;
};

// A word as a shell reads it back: as is when it is plain, else in single quotes.
std::string shell_word(const std::string& w) {
  bool plain = !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return is_alnum_ascii(c) || std::string_view("_-./:=@%+,").find(c) != std::string_view::npos;
  });
  if (plain) return w;
  std::string q = "'";
  for (char c : w) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// The `serve` command that serves what was just built at `base_url`: a port other than serve's
// default is passed on, a host other than this machine's loopback needs every interface, and a
// --base-url given to build is given to serve too (so it does not warn about the definition's).
std::string serve_command(const std::string& feed_file, const std::string& base_url,
                          bool base_url_given) {
  std::string cmd = "briefcast serve " + shell_word(feed_file);
  UrlParts u = split_url(base_url);
  if (equals_ascii_ci(u.scheme, "http")) {  // https is a proxy's business: serve has no TLS
    std::string host = u.host;
    if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
    if (!is_loopback_host(host)) cmd += " --bind 0.0.0.0";
    const int port =
        u.port.empty() || !all_digits(u.port) || u.port.size() > 5 ? 80 : std::stoi(u.port);
    if (port != ServeOptions{}.port) cmd += " --port " + std::to_string(port);
  }
  if (base_url_given) cmd += " --base-url " + shell_word(base_url);
  return cmd;
}

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
  // The folder's URL: the feed's without "feed.xml".
  const std::string base = r.feed_url.substr(0, r.feed_url.rfind('/') + 1);
  io.err << "briefcast: feed: " << r.feed_xml.string() << "\n"
         << "briefcast: serve it with:  "
         << serve_command(o.feed_file.string(), base, !f.base_url.empty()) << "\n"
         << "briefcast: then subscribe in a podcast app to " << r.feed_url << "\n"
         << "briefcast: the show's web page: " << base << "index.html\n";
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
                  "Threads: speech on one, loudness on another, MP3 encoding on N [default: cores]")
      ->check(CLI::Range(1, 64));
  commands.push_back({cmd, [f, io] { return run_build(*f, io); }});
}

}  // namespace briefcast
