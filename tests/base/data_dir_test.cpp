#include "base/data_dir.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

using namespace briefcast;

TEST_CASE("the voices folder follows BRIEFCAST_VOICES_DIR, else the source tree's", "[base]") {
  const char* old = std::getenv("BRIEFCAST_VOICES_DIR");
  std::optional<std::string> saved = old ? std::optional<std::string>(old) : std::nullopt;
  ::setenv("BRIEFCAST_VOICES_DIR", "/srv/briefcast/voices", 1);
  CHECK(default_voices_dir() == "/srv/briefcast/voices");
  ::unsetenv("BRIEFCAST_VOICES_DIR");
  auto dir = default_voices_dir();
  CHECK(std::filesystem::exists(dir / "en-us-news.json"));
  CHECK(std::filesystem::exists(dir / "lang" / "en.json"));
  if (saved) ::setenv("BRIEFCAST_VOICES_DIR", saved->c_str(), 1);
}
