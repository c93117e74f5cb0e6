#include "http_server.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#include <httplib.h>
#pragma GCC diagnostic pop

#include "atomic_output.hpp"
#include "error.hpp"
#include "http_files.hpp"

namespace briefcast {

namespace fs = std::filesystem;

namespace {

// Feeds larger than this are sent uncompressed rather than held in memory to gzip them.
constexpr std::uint64_t kMaxGzipFeedBytes = 16u << 20;
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

// Owns a file descriptor; shared by the content provider of one response.
struct OpenFile {
  int fd = -1;
  explicit OpenFile(int f) : fd(f) {}
  ~OpenFile() {
    if (fd >= 0) ::close(fd);
  }
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
};

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

bool is_under(const fs::path& p, const fs::path& root) {
  const std::string& r = root.native();
  const std::string& s = p.native();
  if (r == "/") return true;
  return s == r || (s.size() > r.size() && s.compare(0, r.size(), r) == 0 && s[r.size()] == '/');
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

bool is_wildcard(const std::string& host) { return host.empty() || host == "0.0.0.0" || host == "::"; }

std::string host_for_url(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string mask(std::string s, const std::string& token) {
  if (token.empty()) return s;
  for (auto at = s.find(token); at != std::string::npos; at = s.find(token, at + 3))
    s.replace(at, token.size(), "***");
  return s;
}

// Why binding failed, found by trying the same bind ourselves (cpp-httplib only says "no").
std::string bind_failure_reason(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* res = nullptr;
  std::string service = std::to_string(port);
  if (int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &res); rc != 0)
    return gai_strerror(rc);
  int err = 0;
  for (addrinfo* ai = res; ai; ai = ai->ai_next) {
    int s = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
    if (s < 0) {
      err = errno;
      continue;
    }
    int yes = 1;
    ::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    bool ok = ::bind(s, ai->ai_addr, ai->ai_addrlen) == 0 && ::listen(s, 1) == 0;
    if (!ok) err = errno;
    ::close(s);
    if (ok) {
      err = 0;
      break;
    }
  }
  ::freeaddrinfo(res);
  if (err == EADDRINUSE) return "address in use";
  if (err == EADDRNOTAVAIL) return "address not available on this machine";
  if (err == EACCES) return "permission denied (ports below 1024 need privileges)";
  if (err == 0) return "cannot bind";
  return lower(std::strerror(err));
}

// Reads [0, size) of an open file into memory.
bool read_all(int fd, std::uint64_t size, std::string& out) {
  out.resize(static_cast<std::size_t>(size));
  std::size_t done = 0;
  while (done < out.size()) {
    ssize_t n = ::pread(fd, out.data() + done, out.size() - done, static_cast<off_t>(done));
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
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

std::optional<int> parse_daily_time(const std::string& s) {
  int h = 0, m = 0;
  std::size_t colon = s.find(':');
  if (colon == std::string::npos || colon < 1 || colon > 2 || s.size() != colon + 3) return {};
  for (std::size_t i = 0; i < s.size(); ++i)
    if (i != colon && !std::isdigit(static_cast<unsigned char>(s[i]))) return {};
  h = std::stoi(s.substr(0, colon));
  m = std::stoi(s.substr(colon + 1));
  if (h > 23 || m > 59) return {};
  return h * 60 + m;
}

std::time_t next_daily_run(std::time_t now, int minute_of_day) {
  for (int day = 0; day < 3; ++day) {
    std::tm tm{};
    localtime_r(&now, &tm);
    tm.tm_mday += day;
    tm.tm_hour = minute_of_day / 60;
    tm.tm_min = minute_of_day % 60;
    tm.tm_sec = 0;
    tm.tm_isdst = -1;  // let mktime decide: the target day may be on the other side of DST
    std::time_t t = std::mktime(&tm);
    if (t > now) return t;
  }
  return now + 24 * 3600;
}

std::optional<std::string> base_url_warning(const std::string& base_url, const std::string& bind,
                                            int port, const std::string& token) {
  std::string listen = "http://" + host_for_url(is_wildcard(bind) ? "<this host>" : bind) + ":" +
                       std::to_string(port) + "/";
  std::string suggestion = listen + (token.empty() ? "" : "<token>/");
  std::string message = "feed base URL " + mask(base_url, token) + " does not point at " +
                        listen + (token.empty() ? "" : "***/") +
                        " where serve listens; subscribers will not reach the enclosures (use "
                        "--base-url " + suggestion + ")";
  std::string url = base_url;
  auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos || lower(url.substr(0, scheme_end)) != "http")
    return message;
  std::string rest = url.substr(scheme_end + 3);
  std::size_t path_at = rest.find('/');
  std::string authority = rest.substr(0, path_at);
  std::string path = path_at == std::string::npos ? "/" : rest.substr(path_at);
  std::string host = authority;
  int url_port = 80;
  std::size_t port_colon = std::string::npos;
  if (!authority.empty() && authority[0] == '[') {
    auto close = authority.find(']');
    if (close == std::string::npos) return message;
    host = authority.substr(1, close - 1);
    if (close + 1 < authority.size() && authority[close + 1] == ':') port_colon = close + 1;
  } else {
    port_colon = authority.rfind(':');
    if (port_colon != std::string::npos) host = authority.substr(0, port_colon);
  }
  if (port_colon != std::string::npos) {
    std::string p = authority.substr(port_colon + 1);
    if (p.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos)
      return message;
    url_port = std::stoi(p);
  }
  host = lower(host);
  bool host_ok = is_wildcard(bind) || host == lower(bind) ||
                 (is_loopback(host) && is_loopback(lower(bind)));
  bool path_ok = token.empty() || path.rfind("/" + token + "/", 0) == 0 || path == "/" + token;
  if (host_ok && url_port == port && path_ok) return std::nullopt;
  return message;
}

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
  std::optional<std::string> gzip_feed(const std::string& rel, const std::string& etag, int fd,
                                       std::uint64_t size);
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
  svr.set_error_handler(httplib::Server::HandlerWithResponse([files](const httplib::Request& req,
                                                                      httplib::Response& res) {
    if (t_trace.active || res.status != 416 || (req.method != "GET" && req.method != "HEAD"))
      return httplib::Server::HandlerResponse::Unhandled;
    t_trace = RequestTrace{};
    t_trace.active = true;
    t_trace.start = std::chrono::steady_clock::now();
    res = httplib::Response{};
    files(req, res);
    return httplib::Server::HandlerResponse::Handled;
  }));
  svr.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    access_log(req, res);
  });
}

std::optional<std::string> HttpServer::Impl::gzip_feed(const std::string& rel,
                                                       const std::string& etag, int fd,
                                                       std::uint64_t size) {
  {
    std::lock_guard<std::mutex> lock(gz_mu);
    auto it = gz_cache.find(rel);
    if (it != gz_cache.end() && it->second.first == etag) return it->second.second;
  }
  std::string plain, gz;
  if (!read_all(fd, size, plain) || !gzip(plain, gz)) return std::nullopt;
  std::lock_guard<std::mutex> lock(gz_mu);
  if (gz_cache.size() > 16) gz_cache.clear();
  gz_cache[rel] = {etag, gz};
  return gz;
}

void HttpServer::Impl::handle_file(const httplib::Request& req, httplib::Response& res) {
  // Ranges, conditions and compression are decided here. cpp-httplib would otherwise apply
  // req.ranges again to our response (without bounds checks, and as multipart for several), so
  // they are cleared; the Request object is the library's own non-const one.
  const_cast<httplib::Request&>(req).ranges.clear();

  auto not_found = [&res] {
    res.status = 404;
    res.set_header("Content-Type", "text/plain; charset=utf-8");
  };
  std::string raw = req.target.substr(0, req.target.find('?'));
  auto rel = safe_relative_path(raw, opt.token);
  if (!rel) return not_found();
  auto type = file_type_for(fs::path(*rel).filename().string());
  if (!type) return not_found();
  fs::path full = root / *rel;
  std::error_code ec;
  fs::path canon = fs::weakly_canonical(full, ec);
  if (ec || !is_under(canon, root)) return not_found();

  // O_NONBLOCK: opening a FIFO must not hang the worker (regular files ignore the flag).
  int fd = ::open(full.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return not_found();
  auto file = std::make_shared<OpenFile>(fd);
  struct stat sb {};
  if (::fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) return not_found();
  // What was opened, not what the name points at now: a symlink swapped in after the check
  // above still cannot lead out of the root.
  fs::path real = fs::read_symlink("/proc/self/fd/" + std::to_string(fd), ec);
  if (ec || !is_under(real, root)) return not_found();

  auto size = static_cast<std::uint64_t>(sb.st_size);
  std::time_t mtime = sb.st_mtim.tv_sec;
  std::int64_t mtime_ns =
      static_cast<std::int64_t>(sb.st_mtim.tv_sec) * 1000000000 + sb.st_mtim.tv_nsec;
  std::string identity_etag = make_etag(static_cast<std::uint64_t>(sb.st_ino), size, mtime_ns);

  bool use_gzip = type->is_feed && size <= kMaxGzipFeedBytes && !req.has_header("Range") &&
                  accepts_gzip(req.get_header_value("Accept-Encoding"));
  std::optional<std::string> gz;
  if (use_gzip) {
    gz = gzip_feed(*rel, identity_etag, fd, size);
    use_gzip = gz.has_value();
  }
  // The gzip form is another representation and needs its own strong ETag.
  std::string etag =
      use_gzip ? identity_etag.substr(0, identity_etag.size() - 1) + "-gz\"" : identity_etag;

  res.set_header("ETag", etag);
  res.set_header("Last-Modified", http_date(mtime));
  res.set_header("Accept-Ranges", "bytes");
  if (type->cors) res.set_header("Access-Control-Allow-Origin", "*");
  if (type->is_feed) {
    res.set_header("Vary", "Accept-Encoding");
    res.set_header("Cache-Control", "no-cache");  // apps revalidate; 304 keeps it cheap
  }
  std::uint64_t representation_size = use_gzip ? gz->size() : size;

  if (not_modified(req.get_header_value("If-None-Match"),
                   req.get_header_value("If-Modified-Since"), etag, mtime)) {
    res.status = 304;
    // Equal to what a 200 would carry (RFC 9110 §8.6), not cpp-httplib's default "0".
    res.set_header("Content-Length", std::to_string(representation_size));
    return;
  }
  if (use_gzip) {
    res.status = 200;
    res.set_header("Content-Encoding", "gzip");
    res.set_content(*gz, type->content_type);
    return;
  }

  RangeRequest range;
  if (req.has_header("Range") &&
      if_range_allows(req.get_header_value("If-Range"), identity_etag, mtime))
    range = parse_range(req.get_header_value("Range"), size);
  if (range.kind == RangeRequest::Kind::unsatisfiable) {
    res.status = 416;
    res.set_header("Content-Range", "bytes */" + std::to_string(size));
    return;
  }
  std::uint64_t first = 0, length = size;
  res.status = 200;
  if (range.kind == RangeRequest::Kind::partial) {
    res.status = 206;
    first = range.first;
    length = range.last - range.first + 1;
    res.set_header("Content-Range", content_range(range.first, range.last, size));
  }
  if (length == 0) {  // empty file: cpp-httplib adds Content-Length: 0
    res.set_header("Content-Type", type->content_type);
    return;
  }
  t_trace.streamed = true;
  res.set_content_provider(
      static_cast<std::size_t>(length), type->content_type,
      [file, first](std::size_t offset, std::size_t want, httplib::DataSink& sink) {
        thread_local std::vector<char> buf(kReadChunk);
        std::size_t n = std::min(want, buf.size());
        ssize_t got = ::pread(file->fd, buf.data(), n, static_cast<off_t>(first + offset));
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
  std::string ms = "-";
  if (t_trace.active) {
    auto d = std::chrono::steady_clock::now() - t_trace.start;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f",
                  std::chrono::duration<double, std::milli>(d).count());
    ms = buf;
  }
  std::string target = req.target.empty() ? req.path : req.target;
  std::string path = path_for_log(target.substr(0, target.find('?')), opt.token);
  std::string method = path_for_log(req.method.substr(0, 16), "");
  log_line(method + " " + path + " " + std::to_string(res.status) + " " + std::to_string(bytes) +
           " " + ms + "ms");
  t_trace = RequestTrace{};
}

void HttpServer::Impl::schedule_loop(int minute_of_day) {
  block_signals_in_this_thread();
  char at[32];
  std::snprintf(at, sizeof at, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
  for (;;) {
    std::time_t next = next_daily_run(std::time(nullptr), minute_of_day);
    {
      std::unique_lock<std::mutex> lock(mu);
      // Short waits so a changed clock (suspend, NTP, DST) is noticed within 30 s.
      while (!stop_requested && std::time(nullptr) < next)
        cv.wait_for(lock, std::chrono::seconds(std::clamp<std::time_t>(
                              next - std::time(nullptr), 1, 30)));
      if (stop_requested) return;
    }
    log_line(std::string("briefcast: scheduled job (daily at ") + at + ") starting");
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
  if (!is_loopback(o.bind) && o.token.empty())
    i.log_line("briefcast: warning: listening on " + host +
               " without --token: anyone who can reach this machine can read every file in " +
               o.root.string());
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
    throw Error(ExitCode::network, "stopped accepting connections on " + host + ":" +
                                       std::to_string(i.port));
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
