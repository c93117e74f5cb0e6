#include "serve/access_log.hpp"

#include <netdb.h>

#include <cstdio>

#include "base/strings.hpp"
#include "serve/http_files.hpp"

namespace briefcast {

namespace {

constexpr std::string_view kSecretNames[] = {"token",  "key", "auth",   "pass",
                                             "secret", "sig", "session"};

bool is_secret_name(std::string_view name) {
  std::string n = lower_ascii(percent_decoded(name, true));
  for (std::string_view secret : kSecretNames)
    if (n.find(secret) != std::string::npos) return true;
  return false;
}

// path_for_log's escaping plus the two bytes that would end or escape CLF's quoted field.
std::string for_quoted_field(std::string_view raw, std::string_view token) {
  std::string out;
  for (char c : path_for_log(raw, token)) {
    if (c == '"')
      out += "%22";
    else if (c == '\\')
      out += "%5C";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string redact_query(std::string_view query) {
  std::string out;
  std::size_t start = 0;
  for (;;) {
    std::size_t amp = query.find('&', start);
    std::string_view param = query.substr(start, amp == std::string_view::npos ? amp : amp - start);
    std::size_t eq = param.find('=');
    if (eq != std::string_view::npos && is_secret_name(param.substr(0, eq)))
      out += std::string(param.substr(0, eq + 1)) + "***";
    else
      out += param;
    if (amp == std::string_view::npos) break;
    out += '&';
    start = amp + 1;
  }
  return out;
}

std::string access_log_line(const AccessLogEntry& e, std::string_view token) {
  const std::string_view target = e.target;
  const std::size_t q = target.find('?');
  std::string request = e.method.empty() ? "-" : for_quoted_field(e.method.substr(0, 16), "");
  request += ' ';
  request += target.empty() ? "-" : for_quoted_field(target.substr(0, q), token);
  if (q != std::string_view::npos)
    request += "?" + for_quoted_field(redact_query(target.substr(q + 1)), token);
  request += ' ';
  request += e.version.empty() ? "-" : for_quoted_field(e.version.substr(0, 16), "");
  return (e.client.empty() ? "-" : for_quoted_field(e.client, "")) + " - - [" +
         common_log_time(e.received) + "] \"" + request + "\" " +
         (e.status > 0 ? std::to_string(e.status) : "-") + " " +
         (e.bytes > 0 ? std::to_string(e.bytes) : "-");
}

std::string numeric_address(const sockaddr* addr) {
  if (!addr || (addr->sa_family != AF_INET && addr->sa_family != AF_INET6)) return "";
  char host[NI_MAXHOST];
  socklen_t len = addr->sa_family == AF_INET ? sizeof(sockaddr_in) : sizeof(sockaddr_in6);
  if (::getnameinfo(addr, len, host, sizeof host, nullptr, 0, NI_NUMERICHOST) != 0) return "";
  std::string h = host;
  if (h.rfind("::ffff:", 0) == 0 && h.find('.') != std::string::npos) h.erase(0, 7);
  return h;
}

}  // namespace briefcast
