#pragma once
// The hand-over between `say`'s two threads: the speaking thread (text front end and eSpeak NG)
// pushes paragraphs of audio at eSpeak NG's rate, the audio thread (loudness, resampling,
// encoding) pops them in order.
//
// At most `capacity` paragraphs wait, and their buffers come back (recycle, take_buffer) to be
// filled again, so memory stays flat (a buffer grown past `max_kept` is let go instead). The
// speaking side ends the stream with close() (with its exception, if it failed); the audio side
// calls stop() when it fails, and the speaking side's next push() then throws Stopped. All members
// are safe to call from either thread.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <vector>

namespace briefcast {

class ParagraphQueue {
 public:
  // Thrown by push() once the audio side has stopped.
  struct Stopped {};
  // Buffers given back with more room than `max_kept` samples are freed, not kept for reuse.
  ParagraphQueue(std::size_t capacity, std::size_t max_kept)
      : capacity_(capacity), max_kept_(max_kept) {}

  // An empty buffer to fill, with the capacity of one already used when there is one.
  std::vector<float> take_buffer();
  // Hands over a paragraph; blocks while `capacity` wait. Throws Stopped after stop().
  void push(std::vector<float> paragraph);
  // Ends the stream: pop() returns what waits, then nullopt (or rethrows `error`).
  void close(std::exception_ptr error);
  // The next paragraph in order; nullopt at the end. Rethrows the speaking side's failure.
  std::optional<std::vector<float>> pop();
  // Gives a popped paragraph's buffer back for take_buffer().
  void recycle(std::vector<float> buffer);
  // The audio side gives up: push() throws Stopped from now on.
  void stop();

 private:
  std::size_t capacity_;
  std::size_t max_kept_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<float>> full_;
  std::vector<std::vector<float>> spare_;
  bool closed_ = false;
  bool stopped_ = false;
  std::exception_ptr error_;
};

}  // namespace briefcast
