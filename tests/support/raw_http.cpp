#include "support/raw_http.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <sstream>

namespace briefcast::test {

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Reads until the server closes (or the receive timeout); appends to `data`.
void read_to_end(int s, std::string& data, const std::function<void()>& after_first_read = {}) {
  char buf[16384];
  bool first = true;
  for (;;) {
    ssize_t n = ::recv(s, buf, sizeof buf, 0);
    if (n <= 0) break;
    data.append(buf, static_cast<std::size_t>(n));
    if (first && after_first_read) after_first_read();
    first = false;
  }
}

HttpResult parse_response(const std::string& data) {
  HttpResult r;
  auto end = data.find("\r\n\r\n");
  if (end == std::string::npos) return r;
  parse_head(data.substr(0, end + 2), r);
  r.body = data.substr(end + 4);
  return r;
}

}  // namespace

void parse_head(const std::string& head, HttpResult& r) {
  std::istringstream in(head);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("HTTP/", 0) == 0) {
      r.status = std::stoi(line.substr(line.find(' ') + 1, 3));
      r.headers.clear();
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    r.headers[lower(line.substr(0, colon))] = value;
  }
}

int connect_loopback(int port, int timeout_s, int rcvbuf) {
  int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0) return -1;
  timeval tv{timeout_s, 0};
  ::setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  // Before connecting, or the window is already agreed.
  if (rcvbuf > 0) ::setsockopt(s, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(s);
    return -1;
  }
  return s;
}

HttpResult raw_request(int port, const std::string& request, int rcvbuf,
                       const std::function<void()>& after_first_read) {
  int s = connect_loopback(port, 20, rcvbuf);
  if (s < 0) return {};
  std::size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = ::send(s, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string data;
  read_to_end(s, data, after_first_read);
  ::close(s);
  return parse_response(data);
}

HttpResult raw_get(int port, const std::string& target, const std::string& extra) {
  return raw_request(
      port, "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + extra + "Connection: close\r\n\r\n");
}

HttpResult header_flood(int port, std::size_t max_lines) {
  int s = connect_loopback(port);
  if (s < 0) return {};
  std::string chunk;
  for (int i = 0; i < 1024; ++i) chunk += "X-Flood: aaaaaaaaaaaaaaaaaaaaa\r\n";  // 32 bytes each
  std::string start = "GET /feed.xml HTTP/1.1\r\nHost: x\r\n";
  ::send(s, start.data(), start.size(), MSG_NOSIGNAL);
  std::string data;
  for (std::size_t lines = 0; lines < max_lines; lines += 1024) {
    // Look for an answer before each chunk: the server answers and closes long before the end.
    pollfd p{s, POLLIN, 0};
    if (::poll(&p, 1, 0) > 0) break;
    if (::send(s, chunk.data(), chunk.size(), MSG_NOSIGNAL) <= 0) break;
  }
  read_to_end(s, data);
  ::close(s);
  return parse_response(data);
}

}  // namespace briefcast::test
