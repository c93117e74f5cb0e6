// `briefcast serve`: the command line of http_server.hpp.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "base/error.hpp"
#include "base/file_read.hpp"
#include "base/interrupt.hpp"
#include "base/strings.hpp"
#include "briefing/briefing.hpp"
#include "briefing/feed_config.hpp"
#include "cli/cli_commands.hpp"
#include "feed/feed_validator.hpp"
#include "serve/http_server.hpp"

namespace briefcast {

namespace fs = std::filesystem;

namespace {

// What the user typed; unset optionals keep ServeOptions' defaults.
struct ServeFlags {
  std::string target;  // a published folder or a feed definition (.json), see serve_options_for
  std::string bind = ServeOptions{}.bind;
  int port = ServeOptions{}.port;
  std::optional<std::string> token;
  std::optional<std::string> token_file;
  std::optional<std::string> base_url;
  std::optional<std::string> build_at;
  std::size_t workers = ServeOptions{}.worker_threads;
};

// The secret path prefix: --token (every user of the machine sees it in `ps`), else the file
// named by --token-file (its contents without surrounding space and line breaks), else the
// BRIEFCAST_TOKEN environment variable; none of them: no token.
std::string token_for(const ServeFlags& f) {
  if (f.token) return *f.token;
  if (f.token_file) {
    std::string text = read_file_bytes(*f.token_file);
    std::string token(trim(text));
    if (token.empty())
      throw Error(ExitCode::input,
                  briefcast::quoted(fs::path(*f.token_file)) + ": no token in the file");
    return token;
  }
  if (const char* env = std::getenv("BRIEFCAST_TOKEN"); env && *env) return env;
  return "";
}

// The folder URL a published feed names itself at (its atom:link rel=self without the file
// name), nullopt when the feed is missing, unreadable or names none: nothing to check then.
std::optional<std::string> published_base_url(const fs::path& feed_xml) {
  std::error_code ec;
  if (!fs::is_regular_file(feed_xml, ec)) return std::nullopt;
  std::string xml;
  try {
    xml = read_file_bytes(feed_xml);
  } catch (const Error&) {
    return std::nullopt;  // serve reports what it cannot read when it is asked for it
  }
  std::string self = check_feed(xml, ValidateOptions{}).self_url;
  auto slash = self.rfind('/');
  if (self.find("://") == std::string::npos || slash == std::string::npos) return std::nullopt;
  return self.substr(0, slash + 1);
}

// TARGET is a published folder, or a feed definition (a .json file): then its output folder is
// served, its base URL is checked against where we listen (unless --base-url overrides it, for
// the daily builds too) and --build-at runs `build` for it every day in this process. A folder's
// base URL is the one its published feed names itself at.
ServeOptions serve_options_for(const ServeFlags& f, CliStreams io) {
  ServeOptions o;
  o.root = f.target;
  o.bind = f.bind;
  o.port = f.port;
  o.token = token_for(f);
  o.expected_base_url = f.base_url;
  o.worker_threads = f.workers;
  const bool is_feed = fs::path(f.target).extension() == ".json";
  if (is_feed) {
    FeedConfig cfg = load_feed_config(f.target);
    o.root = cfg.output_dir;
    if (!f.base_url) o.expected_base_url = cfg.show.base_url;
    if (f.build_at) {
      o.daily_at = f.build_at;
      BuildOptions b;
      b.feed_file = f.target;
      b.base_url = f.base_url;
      b.quiet = false;
      std::ostream* log = &io.err;
      o.daily_job = [b, log] {
        BuildReport r = build_briefing(b, *log);
        if (r.published)
          *log << "briefcast: published '" << r.episode_title << "' (" << r.stories
               << " stories)\n";
      };
    }
  } else if (f.build_at) {
    throw Error(ExitCode::usage,
                "--build-at needs a feed definition (feeds/NAME.json); a folder has nothing to "
                "build");
  } else if (!f.base_url) {
    o.expected_base_url = published_base_url(fs::path(f.target) / o.feed_file);
  }
  return o;
}

int run_serve(const ServeOptions& options, CliStreams io) {
  HttpServer server(options, io.err);
  server.run();  // returns on SIGINT/SIGTERM, within a second
  io.err << "briefcast: stopped\n";
  // Stopped by a signal, like every command (the exit code table): 130.
  return interrupt_flag().load() ? static_cast<int>(ExitCode::interrupted) : 0;
}

}  // namespace

void add_serve_commands(CLI::App& app, CliStreams io, SubcommandList& commands) {
  auto flags = std::make_shared<ServeFlags>();
  auto* cmd = app.add_subcommand("serve",
                                 "Serve a published feed folder over HTTP for podcast "
                                 "apps (HEAD, ranges, ETag/304, gzip feed)");
  cmd->add_option("TARGET", flags->target,
                  "Published folder (feed.xml and episodes), or a feed definition feeds/NAME.json")
      ->required();
  cmd->add_option("--bind", flags->bind,
                  "Address to listen on (0.0.0.0 for every interface; use --token then)")
      ->capture_default_str();
  cmd->add_option("--port", flags->port, "TCP port (0: any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  auto* token = cmd->add_option("--token", flags->token,
                                "Secret path prefix: everything is served under /SECRET/ only "
                                "(visible in `ps`: prefer --token-file or BRIEFCAST_TOKEN)");
  cmd->add_option("--token-file", flags->token_file,
                  "File holding the secret path prefix (or set BRIEFCAST_TOKEN)")
      ->excludes(token);
  cmd->add_option("--base-url", flags->base_url,
                  "Base URL the feed's enclosures use; warns when it does not point here");
  cmd->add_option("--build-at", flags->build_at,
                  "Rebuild the feed daily at HH:MM local time (needs a feed definition)");
  cmd->add_option("--workers", flags->workers,
                  "Threads answering requests (each serves many connections)")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  commands.push_back({cmd, [flags, io] { return run_serve(serve_options_for(*flags, io), io); }});
}

}  // namespace briefcast
