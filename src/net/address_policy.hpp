#pragma once
// Which network addresses a fetch for a stranger's link may reach: a link in a feed must not
// make the build read the machine itself or its LAN (127.0.0.1, 10.x, 192.168.x, fe80::, fd00::
// ...) and publish what it finds. fetch_url checks the address libcurl actually connects to, so
// names that resolve to such an address and redirects to one are refused as well.

#include <string>
#include <string_view>

struct sockaddr;

namespace briefcast {

// Whether `address` (AF_INET or AF_INET6) is on the public internet: not unspecified, loopback,
// private (10/8, 172.16/12, 192.168/16, 100.64/10 shared), link-local (169.254/16, fe80::/10),
// unique-local (fc00::/7), site-local (fec0::/10), multicast, reserved (0/8, 240/4, 192.0.0/24,
// 198.18/15, 255.255.255.255), nor an IPv6 form of such an IPv4 address (::ffff:a.b.c.d,
// ::a.b.c.d, 64:ff9b::/96, 2002::/16). Other families are not public.
bool is_public_address(const sockaddr* address);

// The same for an address written as text ("10.0.0.1", "::1"); false when it is not one.
bool is_public_address(std::string_view numeric);

// The address as text ("127.0.0.1", "::1"); "" for other families.
std::string address_text(const sockaddr* address);
// The port of an AF_INET or AF_INET6 address, 0 for other families.
int address_port(const sockaddr* address);

}  // namespace briefcast
