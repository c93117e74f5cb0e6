#pragma once
// A raw HTTP/1.1 client over loopback sockets for the serve tests: request lines and headers
// sent exactly as written (curl would normalize them), and the hostile clients of the survival
// test (idle, dripping, flooding connections).

#include <cstddef>
#include <functional>
#include <map>
#include <string>

namespace briefcast::test {

struct HttpResult {
  int status = 0;                              // 0: no answer
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
  bool has(const std::string& name) const { return headers.count(name) > 0; }
};

// Fills `r` from a response head (status line and headers; the last status line wins).
void parse_head(const std::string& head, HttpResult& r);

// A blocking TCP connection to 127.0.0.1:`port` with send and receive timeouts of `timeout_s`
// and, when `rcvbuf` > 0, that receive buffer; -1 when it cannot connect. The caller closes it.
int connect_loopback(int port, int timeout_s = 20, int rcvbuf = 0);

// Sends `request` as is over a new connection and reads until the server closes it.
// `rcvbuf` > 0 sets a small receive buffer; `after_first_read` runs after the first bytes came.
HttpResult raw_request(int port, const std::string& request, int rcvbuf = 0,
                       const std::function<void()>& after_first_read = {});

// GET `target` with Connection: close and the `extra` header lines ("Name: value\r\n" each).
HttpResult raw_get(int port, const std::string& target, const std::string& extra = "");

// A header flood: "GET /feed.xml", then header lines 32 bytes long, up to `max_lines`, until
// the server answers or closes the connection; the answer (status 0 when none came).
HttpResult header_flood(int port, std::size_t max_lines);

}  // namespace briefcast::test
