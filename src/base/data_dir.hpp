#pragma once
// Where briefcast's installed data lives: the voices folder holds the voice profiles
// (`NAME.json`) and the spoken-form data of each language (`lang/<language>.json`).

#include <filesystem>

namespace briefcast {

// The voices folder: $BRIEFCAST_VOICES_DIR, else `voices/` beside the executable's parent folder
// (or `share/briefcast/voices` there, as installed), else the source tree's `voices/`.
// Never throws; the folder is not checked to exist in the last case.
std::filesystem::path default_voices_dir();

}  // namespace briefcast
