#pragma once
// `briefcast serve`: a small HTTP/1.1 file server for one published feed folder, written for what
// podcast apps rely on (HEAD, single byte ranges, If-Range, ETag/Last-Modified and 304, exact
// Content-Length, gzip only for the feed, CORS on transcripts and chapters). This file owns the
// server (libmicrohttpd) and its threads; the decisions are elsewhere: the answer to a request
// head in request_answer.hpp (which file a path names in published_file.hpp, the HTTP answer for
// it in file_response.hpp, rules in http_files.hpp), which connections to close in
// connection_guard.hpp, the listening socket in listen_socket.hpp and the address checks in
// listen_address.hpp, the --build-at time in daily_schedule.hpp.
//
// Safety: only regular files under `root` whose every path segment is visible (no dotfiles, so
// never the `.NAME.tmp-XXXXXX` files `build` writes before renaming) and whose real path, after
// opening, is still under the root and in no dot folder (symlinks leading out or into
// `.briefcast/` are refused). Refusals are 404, never 403/410 (gPodder unsubscribes on those).
// No directory listings. Each request opens its file once and streams from that descriptor, so a
// file renamed over meanwhile never mixes bytes.
//
// Staying up for honest clients whatever others do: a few threads each wait on many connections
// at once (epoll), so a connection that sends nothing, or its request a byte at a time, holds no
// thread; it must deliver its whole request head within `request_timeout_s`; at
// `max_connections` the connection waiting longest for a request is closed to make room; a
// request's line and headers are bounded in bytes and fields (431 beyond), so memory is bounded
// by the connection cap.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace briefcast {

struct ServeOptions {
  std::filesystem::path root;      // folder served (build's output folder); must exist
  std::string bind = "127.0.0.1";  // address to listen on; non-loopback without token warns
  int port = 8080;                 // TCP port; 0 = any free port (see HttpServer::port())
  std::string token;  // when not empty everything lives under /TOKEN/..., other paths are 404;
                      // never written to the log (access lines and startup line show "***")
  // The base URL the feed's enclosures point at (from the feed definition, --base-url or the
  // published feed's atom:link rel=self); a warning is printed when it does not point at where
  // we listen.
  std::optional<std::string> expected_base_url;
  // Called once a day at `daily_at` (local "HH:MM", see daily_schedule.hpp) on its own thread,
  // e.g. to rebuild the feed. Exceptions it throws are logged, never fatal. Both must be set for
  // the schedule to run.
  std::function<void()> daily_job;
  std::optional<std::string> daily_at;
  std::string feed_file = "feed.xml";  // path of the feed under the root, for the startup line

  // Limits. A fixed pool of `worker_threads` threads answers every connection, each waiting on
  // many connections at once; what a connection may hold is bounded below.
  std::size_t worker_threads = 4;
  // Connections open at once (the server's cap; at the cap the connection that has waited
  // longest for a request is closed so a new one always finds a place). At least worker_threads.
  std::size_t max_connections = 256;
  // A connection must deliver a complete request head (request line and headers) within this
  // many seconds of being opened or of its previous answer, else it is closed; this is also how
  // long an idle keep-alive connection is kept.
  int request_timeout_s = 10;
  int write_timeout_s = 30;                   // a client that stops reading the response
  std::size_t keep_alive_max_requests = 100;  // requests per connection before it is closed
  // Request line and headers together, in bytes, and the number of header fields: beyond
  // either the answer is 431 and the connection is closed. Request bodies are never read (only
  // GET, HEAD and OPTIONS are served; other methods get 405 and the connection is closed).
  std::size_t max_header_bytes = 8192;
  std::size_t max_header_fields = 100;
};

// Counters for tests and diagnostics.
struct ServeStats {
  std::size_t requests = 0;        // requests answered or refused (access-log lines)
  std::size_t max_open = 0;        // most connections open at the same time
  std::size_t timed_out = 0;       // connections closed for missing the request deadline
  std::size_t evicted = 0;         // connections closed to make room at max_connections
  std::size_t worker_threads = 0;  // size of the pool
};

class HttpServer {
 public:
  // Checks the root (throws Error(ExitCode::input) naming it when it is missing or not a folder)
  // and daily_at (Error(ExitCode::usage)). `log` receives warnings, the startup line, one access
  // line per request in the common log format (access_log.hpp) and scheduled-job errors; it must
  // outlive the server.
  HttpServer(ServeOptions options, std::ostream& log);
  // Stops and joins every thread. Never throws.
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens. Throws Error(ExitCode::network) "cannot listen on HOST:PORT: REASON".
  // Returns the port actually bound (useful with port 0).
  int bind();
  int port() const;
  // Serves until stop() is called or SIGINT/SIGTERM set interrupt_flag() (base/interrupt.hpp);
  // binds first when bind() was not called. Prints the warnings and the startup line
  // "briefcast: serving DIR at http://HOST:PORT/[***/]feed.xml (Ctrl-C to stop)" (the token is
  // never printed: logs of a service end up in the journal); for a wildcard bind (0.0.0.0, ::)
  // HOST is each address of this machine's interfaces that others can reach
  // (reachable_hosts in interface_addresses.hpp), the URLs separated by ", ". The base URL
  // warning checks expected_base_url against the same addresses. Answers in progress get up to
  // 0.3 s to finish, then every connection is closed. Throws Error(ExitCode::network) when the
  // server cannot start (e.g. no threads or descriptors left).
  void run();
  // Asks run() to return. Thread-safe, idempotent; may be called before run().
  void stop();
  ServeStats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace briefcast
