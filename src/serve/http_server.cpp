#include "serve/http_server.hpp"

#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <ctime>
#include <mutex>
#include <thread>
#include <vector>

#include "base/c_deleter.hpp"
#include "base/error.hpp"
#include "base/interrupt.hpp"
#include "serve/access_log.hpp"
#include "serve/connection_guard.hpp"
#include "serve/daily_schedule.hpp"
#include "serve/feed_gzip.hpp"
#include "serve/http_files.hpp"
#include "serve/interface_addresses.hpp"
#include "serve/listen_address.hpp"
#include "serve/listen_socket.hpp"
#include "serve/mhd_exchange.hpp"
#include "serve/request_answer.hpp"

namespace briefcast {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;
using DaemonPtr = std::unique_ptr<MHD_Daemon, CDeleter<MHD_stop_daemon>>;
// The memory each connection may use for its request head and the answer's headers (the
// library answers 431 itself when a request does not fit; our own caps are tighter).
constexpr std::size_t kConnectionMemory = 32 * 1024;
// How long answers in progress may take to finish once the server is asked to stop; then their
// connections are closed. Well within kInterruptGrace, so a signalled `serve` stops by itself
// (exit 130, within a second) and never needs the watchdog.
constexpr auto kStopGrace = std::chrono::milliseconds(300);
static_assert(kStopGrace < kInterruptGrace / 2);

// One request, from its request line (the library's URI log callback) to the access-log line
// (its completion callback); the library hands it to every callback of that request.
struct RequestTrace {
  std::string target;        // request-target as sent, query included
  std::string method;        // set when the head was complete; empty for requests refused before
  std::string version;       // protocol version as sent, set with the method
  std::time_t received = 0;  // wall-clock time of the request line, for the access log
  std::size_t nth = 0;       // this request's number on its connection
  std::uint64_t bytes = 0;   // body bytes handed to the library
};

// Signals go to the thread that waits in run(): the library's threads and the scheduler block
// them. SIGPIPE is blocked so a client hanging up gives EPIPE instead of killing the process.
sigset_t server_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGPIPE);
  return set;
}

// Limits of 0 or less would stop the server from serving anything: the smallest that works.
ServeOptions with_usable_limits(ServeOptions o) {
  o.worker_threads = std::max<std::size_t>(1, o.worker_threads);
  o.max_connections = std::max(o.max_connections, o.worker_threads);
  o.request_timeout_s = std::max(1, o.request_timeout_s);
  o.write_timeout_s = std::max(1, o.write_timeout_s);
  o.keep_alive_max_requests = std::max<std::size_t>(1, o.keep_alive_max_requests);
  return o;
}

}  // namespace

struct HttpServer::Impl {
  ServeOptions opt;
  std::ostream& log;
  fs::path root;  // canonical
  std::unique_ptr<ListenSocket> listener;
  ConnectionGuard guard;
  FeedGzipCache gzip;
  std::atomic<std::size_t> requests{0};

  std::mutex log_mu;
  std::mutex mu;
  std::condition_variable cv;
  bool stop_requested = false;
  std::thread scheduler;

  Impl(ServeOptions o, std::ostream& l)
      : opt(with_usable_limits(std::move(o))),
        log(l),
        guard(ConnectionLimits{opt.max_connections, std::chrono::seconds(opt.request_timeout_s)},
              [](int fd) { ::shutdown(fd, SHUT_RDWR); }) {}

  void log_line(const std::string& line) {
    std::lock_guard<std::mutex> lock(log_mu);
    log << line << '\n';
    log.flush();
  }

  DaemonPtr start_daemon();
  bool send(MHD_Connection* c, Answer a, RequestTrace& trace);
  void access_log(MHD_Connection* c, const RequestTrace& trace);
  void schedule_loop(int minute_of_day);

  // libmicrohttpd's callbacks; `cls` is the Impl. None lets an exception out.
  static void* on_request_line(void* cls, const char* uri, MHD_Connection* c);
  static MHD_Result on_request(void* cls, MHD_Connection* c, const char* url, const char* method,
                               const char* version, const char* upload_data,
                               std::size_t* upload_data_size, void** req_cls);
  static void on_completed(void* cls, MHD_Connection* c, void** req_cls,
                           MHD_RequestTerminationCode toe);
  static void on_connection(void* cls, MHD_Connection* c, void** socket_context,
                            MHD_ConnectionNotificationCode code);
  static std::size_t keep_escaped(void* cls, MHD_Connection* c, char* s);
};

void* HttpServer::Impl::on_request_line(void*, const char* uri, MHD_Connection*) {
  try {
    auto* trace = new RequestTrace;
    trace->target = uri ? uri : "";
    trace->received = std::time(nullptr);
    return trace;
  } catch (...) {
    return nullptr;  // on_request then drops the connection
  }
}

// The library would decode %XX in the path before handing it over; the rules in http_files.hpp
// need it as sent (an encoded slash or dot must be seen as such), so nothing is decoded here.
std::size_t HttpServer::Impl::keep_escaped(void*, MHD_Connection*, char* s) {
  return std::strlen(s);
}

void HttpServer::Impl::on_connection(void* cls, MHD_Connection* c, void**,
                                     MHD_ConnectionNotificationCode code) {
  auto& self = *static_cast<Impl*>(cls);
  try {
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
      const MHD_ConnectionInfo* info =
          MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
      if (info) self.guard.opened(c, info->connect_fd, Clock::now());
    } else {
      self.guard.closed(c);  // before the library closes the socket
    }
  } catch (...) {
    // Only std::bad_alloc can get here; the connection then goes unguarded.
  }
}

// The library calls this once the request head is complete, then again once it knows no body
// follows. Refusals (431, 405) are queued in the first call, which makes the library close the
// connection after them; files are answered in the second, so the connection can stay open.
MHD_Result HttpServer::Impl::on_request(void* cls, MHD_Connection* c, const char*,
                                        const char* method, const char* version, const char*,
                                        std::size_t* upload_data_size, void** req_cls) {
  auto& self = *static_cast<Impl*>(cls);
  auto* trace = static_cast<RequestTrace*>(*req_cls);
  if (!trace) return MHD_NO;
  // A request body is never read: the connection is closed instead.
  if (*upload_data_size != 0) return MHD_NO;
  try {
    if (trace->method.empty()) {
      trace->method = method && *method ? method : "?";
      trace->version = version ? version : "";
      trace->nth = self.guard.request_started(c);
      std::optional<Answer> refused =
          refusal(connection_head(c, trace->method, trace->target),
                  HeadLimits{self.opt.max_header_fields, self.opt.max_header_bytes});
      return !refused || self.send(c, std::move(*refused), *trace) ? MHD_YES : MHD_NO;
    }
    Answer a = answer(connection_head(c, trace->method, trace->target), self.root, self.opt.token,
                      self.gzip);
    if (trace->nth >= self.opt.keep_alive_max_requests)
      a.headers.emplace_back("Connection", "close");
    return self.send(c, std::move(a), *trace) ? MHD_YES : MHD_NO;
  } catch (const std::exception& e) {
    self.log_line(std::string("briefcast: error serving a request: ") + e.what());
    Answer a;
    a.status = 500;
    a.headers.emplace_back("Connection", "close");
    try {
      return self.send(c, std::move(a), *trace) ? MHD_YES : MHD_NO;
    } catch (...) {
      return MHD_NO;
    }
  }
}

void HttpServer::Impl::on_completed(void* cls, MHD_Connection* c, void** req_cls,
                                    MHD_RequestTerminationCode) {
  auto& self = *static_cast<Impl*>(cls);
  std::unique_ptr<RequestTrace> trace(static_cast<RequestTrace*>(*req_cls));
  *req_cls = nullptr;
  try {
    if (trace) self.access_log(c, *trace);
    self.guard.request_finished(c, Clock::now());
  } catch (...) {
    // Logging failed (std::bad_alloc): the request is over either way.
  }
}

bool HttpServer::Impl::send(MHD_Connection* c, Answer a, RequestTrace& trace) {
  return queue_answer(c, std::move(a), &trace.bytes);
}

void HttpServer::Impl::access_log(MHD_Connection* c, const RequestTrace& trace) {
  ++requests;
  AccessLogEntry e;
  if (const MHD_ConnectionInfo* client =
          MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS))
    e.client = numeric_address(client->client_addr);
  e.received = trace.received;
  e.method = trace.method;
  e.target = trace.target;
  e.version = trace.version;
  if (const MHD_ConnectionInfo* status =
          MHD_get_connection_info(c, MHD_CONNECTION_INFO_HTTP_STATUS))
    e.status = static_cast<int>(status->http_status);
  e.bytes = trace.bytes;
  log_line(access_log_line(e, opt.token));
}

DaemonPtr HttpServer::Impl::start_daemon() {
  // The library takes its own copy of the listening socket and closes it when stopped.
  int fd = ::dup(listener->fd());
  if (fd < 0) return nullptr;
  unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC;
  std::vector<MHD_OptionItem> options = {
      {MHD_OPTION_LISTEN_SOCKET, fd, nullptr},
      {MHD_OPTION_CONNECTION_LIMIT, static_cast<intptr_t>(opt.max_connections), nullptr},
      {MHD_OPTION_CONNECTION_TIMEOUT, opt.write_timeout_s, nullptr},
      {MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<intptr_t>(kConnectionMemory), nullptr},
      {MHD_OPTION_URI_LOG_CALLBACK, reinterpret_cast<intptr_t>(&Impl::on_request_line), this},
      {MHD_OPTION_NOTIFY_COMPLETED, reinterpret_cast<intptr_t>(&Impl::on_completed), this},
      {MHD_OPTION_NOTIFY_CONNECTION, reinterpret_cast<intptr_t>(&Impl::on_connection), this},
      {MHD_OPTION_UNESCAPE_CALLBACK, reinterpret_cast<intptr_t>(&Impl::keep_escaped), this},
  };
  if (opt.worker_threads > 1)
    options.push_back(
        {MHD_OPTION_THREAD_POOL_SIZE, static_cast<intptr_t>(opt.worker_threads), nullptr});
  options.push_back({MHD_OPTION_END, 0, nullptr});
  // The library's threads inherit this thread's signal mask: block, start, restore.
  sigset_t block = server_signals(), old;
  pthread_sigmask(SIG_BLOCK, &block, &old);
  DaemonPtr d(MHD_start_daemon(flags, 0, nullptr, nullptr, &Impl::on_request, this,
                               MHD_OPTION_ARRAY, options.data(), MHD_OPTION_END));
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  // On failure the library may already have closed `fd` on some paths: it is left alone rather
  // than risk closing a number another thread got meanwhile (run() then fails the command).
  return d;
}

void HttpServer::Impl::schedule_loop(int minute_of_day) {
  sigset_t block = server_signals();
  pthread_sigmask(SIG_BLOCK, &block, nullptr);
  const std::string at = daily_time_text(minute_of_day);
  for (;;) {
    std::time_t next = next_daily_run(std::time(nullptr), minute_of_day);
    {
      std::unique_lock<std::mutex> lock(mu);
      // Short waits so a changed clock (suspend, NTP, DST) is noticed within 30 s.
      while (!stop_requested && std::time(nullptr) < next)
        cv.wait_for(
            lock, std::chrono::seconds(std::clamp<std::time_t>(next - std::time(nullptr), 1, 30)));
      if (stop_requested) return;
    }
    log_line("briefcast: scheduled job (daily at " + at + ") starting");
    try {
      opt.daily_job();
      log_line("briefcast: scheduled job finished");
    } catch (const std::exception& e) {
      log_line(std::string("briefcast: scheduled job failed: ") + e.what());
    } catch (...) {
      log_line("briefcast: scheduled job failed: unknown error");
    }
  }
}

HttpServer::HttpServer(ServeOptions options, std::ostream& log)
    : impl_(std::make_unique<Impl>(std::move(options), log)) {
  auto& o = impl_->opt;
  std::error_code ec;
  if (!fs::exists(o.root, ec))
    throw Error(ExitCode::input, "'" + o.root.string() + "': folder does not exist");
  if (!fs::is_directory(o.root, ec))
    throw Error(ExitCode::input, "'" + o.root.string() + "': not a folder");
  impl_->root = fs::canonical(o.root, ec);
  if (ec) throw Error(ExitCode::input, "'" + o.root.string() + "': " + ec.message());
  if (o.daily_at && !parse_daily_time(*o.daily_at))
    throw Error(ExitCode::usage, "'" + *o.daily_at + "': daily time must be HH:MM (00:00-23:59)");
  if (o.token.find_first_of("/?#% \\") != std::string::npos ||
      std::any_of(o.token.begin(), o.token.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
    throw Error(ExitCode::usage,
                "the token may not contain '/', '?', '#', '%', '\\', spaces or control characters");
}

HttpServer::~HttpServer() {
  stop();
  if (impl_->scheduler.joinable()) impl_->scheduler.join();
}

int HttpServer::bind() {
  auto& i = *impl_;
  if (!i.listener) i.listener = std::make_unique<ListenSocket>(i.opt.bind, i.opt.port);
  return i.listener->port();
}

int HttpServer::port() const { return impl_->listener ? impl_->listener->port() : -1; }

void HttpServer::run() {
  auto& i = *impl_;
  auto& o = i.opt;
  int port = bind();
  std::string host = host_for_url(o.bind);
  // Every interface: the addresses people can type (0.0.0.0 opens nothing on a phone).
  const std::vector<std::string> hosts = reachable_hosts(o.bind, interface_addresses());
  if (auto w = open_access_warning(o.bind, o.token, o.root.string()))
    i.log_line("briefcast: warning: " + *w);
  if (o.expected_base_url)
    if (auto w = base_url_warning(*o.expected_base_url, o.bind, port, o.token, hosts))
      i.log_line("briefcast: warning: " + *w);

  DaemonPtr daemon = i.start_daemon();
  if (!daemon)
    throw Error(ExitCode::network, "cannot serve on " + host + ":" + std::to_string(port) +
                                       ": the HTTP server did not start (threads or descriptors "
                                       "exhausted?)");
  i.listener.reset();  // the server holds its own copy
  std::string urls;
  for (const std::string& h : hosts)
    urls += (urls.empty() ? "" : ", ") + std::string("http://") + host_for_url(h) + ":" +
            std::to_string(port) + "/" + (o.token.empty() ? "" : "***/") + o.feed_file;
  i.log_line("briefcast: serving " + o.root.string() + " at " + urls + " (Ctrl-C to stop)");
  if (o.daily_job && o.daily_at)
    i.scheduler = std::thread([&i, m = *parse_daily_time(*o.daily_at)] { i.schedule_loop(m); });

  std::unique_lock<std::mutex> lock(i.mu);
  while (!i.stop_requested && !interrupt_flag().load()) {
    i.cv.wait_for(lock, std::chrono::milliseconds(100));
    i.guard.sweep(Clock::now());
  }
  i.stop_requested = true;
  i.cv.notify_all();
  lock.unlock();
  // Answers in progress may finish within kStopGrace (a short feed or transcript does; a long
  // download is cut: the client resumes it with a Range); waiting connections get nothing more.
  auto give_up = Clock::now() + kStopGrace;
  while (i.guard.busy() > 0 && Clock::now() < give_up)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  daemon.reset();
  if (i.scheduler.joinable()) i.scheduler.join();
}

void HttpServer::stop() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->stop_requested = true;
  impl_->cv.notify_all();
}

ServeStats HttpServer::stats() const {
  ConnectionCounts c = impl_->guard.counts();
  return ServeStats{impl_->requests.load(), c.max_open, c.timed_out, c.evicted,
                    impl_->opt.worker_threads};
}

}  // namespace briefcast
