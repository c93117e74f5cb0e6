#pragma once
// The address `briefcast serve` listens on, as users see it: how it is written in a URL, whether
// strangers can reach it, whether the feed's base URL points at it, and why it cannot be bound.
//
// Pure functions over strings and numbers.
// Nothing here throws except std::bad_alloc. Host names are compared case-insensitively; no
// name is resolved.

#include <optional>
#include <string>
#include <vector>

namespace briefcast {

// True for "localhost", "::1" and any "127.*" address: only this machine can connect.
bool is_loopback_host(const std::string& host);

// True for "", "0.0.0.0" and "::": every interface of this machine.
bool is_wildcard_host(const std::string& host);

// The host as written in a URL: IPv6 literals in brackets ("::1" → "[::1]"), others unchanged.
std::string host_for_url(const std::string& host);

// The warning for a server anyone on the network may read: listening on `bind` (not loopback)
// with an empty `token`. `root` names the folder served, as the user gave it. nullopt when the
// server is private to this machine or needs the token:
//   "listening on 0.0.0.0 without --token: anyone who can reach this machine can read every
//    file in ROOT"
std::optional<std::string> open_access_warning(const std::string& bind, const std::string& token,
                                               const std::string& root);

// The warning about a feed base URL that does not point at where serve listens
// ("http://HOST:PORT/" plus "TOKEN/" when a token is used), or nullopt when it does.
// "localhost" and 127.x count as the same host. Different scheme, port or path prefix warn.
// For a wildcard bind (0.0.0.0, ::) `hosts` are the addresses it is reached at
// (reachable_hosts in interface_addresses.hpp): an address in the base URL must be one of them
// (so a loopback base URL warns when the machine has a LAN address: other devices would get
// enclosures at 127.0.0.1), a host name is accepted as it is (no name is resolved); with no
// `hosts` any host is accepted. The message names the first of `hosts` in its suggestion.
// The token is never part of the message (each occurrence becomes "***").
std::optional<std::string> base_url_warning(const std::string& base_url, const std::string& bind,
                                            int port, const std::string& token,
                                            const std::vector<std::string>& hosts = {});

// Whether `a` and `b` name the same IP address however each is written ("2001:DB8::1" and
// "2001:db8:0::1"); false when either is not a numeric address.
bool same_ip_address(const std::string& a, const std::string& b);

// Why binding failed, from the errno of the failed bind/listen/socket call: "address in use",
// "address not available on this machine", "permission denied (ports below 1024 need
// privileges)", else strerror lower-cased; "cannot bind" for 0 (no error recorded).
std::string bind_error_text(int err);

}  // namespace briefcast
