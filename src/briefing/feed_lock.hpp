#pragma once
// One `build` per output folder at a time: an exclusive advisory lock (flock) on
// `<folder>/.briefcast/lock`, held for the object's lifetime and released by the kernel when the
// process dies, so a killed build never leaves a stale lock behind.

#include <filesystem>
#include <string>

namespace briefcast {

class FeedLock {
 public:
  // Creates `dir` (the state folder) when missing and takes the lock without waiting. Throws
  // Error(ExitCode::busy) "'<feed>': another build of this feed is running (pid N)" when held,
  // Error(ExitCode::output) when the folder cannot be created. `feed_name` is used in messages.
  FeedLock(const std::filesystem::path& dir, const std::string& feed_name);
  ~FeedLock();
  FeedLock(const FeedLock&) = delete;
  FeedLock& operator=(const FeedLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace briefcast
