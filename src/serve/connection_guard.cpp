#include "serve/connection_guard.hpp"

#include <algorithm>
#include <utility>

namespace briefcast {

ConnectionGuard::ConnectionGuard(ConnectionLimits limits, std::function<void(int fd)> close_socket)
    : limits_(limits), close_socket_(std::move(close_socket)) {}

void ConnectionGuard::close_locked(Connection& c) {
  if (c.closing) return;
  c.closing = true;
  close_socket_(c.fd);
}

void ConnectionGuard::opened(const void* id, int fd, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  Connection& added = connections_[id];
  added = Connection{fd, true, false, now, 0};
  counts_.open = connections_.size();
  counts_.max_open = std::max(counts_.max_open, counts_.open);
  // Counting the ones already closing too: their sockets are still open until the server drops
  // them, and the server's own cap counts them.
  if (connections_.size() < limits_.max_connections) return;
  Connection* oldest = nullptr;
  for (auto& [other, c] : connections_)
    if (other != id && c.waiting && !c.closing && (!oldest || c.since < oldest->since)) oldest = &c;
  if (oldest) {
    close_locked(*oldest);
    ++counts_.evicted;
  }
}

std::size_t ConnectionGuard::request_started(const void* id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = connections_.find(id);
  if (it == connections_.end()) return 0;
  it->second.waiting = false;
  return ++it->second.requests;
}

void ConnectionGuard::request_finished(const void* id, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = connections_.find(id);
  if (it == connections_.end()) return;
  it->second.waiting = true;
  it->second.since = now;
}

void ConnectionGuard::closed(const void* id) {
  std::lock_guard<std::mutex> lock(mu_);
  connections_.erase(id);
  counts_.open = connections_.size();
}

void ConnectionGuard::sweep(Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& [id, c] : connections_)
    if (c.waiting && !c.closing && now - c.since >= limits_.request_timeout) {
      close_locked(c);
      ++counts_.timed_out;
    }
}

std::size_t ConnectionGuard::busy() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<std::size_t>(std::count_if(connections_.begin(), connections_.end(),
                                                [](const auto& e) { return !e.second.waiting; }));
}

ConnectionCounts ConnectionGuard::counts() const {
  std::lock_guard<std::mutex> lock(mu_);
  return counts_;
}

}  // namespace briefcast
