// Which connections `serve` closes, decided with a clock the test sets: the request deadline for
// connections that never finish their request head (or sit idle after an answer), and room made
// at the connection cap by closing the one that has waited longest, never one being answered.
#include "serve/connection_guard.hpp"

#include <catch2/catch.hpp>
#include <vector>

using namespace briefcast;
using namespace std::chrono_literals;

namespace {

struct Recorder {
  std::vector<int> closed;
  ConnectionGuard guard;
  explicit Recorder(ConnectionLimits limits)
      : guard(limits, [this](int fd) { closed.push_back(fd); }) {}
};

// Distinct ids, as the server's connection pointers would be.
const void* id(int n) {
  static char ids[64];
  return &ids[n];
}

}  // namespace

TEST_CASE("connection guard: the request deadline", "[serve]") {
  Recorder r(ConnectionLimits{100, 10s});
  auto t0 = ConnectionGuard::Clock::time_point{} + 1000s;
  r.guard.opened(id(1), 11, t0);       // sends nothing, or drips its headers
  r.guard.opened(id(2), 12, t0);       // honest: its request comes at once
  r.guard.opened(id(3), 13, t0 + 5s);  // opened later
  CHECK(r.guard.request_started(id(2)) == 1);
  r.guard.sweep(t0 + 9s);
  CHECK(r.closed.empty());
  r.guard.sweep(t0 + 10s);
  CHECK(r.closed == std::vector<int>{11});
  // Closed once only, however often the sweep comes by before the server drops it.
  r.guard.sweep(t0 + 11s);
  CHECK(r.closed == std::vector<int>{11});
  r.guard.closed(id(1));
  // Being answered has no deadline here (a long download); the wait starts again after it.
  r.guard.sweep(t0 + 60s);
  CHECK(r.closed == std::vector<int>{11, 13});
  r.guard.request_finished(id(2), t0 + 60s);
  r.guard.sweep(t0 + 69s);
  CHECK(r.closed == std::vector<int>{11, 13});
  CHECK(r.guard.request_started(id(2)) == 2);  // keep-alive: its second request, in time
  r.guard.request_finished(id(2), t0 + 70s);
  r.guard.sweep(t0 + 80s);  // idle keep-alive past the deadline
  CHECK(r.closed == std::vector<int>{11, 13, 12});
  auto counts = r.guard.counts();
  CHECK(counts.timed_out == 3);
  CHECK(counts.evicted == 0);
  CHECK(counts.open == 2);  // 2 and 3 not yet reported closed
  CHECK(counts.max_open == 3);
}

TEST_CASE("connection guard: at the cap the longest-waiting connection makes room", "[serve]") {
  Recorder r(ConnectionLimits{4, 10s});
  auto t0 = ConnectionGuard::Clock::time_point{} + 1000s;
  r.guard.opened(id(1), 11, t0);
  r.guard.opened(id(2), 12, t0 + 1s);
  r.guard.request_started(id(1));  // being answered: never evicted
  r.guard.opened(id(3), 13, t0 + 2s);
  CHECK(r.closed.empty());
  r.guard.opened(id(4), 14, t0 + 3s);  // the 4th of 4: the oldest waiting one goes
  CHECK(r.closed == std::vector<int>{12});
  CHECK(r.guard.busy() == 1);
  // Until the server drops it, it still counts; the next one evicts the next oldest.
  r.guard.opened(id(5), 15, t0 + 4s);
  CHECK(r.closed == std::vector<int>{12, 13});
  r.guard.closed(id(2));
  r.guard.closed(id(3));
  CHECK(r.guard.counts().evicted == 2);
  CHECK(r.guard.counts().open == 3);
  // Everyone else being answered: nothing to evict, the new one is kept.
  r.guard.request_started(id(4));
  r.guard.request_started(id(5));
  r.guard.opened(id(6), 16, t0 + 5s);
  CHECK(r.closed == std::vector<int>{12, 13});
  // Unknown ids are ignored.
  CHECK(r.guard.request_started(id(9)) == 0);
  r.guard.request_finished(id(9), t0);
  r.guard.closed(id(9));
  CHECK(r.guard.counts().open == 4);
}
