#include <CLI/CLI.hpp>

#include "cli_commands.hpp"

namespace briefcast {

void add_feed_commands(CLI::App& /*app*/, CliStreams /*io*/, SubcommandList& /*commands*/) {}

}  // namespace briefcast
