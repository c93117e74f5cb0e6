#pragma once
// Keeps `briefcast serve` answering honest clients whatever other connections do: every open
// connection is known here with the time it started waiting for a request, so
//   - a connection that has not delivered a complete request head (request line and headers)
//     within `request_timeout` of being opened, or of its previous answer, is closed (the
//     dripping client that sends one header line every few seconds, the idle one that sends
//     nothing; idle keep-alive connections end the same way);
//   - when `max_connections` are open, the connection that has waited longest for a request is
//     closed to make room, so the cap never locks out a client that sends its request at once.
//     Nothing here looks at addresses: every client comes from one address behind a NAT, or
//     from 127.0.0.1 in the tests, so a per-address limit would lock the honest one out too.
// Connections being answered are never closed here (their sending has its own timeout).
//
// The guard decides; `close_socket` acts, called with the socket while the guard's lock is held,
// so the socket cannot be closed and its number reused by the server meanwhile (the server
// reports `closed` under the same lock before closing a socket). Thread-safe.

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <unordered_map>

namespace briefcast {

struct ConnectionLimits {
  std::size_t max_connections = 256;  // open connections; at the cap the oldest waiting one goes
  std::chrono::milliseconds request_timeout{10000};  // to deliver a whole request head
};

// What the guard has done so far, for tests and diagnostics.
struct ConnectionCounts {
  std::size_t open = 0;       // connections open now
  std::size_t max_open = 0;   // most connections open at once
  std::size_t timed_out = 0;  // closed for missing the request deadline
  std::size_t evicted = 0;    // closed to make room at the cap
};

class ConnectionGuard {
 public:
  using Clock = std::chrono::steady_clock;
  // `close_socket(fd)` must make the server drop the connection soon (shutdown(2) does: the
  // server's next read sees the end) without closing the descriptor itself. It must not throw.
  ConnectionGuard(ConnectionLimits limits, std::function<void(int fd)> close_socket);
  ConnectionGuard(const ConnectionGuard&) = delete;
  ConnectionGuard& operator=(const ConnectionGuard&) = delete;

  // A connection `id` with socket `fd` was accepted at `now`; it waits for its first request.
  // When this makes `max_connections` open, the one waiting longest (not this one) is closed.
  void opened(const void* id, int fd, Clock::time_point now);
  // The request head of `id` is complete: no deadline while it is answered. Returns the number
  // of this request on its connection (1 for the first), for the keep-alive request limit;
  // 0 for an unknown id.
  std::size_t request_started(const void* id);
  // The answer of `id` was sent at `now`: it waits for its next request.
  void request_finished(const void* id, Clock::time_point now);
  // The server is about to close the socket of `id` (any reason). Unknown ids are ignored.
  void closed(const void* id);
  // Closes every waiting connection past its deadline at `now` (each once).
  void sweep(Clock::time_point now);

  // Connections being answered now (their request head complete, answer not yet sent).
  std::size_t busy() const;
  ConnectionCounts counts() const;

 private:
  struct Connection {
    int fd = -1;
    bool waiting = true;       // for a request head (else being answered)
    bool closing = false;      // close_socket already called
    Clock::time_point since;   // when the current wait started
    std::size_t requests = 0;  // request heads completed on this connection
  };
  void close_locked(Connection& c);

  ConnectionLimits limits_;
  std::function<void(int)> close_socket_;
  mutable std::mutex mu_;
  std::unordered_map<const void*, Connection> connections_;
  ConnectionCounts counts_;
};

}  // namespace briefcast
