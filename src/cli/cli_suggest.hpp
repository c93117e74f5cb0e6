#pragma once
// "Did you mean …": the nearest known subcommand or option for a mistyped one, as git and cargo
// answer. Only the command line knows the names, so this lives beside it.

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace briefcast {

// The closest of `known` to `typed` by edit distance (insertions, deletions, substitutions and
// swaps of neighbours each count 1), when it is close enough to be a typo: at most 1 edit for
// names up to 4 characters, 2 up to 8, 3 beyond. Empty when none is.
std::string nearest_name(const std::string& typed, const std::vector<std::string>& known);

// For a command line `app` refused: " (did you mean 'build'?)" naming the subcommand nearest an
// unknown first word, or " (did you mean '--voice'?)" for the first unknown option of the chosen
// subcommand; empty when nothing is near. `args` are the arguments after the program name.
std::string did_you_mean(CLI::App& app, const std::vector<std::string>& args);

}  // namespace briefcast
