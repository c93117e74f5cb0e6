#include "serve/listen_socket.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>

#include "base/error.hpp"
#include "support/error_capture.hpp"

using namespace briefcast;

TEST_CASE("listen socket: port 0 gets the kernel's port, a taken port says why", "[serve]") {
  std::string port;
  {
    ListenSocket first("127.0.0.1", 0);
    REQUIRE(first.fd() >= 0);
    REQUIRE(first.port() > 0);
    port = std::to_string(first.port());
    CHECK(test::error_message([&] { ListenSocket second("127.0.0.1", first.port()); },
                              ExitCode::network) ==
          "cannot listen on 127.0.0.1:" + port + ": address in use");
  }
  // Closed with its owner: the port is free again.
  ListenSocket again("127.0.0.1", std::stoi(port));
  CHECK(again.port() == std::stoi(port));
  int fd = again.release();
  CHECK(again.fd() == -1);
  ::close(fd);
}

TEST_CASE("listen socket: addresses of other machines and unknown hosts", "[serve]") {
  // 192.0.2.0/24 is reserved for documentation: never an address of this machine.
  CHECK(test::error_message([] { ListenSocket s("192.0.2.1", 0); }, ExitCode::network) ==
        "cannot listen on 192.0.2.1:0: address not available on this machine");
  std::string unknown =
      test::error_message([] { ListenSocket s("no-such-host.invalid", 8080); }, ExitCode::network);
  CHECK(unknown.rfind("cannot listen on no-such-host.invalid:8080: ", 0) == 0);
  CHECK(unknown.size() > std::string("cannot listen on no-such-host.invalid:8080: ").size());
}
