#include "serve/listen_address.hpp"

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

}  // namespace

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
                                            int port, const std::string& token) {
  std::string listen = "http://" + host_for_url(is_wildcard_host(bind) ? "<this host>" : bind) +
                       ":" + std::to_string(port) + "/";
  std::string suggestion = listen + (token.empty() ? "" : "<token>/");
  std::string message = "feed base URL " + mask(base_url, token) + " does not point at " + listen +
                        (token.empty() ? "" : "***/") +
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
  bool host_ok = is_wildcard_host(bind) || host == lower_ascii(bind) ||
                 (is_loopback_host(host) && is_loopback_host(lower_ascii(bind)));
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
