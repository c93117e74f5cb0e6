#include "net/http_fetch.hpp"

#include <curl/curl.h>
#include <netdb.h>
#include <sys/socket.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

#include "base/c_deleter.hpp"
#include "base/error.hpp"
#include "base/interrupt.hpp"
#include "base/strings.hpp"
#include "net/address_policy.hpp"
#include "net/url_tools.hpp"

namespace briefcast {

namespace {

using CurlPtr = std::unique_ptr<CURL, CDeleter<curl_easy_cleanup>>;
using SlistPtr = std::unique_ptr<curl_slist, CDeleter<curl_slist_free_all>>;

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw Error(ExitCode::network, "cannot initialise libcurl");
  });
}

// A header line's optional whitespace and line end (RFC 9110: OWS is space and tab).
constexpr std::string_view kHeaderSpace = " \t\r\n";

// "10 s", "0.25 s"
std::string seconds_text(std::chrono::milliseconds ms) {
  auto n = ms.count();
  std::string s = std::to_string(n / 1000);
  if (n % 1000) {
    std::string frac = std::to_string(1000 + n % 1000).substr(1);
    while (frac.back() == '0') frac.pop_back();
    s += "." + frac;
  }
  return s + " s";
}

// "20 MB", "64 kB", "100 bytes" (binary multiples, as max_bytes is usually written that way)
std::string size_text(std::size_t bytes) {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
    return std::to_string(bytes / (1024 * 1024)) + " MB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes / 1024) + " kB";
  return std::to_string(bytes) + " bytes";
}

struct Transfer {
  bool allow_private = true;
  std::vector<std::string> proxies;  // the environment's proxies: "ADDRESS PORT"
  std::string refused;               // the address a connection was refused to
  std::string body;
  std::size_t max_bytes = 0;
  bool too_large = false;
  std::string etag;
  std::string last_modified;
};

// No exception may leave a libcurl callback: returning a short count aborts the transfer.
size_t on_body(char* data, size_t size, size_t count, void* user) noexcept {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (t->body.size() + n > t->max_bytes) {
    t->too_large = true;
    return 0;
  }
  try {
    t->body.append(data, n);
  } catch (...) {
    return 0;
  }
  return n;
}

size_t on_header(char* data, size_t size, size_t count, void* user) noexcept {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  try {
    std::string line(data, n);
    if (line.starts_with("HTTP/")) {
      // A new response (after a redirect or a 100 Continue): forget the previous one's headers.
      t->etag.clear();
      t->last_modified.clear();
      return n;
    }
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) return n;
    std::string name = lower_ascii(trim(std::string_view(line).substr(0, colon), kHeaderSpace));
    std::string value(trim(std::string_view(line).substr(colon + 1), kHeaderSpace));
    if (name == "etag") t->etag = value;
    if (name == "last-modified") t->last_modified = value;
  } catch (...) {
    return 0;
  }
  return n;
}

// libcurl asks for each socket it is about to connect, with the address: the one place that sees
// the address of every attempt, after DNS and after every redirect.
curl_socket_t on_open_socket(void* user, curlsocktype /*purpose*/,
                             curl_sockaddr* address) noexcept {
  auto* t = static_cast<Transfer*>(user);
  if (!t->allow_private && !is_public_address(&address->addr)) {
    try {
      std::string text = address_text(&address->addr);
      const std::string endpoint = text + " " + std::to_string(address_port(&address->addr));
      bool proxy = false;
      for (const std::string& p : t->proxies) proxy = proxy || p == endpoint;
      if (!proxy) {
        t->refused = text.empty() ? "an address of an unknown family" : text;
        return CURL_SOCKET_BAD;
      }
    } catch (...) {
      return CURL_SOCKET_BAD;
    }
  }
  return ::socket(address->family, address->socktype, address->protocol);
}

// The addresses and ports of the proxies the environment names (http_proxy and the like), as
// "ADDRESS PORT" (libcurl's default proxy port is 1080).
std::vector<std::string> proxy_addresses() {
  std::vector<std::string> out;
  for (const char* name :
       {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"}) {
    const char* v = std::getenv(name);
    if (!v || !*v) continue;
    std::string url = v;
    if (url.find("://") == std::string::npos) url = "http://" + url;
    const UrlParts parts = split_url(url);
    std::string host = parts.host;
    const std::string port = parts.port.empty() ? "1080" : parts.port;
    if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (host.empty() || ::getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0) continue;
    for (addrinfo* a = found; a; a = a->ai_next) {
      try {
        out.push_back(address_text(a->ai_addr) + " " + std::to_string(std::stoi(port)));
      } catch (const std::exception&) {  // a port that is no number: libcurl refuses it too
      }
    }
    ::freeaddrinfo(found);
  }
  return out;
}

void parse_content_type(FetchResult& r) {
  std::string_view ct = r.content_type;
  std::size_t semi = ct.find(';');
  r.mime_type = lower_ascii(trim(ct.substr(0, semi), kHeaderSpace));
  while (semi != std::string::npos) {
    std::size_t next = ct.find(';', semi + 1);
    std::string_view param =
        trim(ct.substr(semi + 1, next == std::string::npos ? next : next - semi - 1), kHeaderSpace);
    std::size_t eq = param.find('=');
    if (eq != std::string::npos &&
        equals_ascii_ci(trim(param.substr(0, eq), kHeaderSpace), "charset")) {
      std::string v(trim(param.substr(eq + 1), kHeaderSpace));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      r.charset = lower_ascii(v);
    }
    semi = next;
  }
}

std::string no_proxy_list() {
  std::string list;
  for (const char* name : {"no_proxy", "NO_PROXY"}) {
    if (const char* v = std::getenv(name); v && *v) {
      list = v;
      break;
    }
  }
  if (list == "*") return list;
  if (!list.empty()) list += ",";
  return list + "localhost,127.0.0.1,::1";
}

// Called by libcurl at least once a second while it waits (DNS, connect, transfer): a signal
// aborts the transfer (CURLE_ABORTED_BY_CALLBACK).
int on_progress(void*, curl_off_t, curl_off_t, curl_off_t, curl_off_t) noexcept {
  return interrupt_flag().load() ? 1 : 0;
}

// libcurl's result as an Error when it was a signal that stopped it.
void throw_if_aborted(CURLcode rc) {
  if (rc == CURLE_ABORTED_BY_CALLBACK && interrupt_flag().load())
    throw Error(ExitCode::interrupted, "interrupted; nothing was written");
}

template <class T>
void set(CURL* curl, CURLoption option, T value, const std::string& who) {
  CURLcode rc = curl_easy_setopt(curl, option, value);
  if (rc != CURLE_OK) throw Error(ExitCode::network, who + ": libcurl: " + curl_easy_strerror(rc));
}

// The options every request shares. `who` starts each message: "'URL'" or "HEAD URL".
CurlPtr open_request(const std::string& url, const std::string& who,
                     std::chrono::milliseconds connect_timeout, std::chrono::milliseconds timeout,
                     int max_redirects, const std::string& agent, char* error_text) {
  global_init();
  CurlPtr curl(curl_easy_init());
  if (!curl) throw Error(ExitCode::network, who + ": cannot create a libcurl handle");
  CURL* c = curl.get();
  set(c, CURLOPT_URL, url.c_str(), who);
  set(c, CURLOPT_ERRORBUFFER, error_text, who);
  set(c, CURLOPT_NOSIGNAL, 1L, who);  // threads: no SIGALRM for DNS timeouts
  set(c, CURLOPT_PROTOCOLS_STR, "http,https", who);
  set(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https", who);
  set(c, CURLOPT_FOLLOWLOCATION, 1L, who);
  set(c, CURLOPT_MAXREDIRS, static_cast<long>(max_redirects), who);
  set(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(connect_timeout.count()), who);
  set(c, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()), who);
  set(c, CURLOPT_USERAGENT, agent.c_str(), who);
  set(c, CURLOPT_XFERINFOFUNCTION, &on_progress, who);
  set(c, CURLOPT_NOPROGRESS, 0L, who);
  return curl;
}

std::string effective_url(CURL* c, const std::string& url) {
  char* effective = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective)
    return effective;
  return url;
}

std::string content_type_of(CURL* c) {
  char* type = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type) return type;
  return {};
}

ProbeResult probe(const std::string& url, const ProbeOptions& options, bool head) {
  const std::string who = head ? "HEAD " + url : "'" + url + "'";
  auto fail = [&](const std::string& why) { return Error(ExitCode::network, who + ": " + why); };
  char error_text[CURL_ERROR_SIZE] = {};
  const std::string agent = options.user_agent.empty() ? user_agent() : options.user_agent;
  CurlPtr curl = open_request(url, who, options.connect_timeout, options.timeout,
                              options.max_redirects, agent, error_text);
  CURL* c = curl.get();
  Transfer t;
  t.max_bytes = options.max_bytes;
  set(c, CURLOPT_WRITEFUNCTION, &on_body, who);
  set(c, CURLOPT_WRITEDATA, static_cast<void*>(&t), who);
  if (head) set(c, CURLOPT_NOBODY, 1L, who);

  CURLcode rc = curl_easy_perform(c);
  throw_if_aborted(rc);
  if (rc != CURLE_OK) {
    if (t.too_large) throw fail("larger than " + size_text(options.max_bytes));
    throw fail(error_text[0] ? std::string(error_text) : curl_easy_strerror(rc));
  }
  ProbeResult r;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
  if (r.status >= 400) throw fail("HTTP " + std::to_string(r.status));
  curl_off_t length = -1;
  if (curl_easy_getinfo(c, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) == CURLE_OK && length >= 0)
    r.content_length = static_cast<std::uint64_t>(length);
  r.content_type = content_type_of(c);
  r.final_url = effective_url(c, url);
  r.body = std::move(t.body);
  return r;
}

}  // namespace

std::string user_agent() { return std::string("briefcast/") + BRIEFCAST_VERSION; }

FetchResult fetch_url(const std::string& url, const FetchOptions& options) {
  const std::string who = "'" + url + "'";
  auto fail = [&](const std::string& why) { return Error(ExitCode::network, who + ": " + why); };
  if (!is_http_url(url)) throw fail("not an http or https URL");
  char error_text[CURL_ERROR_SIZE] = {};
  CurlPtr curl = open_request(url, who, options.connect_timeout, options.timeout,
                              options.max_redirects, user_agent(), error_text);
  CURL* c = curl.get();

  Transfer t;
  t.max_bytes = options.max_bytes;
  t.allow_private = options.allow_private;
  if (!t.allow_private) t.proxies = proxy_addresses();
  SlistPtr headers;
  auto add_header = [&](const std::string& h) {
    curl_slist* l = curl_slist_append(headers.get(), h.c_str());
    if (!l) throw fail("out of memory");
    (void)headers.release();
    headers.reset(l);
  };
  if (!options.etag.empty()) add_header("If-None-Match: " + options.etag);
  if (!options.last_modified.empty()) add_header("If-Modified-Since: " + options.last_modified);
  if (!options.accept.empty()) add_header("Accept: " + options.accept);
  std::string no_proxy = no_proxy_list();

  set(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes), who);
  set(c, CURLOPT_ACCEPT_ENCODING, "", who);  // every encoding libcurl can decode
  set(c, CURLOPT_NOPROXY, no_proxy.c_str(), who);
  set(c, CURLOPT_HTTPHEADER, headers.get(), who);
  set(c, CURLOPT_WRITEFUNCTION, &on_body, who);
  set(c, CURLOPT_WRITEDATA, static_cast<void*>(&t), who);
  set(c, CURLOPT_HEADERFUNCTION, &on_header, who);
  set(c, CURLOPT_HEADERDATA, static_cast<void*>(&t), who);
  set(c, CURLOPT_OPENSOCKETFUNCTION, &on_open_socket, who);
  set(c, CURLOPT_OPENSOCKETDATA, static_cast<void*>(&t), who);

  CURLcode rc = curl_easy_perform(c);
  throw_if_aborted(rc);
  if (rc != CURLE_OK) {
    if (!t.refused.empty())
      throw fail("refused: " + t.refused +
                 " is a private address (a LAN source needs \"allow_private\": true)");
    if (t.too_large || rc == CURLE_FILESIZE_EXCEEDED)
      throw fail("larger than " + size_text(options.max_bytes));
    if (rc == CURLE_OPERATION_TIMEDOUT) {
      curl_off_t connect_us = 0;
      curl_easy_getinfo(c, CURLINFO_CONNECT_TIME_T, &connect_us);
      if (connect_us == 0 && options.connect_timeout < options.timeout)
        throw fail("connection timed out after " + seconds_text(options.connect_timeout));
      throw fail("timed out after " + seconds_text(options.timeout));
    }
    if (rc == CURLE_TOO_MANY_REDIRECTS)
      throw fail("more than " + std::to_string(options.max_redirects) + " redirects");
    if (rc == CURLE_UNSUPPORTED_PROTOCOL)
      throw fail("redirected to a URL that is not http or https");
    throw fail(error_text[0] ? std::string(error_text) : curl_easy_strerror(rc));
  }

  FetchResult r;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
  if (r.status >= 400) throw fail("HTTP " + std::to_string(r.status));
  if (r.status >= 300 && r.status != 304)
    throw fail("HTTP " + std::to_string(r.status) + " without a usable Location");
  r.final_url = effective_url(c, url);
  r.content_type = content_type_of(c);
  parse_content_type(r);
  r.etag = t.etag;
  r.last_modified = t.last_modified;
  if (r.status == 304) {
    r.not_modified = true;
    if (r.etag.empty()) r.etag = options.etag;
    if (r.last_modified.empty()) r.last_modified = options.last_modified;
  } else {
    r.body = std::move(t.body);
  }
  return r;
}

ProbeResult probe_get(const std::string& url, const ProbeOptions& options) {
  return probe(url, options, false);
}

ProbeResult probe_head(const std::string& url, const ProbeOptions& options) {
  return probe(url, options, true);
}

}  // namespace briefcast
