#include "serve/listen_socket.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

#include "base/error.hpp"
#include "serve/listen_address.hpp"

namespace briefcast {

namespace {

int bound_port(int fd) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return -1;
  if (addr.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
  if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
  return -1;
}

}  // namespace

ListenSocket::ListenSocket(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* res = nullptr;
  std::string service = std::to_string(port);
  int err = 0;  // errno of the last failed attempt: the reason shown when none works
  std::string reason;
  if (int rc = ::getaddrinfo(host.empty() ? nullptr : host.c_str(), service.c_str(), &hints, &res);
      rc != 0) {
    reason = gai_strerror(rc);
  } else {
    for (addrinfo* ai = res; ai && fd_ < 0; ai = ai->ai_next) {
      int s =
          ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
      if (s < 0) {
        err = errno;
        continue;
      }
      int yes = 1;
      ::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      if (::bind(s, ai->ai_addr, ai->ai_addrlen) == 0 && ::listen(s, SOMAXCONN) == 0) {
        fd_ = s;
      } else {
        err = errno;
        ::close(s);
      }
    }
    ::freeaddrinfo(res);
  }
  if (fd_ >= 0) {
    port_ = bound_port(fd_);
    if (port_ <= 0) err = errno;
  }
  if (fd_ < 0 || port_ <= 0) {
    if (fd_ >= 0) ::close(std::exchange(fd_, -1));
    if (reason.empty()) reason = bind_error_text(err);
    throw Error(ExitCode::network, "cannot listen on " + host_for_url(host) + ":" +
                                       std::to_string(port) + ": " + reason);
  }
}

ListenSocket::~ListenSocket() {
  if (fd_ >= 0) ::close(fd_);
}

int ListenSocket::release() { return std::exchange(fd_, -1); }

}  // namespace briefcast
