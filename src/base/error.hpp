#pragma once
// One error type for the whole pipeline. Every stage throws briefcast::Error with the exit code
// that describes which part of the user's request failed; only main() catches it, prints one line
// `briefcast: <message>` and returns the code.

#include <stdexcept>
#include <string>

namespace briefcast {

// Process exit codes, distinct per failure class so scripts can tell them apart.
enum class ExitCode : int {
  ok = 0,
  failure = 1,       // unexpected internal failure (a bug, libcrypto failing)
  usage = 2,         // bad command line
  input = 3,         // input file missing, unreadable, empty or binary
  voice = 4,         // unknown voice, bad voice profile
  synthesis = 5,     // eSpeak NG failed
  encode = 6,        // LAME / libsndfile / soxr / libebur128 failed
  output = 7,        // cannot create, write or rename the output file
  feed = 8,          // bad feed definition (feeds/NAME.json), unusable source document, or a
                     // state.json that cannot be read or is damaged
  network = 9,       // a URL could not be fetched, or the server cannot listen
  invalid = 10,      // `validate` found problems; `build` refused to publish an invalid feed or
                     // episode file (a chapter time, a date that cannot be written)
  busy = 11,         // another `build` of the same feed holds its lock
  interrupted = 130  // SIGINT / SIGTERM: nothing was published
};

class Error : public std::runtime_error {
 public:
  // `message` is the whole line after "briefcast: ", e.g. "'a.txt': no such file".
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const noexcept { return code_; }

 private:
  ExitCode code_;
};

}  // namespace briefcast
