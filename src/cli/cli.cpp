// The command line: builds the CLI11 app from the subcommands each cli_*.cpp registers, parses,
// runs the chosen one and turns its Error into one line and the exit code.
#include "cli/cli.hpp"

#include <CLI/CLI.hpp>
#include <exception>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "cli/cli_commands.hpp"
#include "cli/cli_suggest.hpp"

namespace briefcast {

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"briefcast: turns written news into spoken audio and podcast episodes"};
  app.set_version_flag("--version", std::string("briefcast ") + BRIEFCAST_VERSION);
  app.require_subcommand(1);

  SubcommandList commands;
  CliStreams io{out, err};
  add_say_commands(app, io, commands);
  add_text_commands(app, io, commands);
  add_build_commands(app, io, commands);
  add_feed_commands(app, io, commands);
  add_serve_commands(app, io, commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    out << app.help();
    (void)e;
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    out << "briefcast " << BRIEFCAST_VERSION << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    err << "briefcast: " << e.what() << did_you_mean(app, args) << "\n";
    return static_cast<int>(ExitCode::usage);
  }

  try {
    for (auto& c : commands)
      if (c.app->parsed()) return c.run();
    throw Error(ExitCode::usage, "no command given");
  } catch (const Error& e) {
    err << "briefcast: " << e.what() << "\n";
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    err << "briefcast: internal error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::failure);
  }
}

}  // namespace briefcast
