#pragma once
// Clean-up after killed runs: the temporary files (`.NAME.tmp-XXXXXX`, see atomic_file.hpp) that
// were never renamed into place.

#include <cstddef>
#include <filesystem>

namespace briefcast {

// Removes temporary files (`.NAME.tmp-XXXXXX`) a killed run left in `dir` (not recursive).
// Call only while holding the folder's lock. Returns how many were removed. Never throws.
std::size_t remove_stale_temporaries(const std::filesystem::path& dir);

}  // namespace briefcast
