#pragma once
// The HTTP rules `briefcast serve` applies to published files, as pure functions over values so
// they can be tested with literals: which request paths may be served, content types, byte
// ranges (RFC 9110 §14), validators (ETag, Last-Modified) and conditional requests (§13).
// No sockets, no files here: http_server.cpp stats and opens, these functions decide.

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace briefcast {

// How a file type is served.
struct FileType {
  std::string content_type;  // full Content-Type value, e.g. "text/vtt; charset=utf-8"
  bool cors = false;         // send Access-Control-Allow-Origin: * (transcripts, chapters, JSON)
  bool is_feed = false;      // the RSS feed: the only type ever gzip-compressed
};

// What the HTTP rules need to know about one published file as stored.
struct FileFacts {
  FileType type;           // from file_type_for()
  std::uint64_t size = 0;  // bytes as stored
  std::time_t mtime = 0;   // modification time, seconds since the epoch (Last-Modified)
  std::string etag;        // make_etag() of the stored file, quoted
};

// The type for a file name by its (case-insensitive) extension; nullopt for anything not
// published by briefcast (only a fixed list is served: feeds, audio, transcripts, chapters,
// JSON, show notes, images). `*.chapters.json` is `application/json+chapters`.
std::optional<FileType> file_type_for(std::string_view file_name);

// The file the served folder's own URL ("/") answers with: the show page `build` writes.
inline constexpr std::string_view kFolderPage = "index.html";

// Turns the request-target's path (raw, still percent-encoded, query already removed) into a
// path relative to the served root, or nullopt when it must be refused: not starting with '/',
// empty segments ("//"), any segment starting with '.' (so "..", ".", dotfiles and the
// `.NAME.tmp-XXXXXX` names `build` writes to), backslashes, control characters and NUL (raw or
// encoded), encoded '/' or '\' (%2F, %5C), malformed escapes, and paths ending in '/' (no
// directory listings) except the served folder itself: "/" (or "/TOKEN/") names kFolderPage, the
// show page. Encoded dots are decoded first, so "%2e%2e" is refused like "..".
// When `token` is not empty the first segment must equal it (token_matches) and is removed.
std::optional<std::string> safe_relative_path(std::string_view raw_path, std::string_view token);

// Whether the decoded first path segment `guess` equals `token`, in time that depends on neither
// the token's bytes nor its length: both are hashed (SHA-256) and the digests compared byte by
// byte without stopping early. False when hashing fails.
bool token_matches(std::string_view guess, std::string_view token);

// `s` percent-decoded for comparison only: a malformed escape stays as sent; `plus_as_space` for
// query strings ("a+b" → "a b").
std::string percent_decoded(std::string_view s, bool plus_as_space = false);

// `raw_path` for the access log: every segment, query name or value whose percent-decoded form
// contains the token (and any other occurrence of the token) replaced by "***", non-printable bytes
// and '%' escapes kept as sent but control bytes shown as %XX so a request cannot forge log lines.
std::string path_for_log(std::string_view raw_path, std::string_view token);

// What a Range header asks of a file of `size` bytes.
struct RangeRequest {
  enum class Kind {
    full,           // no Range, a Range that must be ignored (bad syntax, other unit) or
                    // several ranges (we answer 200 with the whole file rather than multipart)
    partial,        // one satisfiable range: 206 with bytes first..last (inclusive)
    unsatisfiable,  // 416 with Content-Range: bytes */size
  };
  // Positions of any length are numbers: one past 2^64 - 1 is past the end of the file, so
  // "bytes=0-99999999999999999999999" is 206 to the end and "bytes=99999999999999999999-" 416.
  Kind kind = Kind::full;
  std::uint64_t first = 0;  // first byte, inclusive (partial only)
  std::uint64_t last = 0;   // last byte, inclusive (partial only)
};
RangeRequest parse_range(std::string_view header, std::uint64_t size);

// "bytes 0-99/1234".
std::string content_range(std::uint64_t first, std::uint64_t last, std::uint64_t size);

// Strong ETag (quoted) from the inode, size and modification time in nanoseconds: unchanged while
// the file is untouched; a file renamed over the old one (what `build` does) gets a new one.
std::string make_etag(std::uint64_t inode, std::uint64_t size, std::int64_t mtime_ns);

// IMF-fixdate, always English and GMT: "Sun, 06 Nov 1994 08:49:37 GMT" (not strftime: locale).
std::string http_date(std::time_t t);
// The common log format's time, always English and UTC: "10/Oct/2026:13:55:36 +0000".
std::string common_log_time(std::time_t t);
// Parses IMF-fixdate, RFC 850 and asctime forms; nullopt when malformed.
std::optional<std::time_t> parse_http_date(std::string_view s);

// If-None-Match value (a list of tags or "*") against one quoted `etag`, weak comparison
// (W/"x" matches "x").
bool etag_matches_any(std::string_view if_none_match, std::string_view etag);

// If-Range: an ETag (strong comparison, W/ never matches) or an HTTP date (matches only when it
// equals Last-Modified). True when the Range header should be honoured.
bool if_range_allows(std::string_view if_range, std::string_view etag, std::time_t mtime);

// The condition of a GET/HEAD: true when 304 Not Modified is the answer. If-None-Match wins
// over If-Modified-Since (RFC 9110 §13.2.2); either may be empty (absent).
bool not_modified(std::string_view if_none_match, std::string_view if_modified_since,
                  std::string_view etag, std::time_t mtime);

// True when an Accept-Encoding value accepts gzip (q=0 refuses it).
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace briefcast
