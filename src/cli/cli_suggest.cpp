#include "cli/cli_suggest.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>

namespace briefcast {

namespace {

// Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring).
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::string suggestion(const std::string& name) {
  return name.empty() ? std::string() : " (did you mean '" + name + "'?)";
}

}  // namespace

std::string nearest_name(const std::string& typed, const std::vector<std::string>& known) {
  const std::size_t limit = typed.size() <= 4 ? 1 : typed.size() <= 8 ? 2 : 3;
  std::string best;
  std::size_t best_distance = limit + 1;
  for (const std::string& k : known) {
    std::size_t dist = edit_distance(typed, k);
    if (dist < best_distance) {
      best_distance = dist;
      best = k;
    }
  }
  return best;
}

std::string did_you_mean(CLI::App& app, const std::vector<std::string>& args) {
  std::vector<CLI::App*> subcommands = app.get_subcommands([](CLI::App*) { return true; });
  CLI::App* chosen = nullptr;
  for (const std::string& arg : args) {
    if (arg.empty() || arg[0] == '-') continue;  // options before the subcommand
    for (CLI::App* sub : subcommands)
      if (sub->get_name() == arg) chosen = sub;
    if (!chosen) {
      std::vector<std::string> names;
      for (CLI::App* sub : subcommands) names.push_back(sub->get_name());
      return suggestion(nearest_name(arg, names));
    }
    break;
  }
  CLI::App& scope = chosen ? *chosen : app;
  for (const std::string& arg : args) {
    if (arg == "--") break;
    if (arg.size() < 2 || arg[0] != '-' || (arg[1] >= '0' && arg[1] <= '9')) continue;
    const std::string name = arg.substr(0, arg.find('='));
    if (name.size() > 2 && name[1] != '-') continue;  // "-abc": grouped short flags or a value
    if (scope.get_option_no_throw(name) || app.get_option_no_throw(name)) continue;
    std::vector<std::string> names;
    for (const CLI::Option* o : scope.get_options()) {
      for (auto& l : o->get_lnames()) names.push_back("--" + l);
      for (auto& s : o->get_snames()) names.push_back("-" + s);
    }
    return suggestion(nearest_name(name, names));
  }
  return {};
}

}  // namespace briefcast
