#include "base/data_dir.hpp"

#include <cstdlib>

namespace briefcast {

std::filesystem::path default_voices_dir() {
  if (const char* env = std::getenv("BRIEFCAST_VOICES_DIR"); env && *env) return env;
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (std::filesystem::path dir :
         {exe.parent_path().parent_path() / "voices",
          exe.parent_path().parent_path() / "share" / "briefcast" / "voices"})
      if (std::filesystem::is_directory(dir, ec)) return dir;
  }
  return std::filesystem::path(BRIEFCAST_DATA_DIR) / "voices";
}

}  // namespace briefcast
