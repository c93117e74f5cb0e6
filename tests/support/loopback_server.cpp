#include "support/loopback_server.hpp"

#include <catch2/catch.hpp>
#include <chrono>

namespace briefcast::test {

using namespace std::chrono_literals;

LoopbackServer::LoopbackServer() { port_ = server.bind_to_any_port("127.0.0.1"); }

LoopbackServer::~LoopbackServer() {
  server.stop();
  if (thread_.joinable()) thread_.join();
}

void LoopbackServer::start() {
  REQUIRE(port_ > 0);
  thread_ = std::thread([this] { server.listen_after_bind(); });
  // stop() is a no-op until the server runs: wait for it, so the destructor cannot hang.
  auto deadline = std::chrono::steady_clock::now() + 5s;
  while (!server.is_running() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(1ms);
  REQUIRE(server.is_running());
}

std::string LoopbackServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

}  // namespace briefcast::test
