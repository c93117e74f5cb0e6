#pragma once
// The addresses of this machine's network interfaces (getifaddrs), and which of them to show
// people when `briefcast serve` listens on every interface ("0.0.0.0" or "::"): a URL with
// 0.0.0.0 in it opens nothing on a phone, the machine's LAN address does.

#include <string>
#include <vector>

namespace briefcast {

// One address of an interface that is up.
struct InterfaceAddress {
  std::string address;      // numeric, without a zone: "192.168.1.20", "2001:db8::7"
  bool ipv6 = false;        // AF_INET6
  bool loopback = false;    // 127.0.0.0/8, ::1 (or the interface is the loopback one)
  bool link_local = false;  // 169.254.0.0/16, fe80::/10: no use in a URL without a zone
};

// The IPv4 and IPv6 addresses of this machine's interfaces that are up, in the order the
// system lists them. Empty when getifaddrs fails. Never throws except std::bad_alloc.
std::vector<InterfaceAddress> interface_addresses();

// The hosts a server listening on `bind` is reached at, as people type them: for a wildcard
// bind ("0.0.0.0": IPv4 only; "::" or "": IPv4 and IPv6, Linux's dual-stack default) the
// addresses of `all` that are neither loopback nor link-local, IPv4 first, each once; the
// loopback ones only when there is nothing else; {bind} itself when `all` has none of the
// family. Any other bind: {bind}.
std::vector<std::string> reachable_hosts(const std::string& bind,
                                         const std::vector<InterfaceAddress>& all);

}  // namespace briefcast
