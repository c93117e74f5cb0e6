#include "net/address_policy.hpp"

#include <catch2/catch.hpp>

using briefcast::is_public_address;

TEST_CASE("address policy: loopback, private, link-local and unique-local are not public",
          "[sources]") {
  for (const char* inside : {"127.0.0.1",
                             "127.255.0.9",
                             "10.1.2.3",
                             "172.16.0.1",
                             "172.31.255.255",
                             "192.168.1.1",
                             "169.254.169.254",
                             "100.64.0.1",
                             "0.0.0.0",
                             "224.0.0.1",
                             "255.255.255.255",
                             "::",
                             "::1",
                             "fe80::1",
                             "fc00::1",
                             "fd12:3456::1",
                             "fec0::1",
                             "ff02::1",
                             "::ffff:127.0.0.1",
                             "::ffff:10.0.0.1",
                             "::127.0.0.1",
                             "64:ff9b::a00:1",
                             "2002:c0a8:101::1"}) {
    INFO(inside);
    CHECK_FALSE(is_public_address(inside));
  }
  for (const char* outside : {"93.184.216.34", "8.8.8.8", "172.32.0.1", "192.169.0.1",
                              "2606:4700::1111", "::ffff:8.8.8.8", "2002:808:808::1"}) {
    INFO(outside);
    CHECK(is_public_address(outside));
  }
  CHECK_FALSE(is_public_address("not an address"));
  CHECK_FALSE(is_public_address("localhost"));
}
