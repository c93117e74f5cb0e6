#include "serve/listen_address.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "base/strings.hpp"

namespace briefcast {

namespace {

std::string mask(std::string s, const std::string& token) {
  if (token.empty()) return s;
  for (auto at = s.find(token); at != std::string::npos; at = s.find(token, at + 3))
    s.replace(at, token.size(), "***");
  return s;
}

// An IPv4 or IPv6 address written as numbers: the binary form, nullopt for a name.
std::optional<std::string> ip_bytes(const std::string& s) {
  unsigned char buf[sizeof(in6_addr)];
  if (::inet_pton(AF_INET, s.c_str(), buf) == 1) return std::string(buf, buf + 4);
  if (::inet_pton(AF_INET6, s.c_str(), buf) == 1) return std::string(buf, buf + sizeof buf);
  return std::nullopt;
}

bool is_numeric_address(const std::string& s) { return ip_bytes(s).has_value(); }

}  // namespace

bool same_ip_address(const std::string& a, const std::string& b) {
  auto x = ip_bytes(a), y = ip_bytes(b);
  return x && y && *x == *y;
}

bool is_loopback_host(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

bool is_wildcard_host(const std::string& host) {
  return host.empty() || host == "0.0.0.0" || host == "::";
}

std::string host_for_url(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

std::optional<std::string> open_access_warning(const std::string& bind, const std::string& token,
                                               const std::string& root) {
  if (is_loopback_host(bind) || !token.empty()) return std::nullopt;
  return "listening on " + host_for_url(bind) +
         " without --token: anyone who can reach this machine can read every file in " + root;
}

std::optional<std::string> base_url_warning(const std::string& base_url, const std::string& bind,
                                            int port, const std::string& token,
                                            const std::vector<std::string>& hosts) {
  const bool wildcard = is_wildcard_host(bind);
  // The addresses a wildcard bind is known to be reached at (none known: any host is accepted).
  std::vector<std::string> known;
  if (wildcard)
    for (const std::string& h : hosts)
      if (!is_wildcard_host(h)) known.push_back(h);
  auto listen_at = [&](const std::string& host) {
    return "http://" + host_for_url(host) + ":" + std::to_string(port) + "/";
  };
  const std::string first = wildcard ? (known.empty() ? "<this host>" : known[0]) : bind;
  std::string listen = listen_at(first) + (token.empty() ? "" : "***/");
  for (std::size_t i = 1; i < known.size(); ++i)
    listen += " or " + listen_at(known[i]) + (token.empty() ? "" : "***/");
  std::string suggestion = listen_at(first) + (token.empty() ? "" : "<token>/");
  std::string message = "feed base URL " + mask(base_url, token) + " does not point at " + listen +
                        " where serve listens; subscribers will not reach the enclosures (use "
                        "--base-url " +
                        suggestion + ")";
  std::string url = base_url;
  auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos || !equals_ascii_ci(url.substr(0, scheme_end), "http"))
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
    if (p.size() > 5 || !all_digits(p)) return message;
    url_port = std::stoi(p);
  }
  host = lower_ascii(host);
  auto same_host = [&host](const std::string& other) {
    std::string o = lower_ascii(other);
    return host == o || same_ip_address(host, o) || (is_loopback_host(host) && is_loopback_host(o));
  };
  bool host_ok = false;
  if (!wildcard)
    host_ok = same_host(bind);
  else if (known.empty() || (!is_numeric_address(host) && host != "localhost"))
    host_ok = true;  // a name: not resolved, so not checked
  else
    host_ok = std::any_of(known.begin(), known.end(), same_host);
  bool path_ok = token.empty() || path.rfind("/" + token + "/", 0) == 0 || path == "/" + token;
  if (host_ok && url_port == port && path_ok) return std::nullopt;
  return message;
}

std::string bind_error_text(int err) {
  if (err == EADDRINUSE) return "address in use";
  if (err == EADDRNOTAVAIL) return "address not available on this machine";
  if (err == EACCES) return "permission denied (ports below 1024 need privileges)";
  if (err == 0) return "cannot bind";
  return lower_ascii(std::strerror(err));
}

}  // namespace briefcast
