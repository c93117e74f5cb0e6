#pragma once
// The two ends of one request on a libmicrohttpd connection, kept apart from the server's
// life cycle in http_server.cpp: reading the request head as request_answer.hpp needs it, and
// queuing an Answer (its headers, and its body streamed from the published file in blocks).

#include <microhttpd.h>

#include <cstdint>
#include <string>

#include "serve/request_answer.hpp"

namespace briefcast {

// The head of the request on `c`: method and target as the caller recorded them (as sent, never
// decoded), the header count and bytes for the caps, and a lookup of single header values.
// The lookup is valid while the library's request on `c` lasts.
RequestHead connection_head(MHD_Connection* c, const std::string& method,
                            const std::string& target);

// Queues `a` on `c`. The body is read in 32 KiB blocks as the library sends it; every block
// handed over adds its size to `*bytes_sent`, which must outlive the response (the request's
// completion callback reads it). A 304 or HEAD answer announces its length and sends no body.
// A body that ends before its announced length aborts the connection rather than send less.
// False when the library refused the response (out of memory, or the connection is closing).
bool queue_answer(MHD_Connection* c, Answer a, std::uint64_t* bytes_sent);

}  // namespace briefcast
