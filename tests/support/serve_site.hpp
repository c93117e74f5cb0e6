#pragma once
// An in-process `briefcast serve` on a kernel-chosen loopback port, the published folder it
// serves (with the files that must never be served beside the ones that must), and curl as the
// client: the fixtures of the http_server tests.

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <ostream>
#include <streambuf>
#include <string>
#include <thread>

#include "serve/http_server.hpp"
#include "support/raw_http.hpp"
#include "support/test_support.hpp"

namespace briefcast::test {

// `n` bytes from a fixed seed: file contents that differ byte by byte.
std::string random_bytes(std::size_t n, unsigned seed);

// The log stream the server writes to, safe to read while the server runs.
class SharedLog : public std::streambuf {
 public:
  std::string text() {
    std::lock_guard<std::mutex> lock(mu_);
    return text_;
  }

 protected:
  int overflow(int c) override {
    if (c != EOF) {
      std::lock_guard<std::mutex> lock(mu_);
      text_ += static_cast<char>(c);
    }
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::lock_guard<std::mutex> lock(mu_);
    text_.append(s, static_cast<std::size_t>(n));
    return n;
  }

 private:
  std::mutex mu_;
  std::string text_;
};

// A server on a kernel-chosen port, running on its own thread until destruction.
class TestServer {
 public:
  explicit TestServer(ServeOptions o) : out_(&log_) {
    o.port = 0;
    token_ = o.token;
    server_ = std::make_unique<HttpServer>(std::move(o), out_);
    port_ = server_->bind();
    thread_ = std::thread([this] {
      try {
        server_->run();
      } catch (...) {
        failed_ = true;
      }
    });
    // Warnings and the startup line are printed by run(): wait for them (bounded).
    for (int i = 0; i < 250 && log_.text().find("(Ctrl-C to stop)") == std::string::npos; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ~TestServer() {
    server_->stop();
    thread_.join();
  }
  int port() const { return port_; }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  std::string log() { return log_.text(); }
  ServeStats stats() const { return server_->stats(); }
  bool failed() const { return failed_; }

 private:
  SharedLog log_;
  std::ostream out_;
  std::string token_;
  std::unique_ptr<HttpServer> server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> failed_{false};
};

// A published folder: feed, audio, transcripts, chapters, show notes, images, plus files that
// must never be served (temp name, dotfile, a secret next to the root, a symlink out).
struct Site {
  TempDir tmp;
  std::filesystem::path root = tmp / "out";
  std::string feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>" +
                     std::string(4000, ' ') + "<title>t</title></channel></rss>\n";
  std::string mp3 = random_bytes(100000, 1);
  Site();

  ServeOptions options() const {
    ServeOptions o;
    o.root = root;
    return o;
  }
};

// Runs curl with `args` (already shell-safe) against `url`: status, headers and body.
HttpResult curl(const std::string& args, const std::string& url);

}  // namespace briefcast::test
