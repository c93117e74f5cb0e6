#pragma once
// What `briefcast serve` answers to one request head, decided without the HTTP library: the
// caps on the head (431), the methods (405; 204 for OPTIONS) and, for GET and HEAD, the
// published file with the rules of file_response.hpp. http_server.cpp reads the head from the
// library and hands it what is decided here.

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "serve/feed_gzip.hpp"
#include "serve/published_file.hpp"

namespace briefcast {

// One request head as received.
struct RequestHead {
  std::string method;             // as sent, e.g. "GET"
  std::string target;             // request-target as sent (percent-encoded, query included)
  std::size_t header_fields = 0;  // number of header fields
  std::size_t header_bytes = 0;   // request line and headers together, bytes
  // The value of a header (name case-insensitive), nullopt when absent.
  std::function<std::optional<std::string>(const char* name)> header;
};

// The caps on a request head (ServeOptions has the defaults and their reasons).
struct HeadLimits {
  std::size_t max_header_fields = 100;
  std::size_t max_header_bytes = 8192;
};

// The bytes of an answer's body: a range of an open published file, or bytes in memory (the
// feed's gzip form). Shares ownership of both, so it may outlive the request that made it.
struct AnswerBody {
  std::shared_ptr<const PublishedFile> file;
  std::shared_ptr<const std::string> bytes;  // when set, the body (file unused)
  std::uint64_t first = 0;                   // first byte of the file sent
  std::uint64_t length = 0;                  // bytes sent
  // Reads up to `n` bytes from body position `pos` (0 = first byte sent) into `buf`; returns
  // the bytes read, never past `length`; 0 or less when the file turned out shorter or reading
  // failed (the connection must then be closed rather than send fewer bytes than announced).
  ssize_t read(std::uint64_t pos, char* buf, std::size_t n) const;
};

struct Answer {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // all but Content-Length
  // Content-Length: the body's length, or for 304 what a 200 would carry (RFC 9110 §8.6);
  // HEAD announces it and sends nothing.
  std::uint64_t length = 0;
  std::optional<AnswerBody> body;  // nullopt: no body bytes
};

// The refusals decided from the head alone: 431 when it has more than max_header_fields fields
// or more than max_header_bytes bytes, 405 (Allow: GET, HEAD, OPTIONS) for any other method.
// nullopt: answer() serves it.
std::optional<Answer> refusal(const RequestHead& head, const HeadLimits& limits);

// The answer to a GET, HEAD or OPTIONS head: 204 with the CORS preflight headers for OPTIONS;
// otherwise the published file the target's path names under `root` (canonical) behind
// `token` (open_published_file), 404 (Content-Type text/plain, no body) when there is none,
// else plan_file_response's answer, the feed compressed through `gzip` when it applies.
// Throws only std::bad_alloc.
Answer answer(const RequestHead& head, const std::filesystem::path& root, std::string_view token,
              FeedGzipCache& gzip);

}  // namespace briefcast
