#pragma once
// Reading a whole file into memory, with the error message every command uses.

#include <filesystem>
#include <string>

namespace briefcast {

// The whole file as bytes. Throws Error(ExitCode::input) "'PATH': cannot read" when it is missing,
// unreadable or a folder, "'PATH': read error" when reading fails part-way.
std::string read_file_bytes(const std::filesystem::path& path);

}  // namespace briefcast
