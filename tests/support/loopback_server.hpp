#pragma once
// A real HTTP server on loopback for the tests of everything that fetches URLs: a cpp-httplib
// server on 127.0.0.1, port chosen by the kernel, running in a thread once start() is called.
// Handlers (`server.Get(...)`) and mount points are registered before that.

#include <string>
#include <thread>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#include <httplib.h>
#pragma GCC diagnostic pop

namespace briefcast::test {

class LoopbackServer {
 public:
  LoopbackServer();   // binds; the test fails in start() when no port could be bound
  ~LoopbackServer();  // stops the server and joins its thread
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  // Runs the server; returns once it accepts connections (the test fails after 5 s).
  void start();
  // "http://127.0.0.1:PORT" + `path`.
  std::string url(const std::string& path) const;

  httplib::Server server;

 private:
  int port_ = -1;
  std::thread thread_;
};

}  // namespace briefcast::test
