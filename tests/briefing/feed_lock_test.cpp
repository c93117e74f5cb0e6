// One build per feed at a time: the lock file, the busy message with the holder's pid, release on
// destruction, and the folder it lives in.
#include "briefing/feed_lock.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "base/error.hpp"
#include "support/error_capture.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
namespace fs = std::filesystem;

TEST_CASE("feed lock: a second lock on the same folder is busy, naming the holder", "[build]") {
  test::TempDir d;
  const fs::path state = d / "public" / ".briefcast";
  auto first = std::make_unique<FeedLock>(state, "morning");
  // The folder is created and the lock file holds this process's pid.
  CHECK(test::read_file(state / "lock") == std::to_string(::getpid()) + "\n");
  CHECK(test::error_message([&] { FeedLock second(state, "morning"); }, ExitCode::busy) ==
        "'morning': another build of this feed is running (pid " + std::to_string(::getpid()) +
            ")");
  // A different feed folder is not affected.
  CHECK_NOTHROW(FeedLock(d / "other" / ".briefcast", "evening"));
  // Released with the object: the next build takes it.
  first.reset();
  CHECK_NOTHROW(FeedLock(state, "morning"));
}

TEST_CASE("feed lock: a lock file left by a killed build does not block the next", "[build]") {
  test::TempDir d;
  const fs::path state = d / ".briefcast";
  fs::create_directories(state);
  test::write_file(state / "lock", "999999\n");  // no process holds it
  FeedLock lock(state, "morning");
  CHECK(test::read_file(state / "lock") == std::to_string(::getpid()) + "\n");
}

TEST_CASE("feed lock: a folder that cannot be created is an output error", "[build]") {
  test::TempDir d;
  test::write_file(d / "file", "not a folder");
  const fs::path state = d / "file" / ".briefcast";
  CHECK(test::error_message([&] { FeedLock lock(state, "morning"); }, ExitCode::output) ==
        "'" + state.string() + "': cannot create folder: Not a directory");
}
