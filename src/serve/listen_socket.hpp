#pragma once
// The listening TCP socket of `briefcast serve`, owned from the line that opens it. It is opened
// here rather than by the HTTP library so that binding can fail with a precise message before
// anything is served, and port 0 can report the port the kernel chose.

#include <string>

namespace briefcast {

class ListenSocket {
 public:
  // Resolves `host` (numeric or a name, "" for every interface) and binds the first address
  // that works on `port` (0: a free port the kernel picks), with SO_REUSEADDR only (a second
  // server on the same port must fail, not share it as SO_REUSEPORT would), then listens.
  // The socket is non-blocking and close-on-exec. Throws Error(ExitCode::network)
  // "cannot listen on HOST:PORT: REASON" (REASON: the resolver's message for an unknown host,
  // else bind_error_text of the failed call, listen_address.hpp).
  ListenSocket(const std::string& host, int port);
  ~ListenSocket();  // closes the socket unless released; never throws
  ListenSocket(const ListenSocket&) = delete;
  ListenSocket& operator=(const ListenSocket&) = delete;

  int fd() const { return fd_; }
  int port() const { return port_; }  // the port bound (the kernel's choice for port 0)
  // Gives up ownership: the caller (the HTTP library) closes the descriptor from now on.
  int release();

 private:
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace briefcast
