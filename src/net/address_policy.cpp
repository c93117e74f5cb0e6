#include "net/address_policy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace briefcast {

namespace {

bool public_v4(std::uint32_t a) {  // host byte order
  auto in = [&](std::uint32_t net, int bits) {
    const std::uint32_t mask = bits == 0 ? 0 : ~std::uint32_t{0} << (32 - bits);
    return (a & mask) == net;
  };
  return !(in(0x00000000, 8) || in(0x0A000000, 8) || in(0x64400000, 10) || in(0x7F000000, 8) ||
           in(0xA9FE0000, 16) || in(0xAC100000, 12) || in(0xC0000000, 24) || in(0xC0A80000, 16) ||
           in(0xC6120000, 15) || in(0xE0000000, 4) ||
           in(0xF0000000, 4));  // 240/4 includes 255.255.255.255
}

std::uint32_t v4_at(const unsigned char* b) {
  return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) |
         b[3];
}

bool public_v6(const unsigned char* b) {
  static const unsigned char zero[12] = {};
  static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  static const unsigned char nat64[12] = {0, 0x64, 0xFF, 0x9B};
  if (std::memcmp(b, zero, 12) == 0 || std::memcmp(b, mapped, 12) == 0 ||
      std::memcmp(b, nat64, 12) == 0)
    return public_v4(v4_at(b + 12));  // ::, ::1 and ::a.b.c.d land here too (0/8 is not public)
  if (b[0] == 0x20 && b[1] == 0x02) return public_v4(v4_at(b + 2));  // 6to4
  if ((b[0] & 0xFE) == 0xFC) return false;                           // fc00::/7 unique-local
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return false;           // fe80::/10 link-local
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return false;           // fec0::/10 site-local
  if (b[0] == 0xFF) return false;                                    // multicast
  return true;
}

}  // namespace

bool is_public_address(const sockaddr* address) {
  if (!address) return false;
  if (address->sa_family == AF_INET) {
    sockaddr_in in{};
    std::memcpy(&in, address, sizeof in);
    return public_v4(ntohl(in.sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    sockaddr_in6 in6{};
    std::memcpy(&in6, address, sizeof in6);
    return public_v6(in6.sin6_addr.s6_addr);
  }
  return false;
}

bool is_public_address(std::string_view numeric) {
  const std::string text(numeric);
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return public_v4(ntohl(v4.s_addr));
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) return public_v6(v6.s6_addr);
  return false;
}

std::string address_text(const sockaddr* address) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address && address->sa_family == AF_INET) {
    sockaddr_in in{};
    std::memcpy(&in, address, sizeof in);
    if (inet_ntop(AF_INET, &in.sin_addr, text, sizeof text)) return text;
  } else if (address && address->sa_family == AF_INET6) {
    sockaddr_in6 in6{};
    std::memcpy(&in6, address, sizeof in6);
    if (inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof text)) return text;
  }
  return {};
}

int address_port(const sockaddr* address) {
  if (address && address->sa_family == AF_INET) {
    sockaddr_in in{};
    std::memcpy(&in, address, sizeof in);
    return ntohs(in.sin_port);
  }
  if (address && address->sa_family == AF_INET6) {
    sockaddr_in6 in6{};
    std::memcpy(&in6, address, sizeof in6);
    return ntohs(in6.sin6_port);
  }
  return 0;
}

}  // namespace briefcast
