#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "base/error.hpp"
#include "cli/cli_commands.hpp"
#include "feed/feed_validator.hpp"
#include "net/http_fetch.hpp"
#include "net/url_tools.hpp"

namespace briefcast {

namespace {

namespace fs = std::filesystem;

// `validate URL` reads the feed and each enclosure's size as a podcast app would; the timeouts,
// the 32 MiB cap and libcurl's own messages are ProbeOptions' defaults.
ProbeOptions validate_probe() {
  ProbeOptions o;
  o.user_agent = user_agent() + " (validate)";
  return o;
}

// Not read_file_bytes (base/file_read.hpp): its "cannot read" does not say why, and for the one
// file `validate` is given the reason is the useful part.
std::string read_feed_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw Error(ExitCode::input, "'" + path + "': is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ExitCode::input, "'" + path + "': " + std::strerror(errno));
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw Error(ExitCode::input, "'" + path + "': read error");
  return s.str();
}

// --- briefcast validate

struct ValidateFlags {
  std::string feed;      // FEED.xml or http(s) URL
  std::string root;      // folder the feed is published from
  std::string base_url;  // URL that folder is served at
  bool no_head = false;  // URL feeds: skip the HEAD request per enclosure
};

int run_validate(const ValidateFlags& f, CliStreams io) {
  ValidateOptions opt;
  opt.name = f.feed;
  opt.root = f.root;
  opt.base_url = f.base_url;
  std::string xml;
  if (is_http_url(f.feed)) {
    xml = probe_get(f.feed, validate_probe()).body;
    if (!f.no_head)
      opt.remote_length = [](const std::string& url) {
        return probe_head(url, validate_probe()).content_length;
      };
  } else {
    xml = read_feed_file(f.feed);
    if (opt.root.empty()) {
      fs::path parent = fs::path(f.feed).parent_path();
      opt.root = parent.empty() ? "." : parent.string();
    }
  }
  FeedValidation v = check_feed(xml, opt);
  for (const std::string& p : v.problems) io.out << p << "\n";
  io.out.flush();
  if (!v.problems.empty())
    throw Error(ExitCode::invalid, f.feed + ": " + std::to_string(v.problems.size()) +
                                       (v.problems.size() == 1 ? " problem" : " problems"));
  io.err << "briefcast: " << f.feed << ": valid (" << v.episodes
         << (v.episodes == 1 ? " episode)\n" : " episodes)\n");
  return 0;
}

void add_validate_command(CLI::App& app, CliStreams io, SubcommandList& commands) {
  auto f = std::make_shared<ValidateFlags>();
  auto* cmd = app.add_subcommand(
      "validate",
      "Check a podcast feed as podcast apps read it; prints one problem per line, exit 10 when "
      "any");
  cmd->add_option("FEED", f->feed, "Feed file (FEED.xml) or http(s) URL")->required();
  cmd->add_option("--root", f->root,
                  "Folder the feed is published from, to check enclosure sizes against the files "
                  "[default: the feed file's folder; none for a URL]");
  cmd->add_option("--base-url", f->base_url,
                  "URL the --root folder is served at [default: the folder of the feed's "
                  "atom:link rel=self URL]");
  cmd->add_flag("--no-head", f->no_head,
                "For a URL feed, do not send a HEAD request per enclosure to compare its "
                "Content-Length with the enclosure length");
  commands.push_back({cmd, [f, io] { return run_validate(*f, io); }});
}

}  // namespace

void add_feed_commands(CLI::App& app, CliStreams io, SubcommandList& commands) {
  add_validate_command(app, io, commands);
}

}  // namespace briefcast
