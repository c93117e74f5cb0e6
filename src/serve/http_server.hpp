#pragma once
// `briefcast serve`: a small HTTP/1.1 file server for one published feed folder, written for what
// podcast apps rely on (HEAD, single byte ranges, If-Range, ETag/Last-Modified and 304, exact
// Content-Length, gzip only for the feed, CORS on transcripts and chapters). This file owns the
// sockets and threads; the decisions are elsewhere: which file a path names in published_file.hpp,
// the answer to a request in file_response.hpp (rules in http_files.hpp), the listen address
// checks in listen_address.hpp, the --build-at time in daily_schedule.hpp.
//
// Safety: only regular files under `root` whose every path segment is visible (no dotfiles, so
// never the `.NAME.tmp-XXXXXX` files `build` writes before renaming) and whose real path, after
// opening, is still under the root (symlinks leading out are refused). Refusals are 404, never
// 403/410 (gPodder unsubscribes on those). No directory listings. Each request opens its file
// once and streams from that descriptor, so a file renamed over meanwhile never mixes bytes.

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
                      // never written to the access log
  // The base URL the feed's enclosures point at (from the feed definition or --base-url);
  // a warning is printed when it does not point at where we listen.
  std::optional<std::string> expected_base_url;
  // Called once a day at `daily_at` (local "HH:MM", see daily_schedule.hpp) on its own thread,
  // e.g. to rebuild the feed. Exceptions it throws are logged, never fatal. Both must be set for
  // the schedule to run.
  std::function<void()> daily_job;
  std::optional<std::string> daily_at;
  std::string feed_file = "feed.xml";  // path of the feed under the root, for the startup line

  // Limits. Requests are served by a fixed pool of threads, one connection at a time each;
  // further connections wait in the queue, so at most `worker_threads` files are open at once.
  std::size_t worker_threads = 8;
  std::size_t keep_alive_max_requests = 100;  // requests per connection before it is closed
  int keep_alive_timeout_s = 5;               // idle time between requests on one connection
  int read_timeout_s = 10;                    // a client that stops sending its request
  int write_timeout_s = 30;                   // a client that stops reading the response
  // Request line and each header are limited to 8192 bytes by cpp-httplib's build
  // (CPPHTTPLIB_REQUEST_URI_MAX_LENGTH / CPPHTTPLIB_HEADER_MAX_LENGTH); request bodies (never
  // needed: only GET and HEAD are served) to this.
  std::size_t max_body_bytes = 4096;
};

// Counters for tests and diagnostics.
struct ServeStats {
  std::size_t requests = 0;          // requests answered (any status)
  std::size_t max_busy_workers = 0;  // most connections being served at the same time
  std::size_t worker_threads = 0;    // size of the pool
};

class HttpServer {
 public:
  // Checks the root (throws Error(ExitCode::input) naming it when it is missing or not a folder)
  // and daily_at (Error(ExitCode::usage)). `log` receives warnings, the startup line, one access
  // line per request and scheduled-job errors; it must outlive the server.
  HttpServer(ServeOptions options, std::ostream& log);
  // Stops and joins every thread. Never throws.
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens. Throws Error(ExitCode::network) "cannot listen on HOST:PORT: REASON".
  // Returns the port actually bound (useful with port 0).
  int bind();
  int port() const;
  // Serves until stop() is called or SIGINT/SIGTERM set interrupt_flag() (atomic_output.hpp);
  // binds first when bind() was not called. Prints the warnings and the startup line
  // "briefcast: serving DIR at http://HOST:PORT/[TOKEN/]feed.xml (Ctrl-C to stop)". Returns
  // when every request in progress has finished (at most keep_alive_timeout_s + write_timeout_s).
  void run();
  // Asks run() to return. Thread-safe, idempotent; may be called before run().
  void stop();
  ServeStats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace briefcast
