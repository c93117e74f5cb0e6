// The addresses `serve --bind 0.0.0.0` shows people: this machine's interfaces (getifaddrs) and
// the choice among them (LAN addresses, loopback only when there is nothing else).
#include "serve/interface_addresses.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <catch2/catch.hpp>

using namespace briefcast;

namespace {

InterfaceAddress addr(std::string a, bool loopback = false, bool link_local = false) {
  InterfaceAddress i;
  i.ipv6 = a.find(':') != std::string::npos;
  i.address = std::move(a);
  i.loopback = loopback;
  i.link_local = link_local;
  return i;
}

}  // namespace

TEST_CASE("interface addresses: what a wildcard bind is reached at", "[serve]") {
  const std::vector<InterfaceAddress> machine = {
      addr("127.0.0.1", true), addr("::1", true),
      addr("192.168.1.20"),    addr("fe80::fc:ff:fe00:1", false, true),
      addr("2001:db8::7"),     addr("169.254.3.4", false, true),
      addr("10.8.0.2"),        addr("192.168.1.20")};  // listed twice (two labels)
  CHECK(reachable_hosts("0.0.0.0", machine) ==
        std::vector<std::string>{"192.168.1.20", "10.8.0.2"});
  CHECK(reachable_hosts("::", machine) ==
        std::vector<std::string>{"192.168.1.20", "10.8.0.2", "2001:db8::7"});
  CHECK(reachable_hosts("", machine) == reachable_hosts("::", machine));
  // Only loopback (no network yet): that is what works, on this machine.
  const std::vector<InterfaceAddress> alone = {addr("127.0.0.1", true), addr("::1", true)};
  CHECK(reachable_hosts("0.0.0.0", alone) == std::vector<std::string>{"127.0.0.1"});
  CHECK(reachable_hosts("::", alone) == std::vector<std::string>{"127.0.0.1", "::1"});
  // Nothing known: the bind address itself.
  CHECK(reachable_hosts("0.0.0.0", {}) == std::vector<std::string>{"0.0.0.0"});
  // IPv6 only on the LAN, IPv4 bind: loopback is all an IPv4 client can use.
  CHECK(reachable_hosts("0.0.0.0", {addr("127.0.0.1", true), addr("2001:db8::7")}) ==
        std::vector<std::string>{"127.0.0.1"});
  // A specific address is shown as it is.
  CHECK(reachable_hosts("192.168.1.20", machine) == std::vector<std::string>{"192.168.1.20"});
  CHECK(reachable_hosts("127.0.0.1", machine) == std::vector<std::string>{"127.0.0.1"});
}

TEST_CASE("interface addresses: this machine's interfaces", "[serve]") {
  const auto all = interface_addresses();
  REQUIRE_FALSE(all.empty());
  // The loopback interface is always up, and classified as such.
  CHECK(std::any_of(all.begin(), all.end(), [](const InterfaceAddress& a) {
    return a.address == "127.0.0.1" && a.loopback && !a.ipv6 && !a.link_local;
  }));
  for (const auto& a : all) {
    INFO(a.address);
    unsigned char buf[16];
    CHECK(inet_pton(a.ipv6 ? AF_INET6 : AF_INET, a.address.c_str(), buf) == 1);
    if (a.ipv6 && a.address.rfind("fe80:", 0) == 0) CHECK(a.link_local);
  }
  for (const auto& h : reachable_hosts("0.0.0.0", all)) {
    INFO(h);
    CHECK(h != "0.0.0.0");
    CHECK(h.find(':') == std::string::npos);  // IPv4 for an IPv4 bind
  }
}
