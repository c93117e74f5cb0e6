#include "base/file_read.hpp"

#include <fstream>
#include <sstream>

#include "base/error.hpp"

namespace briefcast {

namespace fs = std::filesystem;

std::string read_file_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::error_code ec;
  if (!in || fs::is_directory(p, ec))
    throw Error(ExitCode::input, "'" + p.string() + "': cannot read");
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw Error(ExitCode::input, "'" + p.string() + "': read error");
  return s.str();
}

}  // namespace briefcast
