// `briefcast serve`'s decision for one request head (request_answer.hpp) on any bytes: method,
// request-target, Range, If-Range, If-None-Match, If-Modified-Since, Accept-Encoding and the
// rest, over a small published tree made once in a temporary folder. It holds the feed, an
// episode and its transcript, a dot folder with the state, a dotfile, a temporary file as build
// leaves them, a symlink into the dot folder and one out of the root. The input is the head as
// lines: the method, the target, then "Name: value" header lines; the first byte picks the token
// ("" or a fixed one) and the limits.
//
// What must never break, whatever the head:
//   - answer() throws nothing (but std::bad_alloc) and its status is one it documents;
//   - a file body is one of the published files, byte for byte as stored (never the state,
//     a dotfile, a temporary file, or what a symlink leads to outside the root or into a dot
//     folder); only the feed is compressed;
//   - a 206 is one range inside the file, with a Content-Range that says so; a 200 is the whole
//     file; 304, 404, 416 and 204 carry no body; Content-Length is the body's length;
//   - the access-log line has no control bytes (no forged lines) and never shows the token.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "fuzz/fuzz_input.hpp"
#include "serve/access_log.hpp"
#include "serve/http_files.hpp"
#include "serve/request_answer.hpp"

namespace {

namespace fs = std::filesystem;
using namespace briefcast;

constexpr const char* kToken = "Zq8pLm3Tx";

[[noreturn]] void broken(const char* what) {
  std::fprintf(stderr, "fuzz_serve_request: invariant broken: %s\n", what);
  std::abort();
}
#define EXPECT(cond) \
  if (!(cond)) broken(#cond)

void write(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

// The published tree: relative path -> bytes of the files that may be served.
struct Tree {
  fs::path top;   // temporary folder holding root/ and outside/
  fs::path root;  // canonical
  std::map<std::string, std::string> published;
};

const Tree& tree() {
  static const Tree t = [] {
    Tree t;
    char pattern[] = "/tmp/fuzz-serve-XXXXXX";
    if (!::mkdtemp(pattern)) broken("mkdtemp");
    t.top = pattern;
    fs::path root = t.top / "root";
    std::string mp3(3000, '\0');
    for (std::size_t i = 0; i < mp3.size(); ++i) mp3[i] = static_cast<char>(i * 7 + 1);
    t.published = {
        {"feed.xml",
         "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Fuzz</title>"
         "<description>d</description><link>https://example.com/</link>"
         "</channel></rss>\n"},
        {"index.html", "<!doctype html><title>Fuzz</title>\n"},
        {"episodes/2026-01-01.mp3", mp3},
        {"episodes/2026-01-01.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHello.\n"},
        {"episodes/empty.srt", ""},
    };
    for (auto& [rel, bytes] : t.published) write(root / rel, bytes);
    // Never served: the state, a dotfile, build's temporary file, and symlinks with innocent
    // names into the dot folder and out of the root.
    write(root / ".briefcast/state.json", "{\"secret\": \"state\"}\n");
    write(root / ".briefcast/cache/part.mp3", mp3);
    write(root / ".hidden.mp3", mp3);
    write(root / "episodes/.2026-01-02.mp3.tmp-ABCDEF", mp3);
    write(t.top / "outside/secret.mp3", mp3);
    write(t.top / "outside/secret.json", "{}\n");
    fs::create_symlink("../.briefcast/state.json", root / "episodes/x.json");
    fs::create_symlink("../.briefcast/cache/part.mp3", root / "episodes/cached.mp3");
    fs::create_symlink(t.top / "outside/secret.mp3", root / "episodes/out.mp3");
    fs::create_symlink("../../outside/secret.json", root / "episodes/out.json");
    fs::create_symlink("../.briefcast", root / "episodes/state");
    ::mkfifo((root / "episodes/pipe.mp3").c_str(), 0644);
    t.root = fs::canonical(root);
    // Removed when the fuzzer exits normally (a crash leaves it in /tmp, which is fine).
    static fs::path to_remove = t.top;
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(to_remove, ec);
    });
    return t;
  }();
  return t;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::optional<std::string> header_of(const Answer& a, const char* name) {
  for (auto& [n, v] : a.headers)
    if (lower(n) == lower(name)) return v;
  return std::nullopt;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const Tree& t = tree();
  const std::uint8_t flags = data[0];
  const std::string token = flags & 1 ? kToken : "";
  HeadLimits limits;
  if (flags & 2) limits = {4, 256};
  const std::string input = fuzz::text_of(data + 1, size - 1);

  // The head: method, target, then header lines.
  std::vector<std::string> lines;
  for (std::size_t at = 0; at <= input.size();) {
    std::size_t end = input.find('\n', at);
    if (end == std::string::npos) end = input.size();
    lines.push_back(input.substr(at, end - at));
    at = end + 1;
  }
  RequestHead head;
  head.method = lines.size() > 0 ? lines[0] : "";
  head.target = lines.size() > 1 ? lines[1] : "";
  std::multimap<std::string, std::string> fields;
  for (std::size_t i = 2; i < lines.size(); ++i) {
    const std::size_t colon = lines[i].find(':');
    if (colon == std::string::npos) continue;
    std::string value = lines[i].substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    fields.emplace(lower(lines[i].substr(0, colon)), value);
  }
  head.header_fields = fields.size();
  head.header_bytes = input.size();
  head.header = [&](const char* name) -> std::optional<std::string> {
    auto it = fields.find(lower(name));
    if (it == fields.end()) return std::nullopt;
    return it->second;
  };

  // The access-log line: one line, nothing that forges another, the token hidden.
  for (int status : {200, 404, 0}) {
    AccessLogEntry entry;
    entry.client = "192.0.2.7";
    entry.method = head.method;
    entry.target = head.target;
    entry.version = "HTTP/1.1";
    entry.status = status;
    entry.bytes = 5;
    const std::string line = access_log_line(entry, token);
    for (char c : line) EXPECT(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
    if (!token.empty() && head.method.find(token) == std::string::npos)
      EXPECT(line.find(token) == std::string::npos);
  }

  if (auto refused = refusal(head, limits)) {
    EXPECT(refused->status == 431 || refused->status == 405);
    EXPECT(!refused->body);
    EXPECT(refused->status == 431 ||
           (head.method != "GET" && head.method != "HEAD" && head.method != "OPTIONS"));
    return 0;
  }
  EXPECT(head.header_fields <= limits.max_header_fields);
  EXPECT(head.header_bytes <= limits.max_header_bytes);

  FeedGzipCache gzip;  // fresh: each input decides alone
  const Answer a = answer(head, t.root, token, gzip);
  const int s = a.status;
  EXPECT(s == 200 || s == 204 || s == 206 || s == 304 || s == 404 || s == 416);
  if (s == 204) EXPECT(head.method == "OPTIONS");
  if (s == 204 || s == 304 || s == 404 || s == 416) EXPECT(!a.body);
  if (!a.body) {
    EXPECT(s != 206);
    if (s == 200) EXPECT(a.length == 0);  // an empty file
    return 0;
  }
  const AnswerBody& body = *a.body;
  EXPECT(a.length == body.length);
  if (body.bytes) {
    // The feed's gzip form: only the feed, whole, never with a range.
    EXPECT(s == 200);
    EXPECT(body.file == nullptr || body.file->relative_path() == "feed.xml");
    EXPECT(header_of(a, "Content-Encoding") == std::optional<std::string>("gzip"));
    EXPECT(!head.header("Range"));
    return 0;
  }
  EXPECT(body.file != nullptr);
  const std::string& rel = body.file->relative_path();
  auto published = t.published.find(rel);
  EXPECT(published != t.published.end());
  const std::string& stored = published->second;
  EXPECT(body.file->facts().size == stored.size());
  EXPECT(body.length > 0);
  EXPECT(body.first + body.length <= stored.size());
  if (s == 200) EXPECT(body.first == 0 && body.length == stored.size());
  if (s == 206) {
    EXPECT(head.header("Range"));
    EXPECT(header_of(a, "Content-Range") ==
           std::optional<std::string>(
               content_range(body.first, body.first + body.length - 1, stored.size())));
  }
  // What is sent is the stored bytes of that file, and nothing past the announced length.
  std::string sent(static_cast<std::size_t>(body.length) + 16, '\0');
  std::size_t got = 0;
  while (got < body.length) {
    const ssize_t n = body.read(got, sent.data() + got, sent.size() - got);
    EXPECT(n > 0);
    got += static_cast<std::size_t>(n);
  }
  EXPECT(got == body.length);
  EXPECT(body.read(got, sent.data(), 16) <= 0);
  sent.resize(got);
  EXPECT(sent == stored.substr(static_cast<std::size_t>(body.first), got));
  return 0;
}
