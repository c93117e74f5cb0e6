#include "serve/interface_addresses.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include <algorithm>
#include <memory>

#include "base/c_deleter.hpp"
#include "serve/listen_address.hpp"

namespace briefcast {

namespace {

using IfaddrsPtr = std::unique_ptr<ifaddrs, CDeleter<freeifaddrs>>;

}  // namespace

std::vector<InterfaceAddress> interface_addresses() {
  ifaddrs* list = nullptr;
  if (::getifaddrs(&list) != 0) return {};
  IfaddrsPtr owned(list);
  std::vector<InterfaceAddress> out;
  for (const ifaddrs* i = list; i; i = i->ifa_next) {
    if (!i->ifa_addr || !(i->ifa_flags & IFF_UP)) continue;
    InterfaceAddress a;
    char text[INET6_ADDRSTRLEN] = {};
    if (i->ifa_addr->sa_family == AF_INET) {
      const auto* in = reinterpret_cast<const sockaddr_in*>(i->ifa_addr);
      if (!::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) continue;
      const std::uint32_t host = ntohl(in->sin_addr.s_addr);
      a.loopback = (host >> 24) == 127;
      a.link_local = (host >> 16) == 0xa9fe;  // 169.254.0.0/16
    } else if (i->ifa_addr->sa_family == AF_INET6) {
      const auto* in6 = reinterpret_cast<const sockaddr_in6*>(i->ifa_addr);
      if (!::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text)) continue;
      a.ipv6 = true;
      a.loopback = IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
      a.link_local = IN6_IS_ADDR_LINKLOCAL(&in6->sin6_addr);
    } else {
      continue;
    }
    a.address = text;
    a.loopback = a.loopback || (i->ifa_flags & IFF_LOOPBACK);
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<std::string> reachable_hosts(const std::string& bind,
                                         const std::vector<InterfaceAddress>& all) {
  if (!is_wildcard_host(bind)) return {bind};
  const bool v6 = bind != "0.0.0.0";
  std::vector<std::string> lan, loop;
  auto add = [](std::vector<std::string>& to, const std::string& a) {
    if (std::find(to.begin(), to.end(), a) == to.end()) to.push_back(a);
  };
  for (bool want_v6 : {false, true}) {
    if (want_v6 && !v6) break;
    for (const InterfaceAddress& a : all) {
      if (a.ipv6 != want_v6 || a.link_local) continue;
      add(a.loopback ? loop : lan, a.address);
    }
  }
  if (!lan.empty()) return lan;
  if (!loop.empty()) return loop;
  return {bind};
}

}  // namespace briefcast
