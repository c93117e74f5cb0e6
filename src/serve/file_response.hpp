#pragma once
// What `briefcast serve` answers to one GET or HEAD of a published file, decided from the file's
// facts and the request's headers alone: a pure function, so every combination of validators,
// ranges and compression can be tested with literals. http_server.cpp opens the file, compresses
// the feed and sends; the single rules (ranges, dates, ETags, conditions) are in http_files.hpp.
//
// Precedence, as RFC 9110 orders it for a GET/HEAD:
//   1. ETag, Last-Modified, Accept-Ranges (and CORS / Vary / Cache-Control by type) on every
//      answer, 304 included;
//   2. 304 Not Modified when If-None-Match (or, without it, If-Modified-Since) says unchanged;
//   3. the feed's gzip form, when offered (wants_gzip) and compressed, with its own ETag;
//   4. a Range honoured only when If-Range is absent or still matches: one satisfiable range
//      → 206, unsatisfiable → 416, anything else (none, ignored, several) → 200, whole file.

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "serve/http_files.hpp"

namespace briefcast {

// The request headers that matter, as sent; empty strings for absent headers except Range,
// whose mere presence turns gzip off.
struct FileRequest {
  std::optional<std::string> range;  // Range; nullopt: absent
  std::string if_range;              // If-Range
  std::string if_none_match;         // If-None-Match
  std::string if_modified_since;     // If-Modified-Since
  std::string accept_encoding;       // Accept-Encoding
};

// Feeds larger than this (bytes) are sent as stored rather than held in memory to compress them.
inline constexpr std::uint64_t kMaxGzipFeedBytes = 16u << 20;

// True when the file should be answered in its gzip form: the feed (never audio or anything
// else), at most kMaxGzipFeedBytes, no Range header, and Accept-Encoding accepting gzip.
bool wants_gzip(const FileFacts& file, const FileRequest& request);

// The gzip form's strong ETag, distinct from the stored file's: "\"a-b-c\"" → "\"a-b-c-gz\"".
std::string gzip_etag(const std::string& etag);

// The decided answer. HEAD sends the same status and headers without the body.
struct FileResponse {
  enum class Body {
    none,  // no body: 304, 416, or an empty file (Content-Length: 0)
    gzip,  // the feed's gzip form, with Content-Encoding: gzip
    file,  // `length` bytes of the stored file from byte `first`
  };
  int status = 200;                                          // 200, 206, 304 or 416
  std::vector<std::pair<std::string, std::string>> headers;  // name, value; set in this order
  Body body = Body::none;
  std::uint64_t first = 0;   // Body::file: first byte sent (0 unless 206)
  std::uint64_t length = 0;  // Body::file: bytes sent, > 0
  std::string content_type;  // Content-Type of the body (Body::gzip, Body::file)
};

// Decides the answer. `gzip_size` is the size in bytes of the feed's gzip form when wants_gzip()
// was true and compressing it succeeded; nullopt sends the file as stored. Never throws (except
// std::bad_alloc).
FileResponse plan_file_response(const FileFacts& file, const FileRequest& request,
                                std::optional<std::uint64_t> gzip_size);

}  // namespace briefcast
