#pragma once
// Fetching one URL over HTTP(S) with libcurl: bounded in time, size and redirects, identified as
// `briefcast/VERSION`, with conditional requests so an unchanged feed costs a 304.
// Also probes (probe_get, probe_head): plain requests that see a URL as a podcast app does, for
// `briefcast validate`. This is the only file that talks to libcurl.
//
// Only http:// and https:// are fetched, also after redirects (no file://, ftp:// ...).
// Proxies from the environment (http_proxy, https_proxy, no_proxy) are honoured, except that
// loopback hosts (localhost, 127.0.0.1, ::1) are always reached directly.
// Safe to call from several threads; libcurl's global initialisation happens once per process.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace briefcast {

struct FetchOptions {
  std::chrono::milliseconds connect_timeout{10000};  // TCP + TLS connection setup
  std::chrono::milliseconds timeout{30000};          // whole transfer, redirects included
  std::size_t max_bytes = 20 * 1024 * 1024;          // cap on the (decoded) body, bytes
  int max_redirects = 5;                             // redirects followed; more is an error
  std::string accept;         // Accept header value; empty: libcurl's default "*/*"
  std::string etag;           // validator remembered from an earlier response → If-None-Match
  std::string last_modified;  // validator remembered from an earlier response → If-Modified-Since
  // Whether the server may be at a loopback, private, link-local or unique-local address
  // (address_policy.hpp). false: every address libcurl is about to connect to is checked (after
  // DNS, on every redirect), except the addresses of a proxy the environment names.
  bool allow_private = false;
};

struct FetchResult {
  long status = 0;            // final HTTP status (200, 304, ...)
  bool not_modified = false;  // true on 304: `body` is empty, reuse the remembered body
  std::string body;           // response body (decoded from gzip/deflate), raw bytes
  std::string final_url;      // URL after redirects
  std::string content_type;   // Content-Type header as sent, e.g. "text/html; charset=UTF-8"
  std::string mime_type;      // its media type, lower-case, e.g. "text/html"
  std::string charset;        // its charset parameter, lower-case, unquoted ("" when absent)
  std::string etag;           // ETag of this response; on 304 without one, the remembered one
  std::string last_modified;  // Last-Modified likewise
};

// Fetches `url` with GET. Throws Error(ExitCode::network) naming the URL as given:
//   "'URL': HTTP 404"                   any final status ≥ 400
//   "'URL': timed out after 10 s"       `timeout` (or "connection timed out after ...")
//   "'URL': larger than 20 MB"          body beyond `max_bytes` (aborted as soon as it is known)
//   "'URL': more than 5 redirects"
//   "'URL': not an http or https URL"
//   "'URL': redirected to a URL that is not http or https"
//   "'URL': refused: 10.0.0.5 is a private address (a LAN source needs \"allow_private\": true)"
//   "'URL': <libcurl's message>"        DNS, connection refused, TLS, ...
FetchResult fetch_url(const std::string& url, const FetchOptions& options = {});

// "briefcast/0.1.0"
std::string user_agent();

// ---- Probes ----
//
// A probe asks as a podcast app would: no validators, no Accept-Encoding, proxies exactly as
// libcurl reads them from the environment (loopback included), and failures reported in libcurl's
// own words. Only http:// and https:// are followed.

struct ProbeOptions {
  std::chrono::milliseconds connect_timeout{15000};  // TCP + TLS connection setup
  std::chrono::milliseconds timeout{60000};          // whole transfer, redirects included
  std::size_t max_bytes = 32u << 20;  // GET: cap on the body, bytes (a feed over 32 MiB is not
                                      // one); beyond it the transfer is aborted
  int max_redirects = 5;              // redirects followed; more is an error
  std::string user_agent;             // User-Agent value; empty: user_agent()
};

struct ProbeResult {
  long status = 0;  // final HTTP status, always < 400 (3xx when a redirect had no Location)
  // Content-Length of the final response (for HEAD: the size a GET would send); nullopt when the
  // server sent none.
  std::optional<std::uint64_t> content_length;
  std::string content_type;  // Content-Type as sent, "" when absent
  std::string final_url;     // URL after redirects
  std::string body;          // probe_get: the body as received (not decoded); probe_head: empty
};

// GET of `url`. Throws Error(ExitCode::network) naming the URL as given:
//   "'URL': HTTP 404"                any final status >= 400
//   "'URL': <libcurl's message>"     DNS, refused connection, timeout, too many redirects, a
//                                    body over max_bytes ("Failure writing output ..."), ...
ProbeResult probe_get(const std::string& url, const ProbeOptions& options = {});

// HEAD of `url` (no body is read). Throws Error(ExitCode::network), a std::runtime_error, so
// ValidateOptions::remote_length reports its message as the item's problem:
//   "HEAD URL: HTTP 404"             any final status >= 400
//   "HEAD URL: <libcurl's message>"  as for probe_get
ProbeResult probe_head(const std::string& url, const ProbeOptions& options = {});

}  // namespace briefcast
