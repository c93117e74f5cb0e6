#include "serve/http_server.hpp"

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#include <httplib.h>
#pragma GCC diagnostic pop

#include "base/error.hpp"
#include "base/interrupt.hpp"
#include "serve/daily_schedule.hpp"
#include "serve/file_response.hpp"
#include "serve/http_files.hpp"
#include "serve/listen_address.hpp"
#include "serve/published_file.hpp"

namespace briefcast {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kReadChunk = 64 * 1024;

// Per-request bookkeeping for the access log. cpp-httplib runs routing, the content provider and
// the logger of one request on the same worker thread, one request at a time.
struct RequestTrace {
  bool active = false;    // set when routing started; false for requests rejected while parsing
  bool streamed = false;  // body came from our content provider (count `bytes`)
  std::uint64_t bytes = 0;
  std::chrono::steady_clock::time_point start;
};
thread_local RequestTrace t_trace;

// Signals go to the thread that waits in run(): the listener, the workers (created by the
// listener, so they inherit its mask) and the scheduler block them. SIGPIPE is blocked so a
// client hanging up gives EPIPE instead of killing the process.
void block_signals_in_this_thread() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

bool gzip(const std::string& in, std::string& out) {
  httplib::detail::gzip_compressor z;
  out.clear();
  return z.compress(in.data(), in.size(), true, [&](const char* d, std::size_t n) {
    out.append(d, n);
    return true;
  });
}

}  // namespace

// A fixed pool of worker threads that counts how many are busy (cpp-httplib's ThreadPool does
// the work; its queue of accepted connections is not bounded, its threads are).
class CountingPool : public httplib::TaskQueue {
 public:
  CountingPool(std::size_t threads, std::atomic<std::size_t>& busy,
               std::atomic<std::size_t>& max_busy)
      : pool_(threads), busy_(busy), max_busy_(max_busy) {}
  void enqueue(std::function<void()> fn) override {
    pool_.enqueue([this, fn = std::move(fn)] {
      std::size_t now = ++busy_;
      std::size_t seen = max_busy_.load();
      while (now > seen && !max_busy_.compare_exchange_weak(seen, now)) {
      }
      fn();
      --busy_;
    });
  }
  void shutdown() override { pool_.shutdown(); }

 private:
  httplib::ThreadPool pool_;
  std::atomic<std::size_t>& busy_;
  std::atomic<std::size_t>& max_busy_;
};

struct HttpServer::Impl {
  ServeOptions opt;
  std::ostream& log;
  fs::path root;  // canonical
  httplib::Server svr;
  int port = -1;
  bool bound = false;

  std::mutex log_mu;
  std::mutex mu;
  std::condition_variable cv;
  bool stop_requested = false;
  bool stop_requested_by_caller = false;
  bool listener_done = false;
  std::thread listener, scheduler;

  std::atomic<std::size_t> requests{0}, busy{0}, max_busy{0};

  // The gzip form of the feed, kept while its ETag does not change.
  std::mutex gz_mu;
  std::map<std::string, std::pair<std::string, std::string>> gz_cache;  // path -> (etag, gz)

  Impl(ServeOptions o, std::ostream& l) : opt(std::move(o)), log(l) {}

  void log_line(const std::string& line) {
    std::lock_guard<std::mutex> lock(log_mu);
    log << line << '\n';
    log.flush();
  }

  void setup();
  void handle_file(const httplib::Request& req, httplib::Response& res);
  void access_log(const httplib::Request& req, const httplib::Response& res);
  void schedule_loop(int minute_of_day);
  std::optional<std::string> gzip_feed(const PublishedFile& file);
};

void HttpServer::Impl::setup() {
  svr.new_task_queue = [this] { return new CountingPool(opt.worker_threads, busy, max_busy); };
  // SO_REUSEADDR only: cpp-httplib's default SO_REUSEPORT would let a second server share the
  // port silently instead of reporting it in use.
  svr.set_socket_options([](int sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  svr.set_keep_alive_max_count(std::max<std::size_t>(1, opt.keep_alive_max_requests));
  svr.set_keep_alive_timeout(opt.keep_alive_timeout_s);
  svr.set_read_timeout(opt.read_timeout_s, 0);
  svr.set_write_timeout(opt.write_timeout_s, 0);
  svr.set_payload_max_length(opt.max_body_bytes);

  svr.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    t_trace = RequestTrace{};
    t_trace.active = true;
    t_trace.start = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  auto files = [this](const httplib::Request& req, httplib::Response& res) {
    try {
      handle_file(req, res);
    } catch (const std::exception& e) {
      res = httplib::Response{};
      res.status = 500;
      log_line(std::string("briefcast: error serving a request: ") + e.what());
    }
  };
  // GET and HEAD (cpp-httplib routes HEAD to the GET handlers and sends no body).
  svr.Get(".*", files);
  auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
    res.status = 405;
    res.set_header("Allow", "GET, HEAD, OPTIONS");
  };
  svr.Post(".*", not_allowed);
  svr.Put(".*", not_allowed);
  svr.Patch(".*", not_allowed);
  svr.Delete(".*", not_allowed);
  svr.Options(".*", [](const httplib::Request&, httplib::Response& res) {
    res.status = 204;
    res.set_header("Allow", "GET, HEAD, OPTIONS");
    res.set_header("Access-Control-Allow-Origin", "*");
    res.set_header("Access-Control-Allow-Methods", "GET, HEAD");
    res.set_header("Access-Control-Allow-Headers", "Range, If-None-Match, If-Modified-Since");
  });
  // cpp-httplib answers a Range header it cannot parse with a bare 416 before routing; RFC 9110
  // says to ignore such a header, so the file is served by our handler instead.
  svr.set_error_handler(httplib::Server::HandlerWithResponse(
      [files](const httplib::Request& req, httplib::Response& res) {
        if (t_trace.active || res.status != 416 || (req.method != "GET" && req.method != "HEAD"))
          return httplib::Server::HandlerResponse::Unhandled;
        t_trace = RequestTrace{};
        t_trace.active = true;
        t_trace.start = std::chrono::steady_clock::now();
        res = httplib::Response{};
        files(req, res);
        return httplib::Server::HandlerResponse::Handled;
      }));
  svr.set_logger(
      [this](const httplib::Request& req, const httplib::Response& res) { access_log(req, res); });
}

std::optional<std::string> HttpServer::Impl::gzip_feed(const PublishedFile& file) {
  const std::string& rel = file.relative_path();
  const std::string& etag = file.facts().etag;
  {
    std::lock_guard<std::mutex> lock(gz_mu);
    auto it = gz_cache.find(rel);
    if (it != gz_cache.end() && it->second.first == etag) return it->second.second;
  }
  std::optional<std::string> plain = file.read_all();
  std::string gz;
  if (!plain || !gzip(*plain, gz)) return std::nullopt;
  std::lock_guard<std::mutex> lock(gz_mu);
  if (gz_cache.size() > 16) gz_cache.clear();
  gz_cache[rel] = {etag, gz};
  return gz;
}

void HttpServer::Impl::handle_file(const httplib::Request& req, httplib::Response& res) {
  // Ranges, conditions and compression are decided by plan_file_response. cpp-httplib would
  // otherwise apply req.ranges again to our response (without bounds checks, and as multipart
  // for several), so they are cleared; the Request object is the library's own non-const one.
  const_cast<httplib::Request&>(req).ranges.clear();

  auto file = open_published_file(root, req.target.substr(0, req.target.find('?')), opt.token);
  if (!file) {
    res.status = 404;
    res.set_header("Content-Type", "text/plain; charset=utf-8");
    return;
  }
  FileRequest request;
  if (req.has_header("Range")) request.range = req.get_header_value("Range");
  request.if_range = req.get_header_value("If-Range");
  request.if_none_match = req.get_header_value("If-None-Match");
  request.if_modified_since = req.get_header_value("If-Modified-Since");
  request.accept_encoding = req.get_header_value("Accept-Encoding");

  std::optional<std::string> gz;
  if (wants_gzip(file->facts(), request)) gz = gzip_feed(*file);
  FileResponse plan = plan_file_response(
      file->facts(), request, gz ? std::optional<std::uint64_t>(gz->size()) : std::nullopt);

  res.status = plan.status;
  for (const auto& [name, value] : plan.headers) res.set_header(name, value);
  if (plan.body == FileResponse::Body::gzip) res.set_content(*gz, plan.content_type);
  if (plan.body != FileResponse::Body::file) return;
  t_trace.streamed = true;
  res.set_content_provider(
      static_cast<std::size_t>(plan.length), plan.content_type,
      [file, first = plan.first](std::size_t offset, std::size_t want, httplib::DataSink& sink) {
        thread_local std::vector<char> buf(kReadChunk);
        std::size_t n = std::min(want, buf.size());
        ssize_t got = file->read_at(first + offset, buf.data(), n);
        // Short file (truncated in place, which build never does): abort the connection rather
        // than send fewer bytes than Content-Length promised.
        if (got <= 0) return false;
        if (!sink.write(buf.data(), static_cast<std::size_t>(got))) return false;
        t_trace.bytes += static_cast<std::uint64_t>(got);
        return true;
      });
}

void HttpServer::Impl::access_log(const httplib::Request& req, const httplib::Response& res) {
  ++requests;
  std::uint64_t bytes = 0;
  if (req.method != "HEAD")
    bytes = t_trace.active && t_trace.streamed ? t_trace.bytes : res.body.size();
  std::optional<double> ms;
  if (t_trace.active)
    ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_trace.start)
             .count();
  log_line(access_log_line(req.method, req.target.empty() ? req.path : req.target, opt.token,
                           res.status, bytes, ms));
  t_trace = RequestTrace{};
}

void HttpServer::Impl::schedule_loop(int minute_of_day) {
  block_signals_in_this_thread();
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
  if (o.token.find_first_of("/?#% \\") != std::string::npos)
    throw Error(ExitCode::usage, "the token may not contain '/', '?', '#', '%', '\\' or spaces");
  if (o.worker_threads == 0) o.worker_threads = 1;
  impl_->setup();
}

HttpServer::~HttpServer() {
  stop();
  auto& i = *impl_;
  if (i.listener.joinable()) {
    i.svr.stop();
    i.listener.join();
  }
  if (i.scheduler.joinable()) i.scheduler.join();
}

int HttpServer::bind() {
  auto& i = *impl_;
  if (i.bound) return i.port;
  auto& o = i.opt;
  int port = o.port == 0 ? i.svr.bind_to_any_port(o.bind)
                         : (i.svr.bind_to_port(o.bind, o.port) ? o.port : -1);
  if (port < 0)
    throw Error(ExitCode::network, "cannot listen on " + host_for_url(o.bind) + ":" +
                                       std::to_string(o.port) + ": " +
                                       bind_failure_reason(o.bind, o.port));
  i.port = port;
  i.bound = true;
  return port;
}

int HttpServer::port() const { return impl_->port; }

void HttpServer::run() {
  auto& i = *impl_;
  auto& o = i.opt;
  bind();
  std::string host = host_for_url(o.bind);
  std::string base = "http://" + host + ":" + std::to_string(i.port) + "/";
  if (auto w = open_access_warning(o.bind, o.token, o.root.string()))
    i.log_line("briefcast: warning: " + *w);
  if (o.expected_base_url)
    if (auto w = base_url_warning(*o.expected_base_url, o.bind, i.port, o.token))
      i.log_line("briefcast: warning: " + *w);
  i.log_line("briefcast: serving " + o.root.string() + " at " + base +
             (o.token.empty() ? "" : o.token + "/") + o.feed_file + " (Ctrl-C to stop)");

  i.listener = std::thread([&i] {
    block_signals_in_this_thread();
    i.svr.listen_after_bind();
    std::lock_guard<std::mutex> lock(i.mu);
    i.listener_done = true;
    i.cv.notify_all();
  });
  if (o.daily_job && o.daily_at)
    i.scheduler = std::thread([&i, m = *parse_daily_time(*o.daily_at)] { i.schedule_loop(m); });

  std::unique_lock<std::mutex> lock(i.mu);
  while (!i.stop_requested && !i.listener_done && !interrupt_flag().load())
    i.cv.wait_for(lock, std::chrono::milliseconds(100));
  i.stop_requested_by_caller = i.stop_requested;
  i.stop_requested = true;
  i.cv.notify_all();
  // svr.stop() is a no-op until the listener thread has entered its accept loop: repeat it.
  while (!i.listener_done) {
    i.svr.stop();
    i.cv.wait_for(lock, std::chrono::milliseconds(50));
  }
  bool asked = i.stop_requested_by_caller || interrupt_flag().load();
  lock.unlock();
  i.listener.join();
  if (i.scheduler.joinable()) i.scheduler.join();
  if (!asked)
    throw Error(ExitCode::network,
                "stopped accepting connections on " + host + ":" + std::to_string(i.port));
}

void HttpServer::stop() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->stop_requested = true;
  impl_->cv.notify_all();
}

ServeStats HttpServer::stats() const {
  return ServeStats{impl_->requests.load(), impl_->max_busy.load(), impl_->opt.worker_threads};
}

}  // namespace briefcast
