#include "scoring/scores.hpp"

#include <cstdio>

namespace briefcast::scoring {

std::string format_score(const Score& s) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s: %.4g %s (target >= %.4g) %s", s.name.c_str(), s.value,
                s.unit.c_str(), s.target, s.passed() ? "PASS" : "FAIL");
  std::string line = buf;
  if (!s.detail.empty()) line += " - " + s.detail;
  return line;
}

std::optional<std::filesystem::path> find_corpus() {
  std::filesystem::path p =
      std::filesystem::path(BRIEFCAST_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!std::filesystem::is_directory(p)) return std::nullopt;
  return std::filesystem::weakly_canonical(p);
}

}  // namespace briefcast::scoring
