// `briefcast serve` stays up for honest clients whatever others do: the real binary on loopback,
// 100 connections that send nothing, 16 that drip one header line every 2 s, and a connection
// flooding header lines, all reconnecting as soon as the server drops them, for 60 s; meanwhile
// a normal client fetches feed.xml every 0.5 s and must get the whole file within 1 s each time.
// Then the server's peak memory must be under 64 MiB, and every flood must have got 431.
// A robustness bound (what a podcast app's timeout would notice), not a speed benchmark.
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <map>
#include <thread>
#include <vector>

#include "support/raw_http.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
using test::TempDir;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// VmHWM (peak resident memory) of a process, KiB; -1 when unknown.
long peak_rss_kib(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  long value = -1;
  while (in >> key) {
    if (key == "VmHWM:") {
      in >> value;
      break;
    }
    in.ignore(1 << 12, '\n');
  }
  return value;
}

// Connections that hold a place and never finish a request: `drip` ones send a request line and
// then one header line every 2 s, the others nothing. Whenever the server drops one, it is
// opened again at once; `reopened` counts that.
class Squatters {
 public:
  Squatters(int port, int count, bool drip) : port_(port), drip_(drip) {
    fds_.assign(static_cast<std::size_t>(count), -1);
    thread_ = std::thread([this] { run(); });
  }
  ~Squatters() {
    stop_ = true;
    thread_.join();
    for (int fd : fds_)
      if (fd >= 0) ::close(fd);
  }
  int reopened() const { return reopened_; }

 private:
  void open(std::size_t i) {
    if (fds_[i] >= 0) ::close(fds_[i]);
    fds_[i] = test::connect_loopback(port_, 2);
    if (fds_[i] >= 0 && drip_) {
      std::string line = "GET /feed.xml HTTP/1.1\r\nHost: x\r\n";
      ::send(fds_[i], line.data(), line.size(), MSG_NOSIGNAL);
    }
  }
  void run() {
    for (std::size_t i = 0; i < fds_.size(); ++i) open(i);
    auto next_drip = Clock::now() + std::chrono::seconds(2);
    int line = 0;
    while (!stop_) {
      std::vector<pollfd> p;
      for (int fd : fds_) p.push_back({fd, POLLIN, 0});
      ::poll(p.data(), p.size(), 100);
      for (std::size_t i = 0; i < fds_.size() && !stop_; ++i) {
        char buf[4096];
        bool dropped = fds_[i] < 0;
        if (!dropped && (p[i].revents & (POLLIN | POLLHUP | POLLERR)))
          dropped = ::recv(fds_[i], buf, sizeof buf, MSG_DONTWAIT) <= 0;
        if (dropped) {
          open(i);
          ++reopened_;
        }
      }
      if (drip_ && Clock::now() >= next_drip) {
        std::string h = "X-Drip-" + std::to_string(line++) + ": y\r\n";
        for (std::size_t i = 0; i < fds_.size(); ++i)
          if (fds_[i] >= 0 && ::send(fds_[i], h.data(), h.size(), MSG_NOSIGNAL) <= 0) {
            open(i);
            ++reopened_;
          }
        next_drip += std::chrono::seconds(2);
      }
    }
  }

  int port_;
  bool drip_;
  std::vector<int> fds_;
  std::atomic<bool> stop_{false};
  std::atomic<int> reopened_{0};
  std::thread thread_;
};

// One header flood after another (each up to 3,000,000 lines), recording the answers.
class Flooder {
 public:
  explicit Flooder(int port) : port_(port) {
    thread_ = std::thread([this] {
      while (!stop_) {
        auto r = test::header_flood(port_, 3000000);
        {
          std::lock_guard<std::mutex> lock(mu_);
          ++answers_[r.status];
        }
        for (int i = 0; i < 10 && !stop_; ++i)
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    });
  }
  ~Flooder() {
    stop_ = true;
    thread_.join();
  }
  std::map<int, int> answers() {
    std::lock_guard<std::mutex> lock(mu_);
    return answers_;
  }

 private:
  int port_;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::map<int, int> answers_;  // status -> count (0: no answer)
  std::thread thread_;
};

}  // namespace

TEST_CASE("serve: stays up for an honest client among idle, dripping and flooding connections",
          "[serve][hostile]") {
  TempDir d;
  fs::create_directories(d / "out" / "episodes");
  std::string feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>";
  for (int i = 0; i < 200; ++i)
    feed += "<item><title>Story " + std::to_string(i) + "</title><enclosure url=\"http://x/" +
            std::to_string(i) + ".mp3\" length=\"1000\" type=\"audio/mpeg\"/></item>\n";
  feed += "</channel></rss>\n";
  test::write_file(d / "out" / "feed.xml", feed);
  int port = test::free_port();
  test::ChildProcess server(
      {BRIEFCAST_BINARY, "serve", (d / "out").string(), "--port", std::to_string(port)},
      d / "serve.log");
  REQUIRE(test::wait_for_text(d / "serve.log", "(Ctrl-C to stop)", 10));

  std::vector<double> latencies_ms;
  int wrong = 0;
  std::map<int, int> floods;
  int idle_reopened = 0, drip_reopened = 0;
  {
    Squatters idle(port, 100, false);
    Squatters drip(port, 16, true);
    Flooder flood(port);
    std::this_thread::sleep_for(std::chrono::seconds(1));  // all in place before the first fetch
    auto end = Clock::now() + std::chrono::seconds(60);
    while (Clock::now() < end) {
      auto t0 = Clock::now();
      // A fresh connection each time, as an app polling the feed would open.
      auto r = test::raw_get(port, "/feed.xml");
      latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      if (r.status != 200 || r.body != feed) ++wrong;
      std::this_thread::sleep_until(t0 + std::chrono::milliseconds(500));
    }
    floods = flood.answers();
    idle_reopened = idle.reopened();
    drip_reopened = drip.reopened();
  }
  long peak_kib = peak_rss_kib(server.pid());
  CHECK(server.stop(SIGTERM, 15) == 130);

  double worst = *std::max_element(latencies_ms.begin(), latencies_ms.end());
  std::string flood_text;
  for (auto [status, n] : floods)
    flood_text += std::to_string(n) + "x" + std::to_string(status) + " ";
  WARN("honest client: " << latencies_ms.size() << " fetches of feed.xml (" << feed.size()
                         << " bytes), worst " << worst << " ms, " << wrong
                         << " wrong; server peak RSS " << static_cast<double>(peak_kib) / 1024
                         << " MiB; header floods answered " << flood_text
                         << "; squatters reopened after the server dropped them: idle "
                         << idle_reopened << ", dripping " << drip_reopened);
  CHECK(latencies_ms.size() >= 100);
  CHECK(wrong == 0);
  CHECK(worst < 1000);
  // Every flood was refused with 431, none got anything else.
  CHECK(floods.size() == 1);
  CHECK(floods.count(431) == 1);
  CHECK(floods[431] >= 10);
  // The request deadline dropped the idle and dripping connections (and they came back).
  CHECK(idle_reopened >= 100);
  CHECK(drip_reopened >= 16);
  CHECK(peak_kib > 0);
#ifndef __SANITIZE_ADDRESS__  // ASan's shadow memory and quarantine add hundreds of MiB
  CHECK(peak_kib < 64 * 1024);
#endif
}

TEST_CASE("serve: SIGINT or SIGTERM stops it within a second with downloads in progress",
          "[serve]") {
  // Clients in the middle of a long download and idle connections do not hold the server up:
  // answers in progress get a short grace and are then cut; it ends by itself (exit 130, the
  // "stopped" line), not by the watchdog that ends any command still running 0.7 s after a
  // signal ("interrupted; nothing was written").
  TempDir d;
  fs::create_directories(d / "out/episodes");
  test::write_file(d / "out/feed.xml", "<rss/>");
  const std::uintmax_t big = 256u << 20;
  { std::ofstream(d / "out/episodes/big.mp3"); }
  fs::resize_file(d / "out/episodes/big.mp3", big);  // sparse: no disk used
  for (int signal : {SIGINT, SIGTERM}) {
    int port = test::free_port();
    const fs::path log = d / ("serve-" + std::to_string(signal) + ".log");
    test::ChildProcess server(
        {BRIEFCAST_BINARY, "serve", (d / "out").string(), "--port", std::to_string(port)}, log);
    REQUIRE(test::wait_for_text(log, "(Ctrl-C to stop)", 10));
    std::vector<int> downloads, idle;
    for (int i = 0; i < 3; ++i) {
      int fd = test::connect_loopback(port, 5, 4096);
      REQUIRE(fd >= 0);
      const std::string request = "GET /episodes/big.mp3 HTTP/1.1\r\nHost: x\r\n\r\n";
      REQUIRE(::send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
              static_cast<ssize_t>(request.size()));
      char buf[1024];
      REQUIRE(::recv(fd, buf, sizeof buf, 0) > 0);  // the answer has started; then no reading
      downloads.push_back(fd);
    }
    for (int i = 0; i < 2; ++i) idle.push_back(test::connect_loopback(port, 5));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));

    const auto t0 = Clock::now();
    const int code = server.stop(signal, 5);
    const double took = std::chrono::duration<double>(Clock::now() - t0).count();
    WARN("signal " << signal << ": stopped in " << took << " s with 3 downloads in progress");
    CHECK(code == 130);
    CHECK(took < 1.0);
    const std::string text = test::read_file(log);
    INFO(text);
    CHECK(text.find("briefcast: stopped\n") != std::string::npos);
    CHECK(text.find("interrupted; nothing was written") == std::string::npos);
    // The downloads were cut, not finished: each connection ends before the whole file came.
    for (int fd : downloads) {
      std::uintmax_t got = 0;
      char buf[65536];
      for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;)
        got += static_cast<std::uintmax_t>(n);
      CHECK(got < big);
      ::close(fd);
    }
    for (int fd : idle)
      if (fd >= 0) ::close(fd);
  }
}
