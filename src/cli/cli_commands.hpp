#pragma once
// How the command line grows: each area of briefcast registers its own subcommands from its own
// file (cli_say.cpp, cli_text.cpp, cli_build.cpp, cli_feed.cpp, cli_serve.cpp); `cli.cpp` only
// builds the app from them, parses, runs the chosen one and prints its error.

#include <functional>
#include <ostream>
#include <vector>

namespace CLI {
class App;
}

namespace briefcast {

// The streams a command writes to (tests hand string streams).
struct CliStreams {
  std::ostream& out;
  std::ostream& err;
};

// One registered subcommand: its CLI11 node and what runs when the user gave it. `run` returns
// the exit code and may throw briefcast::Error (main prints it as one line).
struct Subcommand {
  CLI::App* app;
  std::function<int()> run;
};
using SubcommandList = std::vector<Subcommand>;

// Speech: say, voices (cli_say.cpp).
void add_say_commands(CLI::App& app, CliStreams io, SubcommandList& commands);
// Text front end: clean, sentences, script (cli_text.cpp).
void add_text_commands(CLI::App& app, CliStreams io, SubcommandList& commands);
// Podcast feeds: validate (cli_feed.cpp).
void add_feed_commands(CLI::App& app, CliStreams io, SubcommandList& commands);
// The daily briefing: build (cli_build.cpp).
void add_build_commands(CLI::App& app, CliStreams io, SubcommandList& commands);
// HTTP server: serve (cli_serve.cpp).
void add_serve_commands(CLI::App& app, CliStreams io, SubcommandList& commands);

}  // namespace briefcast
