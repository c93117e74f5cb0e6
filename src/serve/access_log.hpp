#pragma once
// `briefcast serve`'s access log: one line per request in the common log format (CLF) that log
// tools (GoAccess, AWStats, a `grep`) read, written to the log stream beside serve's own
// "briefcast: ..." lines:
//
//   192.168.1.20 - - [10/Oct/2026:13:55:36 +0000] "GET /feed.xml HTTP/1.1" 200 2326
//
// client address, identity and user (never known: "-"), the time the request arrived (UTC), the
// request line, the status sent and the body bytes sent ("-" for none).
//
// Secrets never reach it: the --token path segment (and the token anywhere else in the line)
// shows as "***", so do the values of query parameters named like credentials, and no header is
// ever logged (never Authorization or Cookie). Control bytes, spaces, '"' and '\' in what the
// client sent show as %XX, so a request can neither add a line nor break the quoted field.

#include <sys/socket.h>

#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>

namespace briefcast {

// One request as the access log records it.
struct AccessLogEntry {
  std::string client;  // the client's numeric address ("192.0.2.7", "2001:db8::1"); "" unknown
  std::time_t received = 0;  // when the request arrived, seconds since the epoch
  std::string method;        // as sent, e.g. "GET"; "" when the request head never completed
  std::string target;        // request-target as sent (percent-encoded, query included)
  std::string version;       // as sent, e.g. "HTTP/1.1"; "" when unknown
  int status = 0;  // status sent; 0 or less: none (the client left, or missed the deadline)
  std::uint64_t bytes = 0;  // body bytes sent
};

// The CLF line for `e` (no line break). `token` is serve's secret path prefix ("" for none).
// Unknown parts are "-": the client, the method and version inside the request field
// ("- /feed.xml -"), the status. The method and version are cut to 16 bytes, the path and the
// query to 512 bytes each ("..." marks a cut).
std::string access_log_line(const AccessLogEntry& e, std::string_view token);

// `query` (what follows '?', as sent) with the value of every parameter whose name contains,
// ignoring case, "token", "key", "auth", "pass", "secret", "sig" or "session" replaced by "***"
// ("token=abc&x=1" → "token=***&x=1"). Names are compared after percent-decoding.
std::string redact_query(std::string_view query);

// The numeric address of a socket address: "192.0.2.7", "2001:db8::1"; an IPv4 client of an
// IPv6 socket ("::ffff:192.0.2.7") as plain IPv4. "" when `addr` is null or not IP.
std::string numeric_address(const sockaddr* addr);

}  // namespace briefcast
