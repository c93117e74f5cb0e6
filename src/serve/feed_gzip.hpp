#pragma once
// The gzip form of the feed for `briefcast serve`: compressed with zlib once per version of the
// file (its ETag) and kept while that version is served, so a podcast app polling every few
// minutes costs no compression. Only the feed is ever compressed (file_response.hpp decides).

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "serve/published_file.hpp"

namespace briefcast {

// `data` as a gzip member (RFC 1952), or nullptr when zlib fails. Never throws (but
// std::bad_alloc).
std::shared_ptr<const std::string> gzip_compress(std::string_view data);

// Thread-safe cache of gzip forms by path and ETag; holds at most 16 files.
class FeedGzipCache {
 public:
  // The gzip form of `file` (read whole from its descriptor), or nullptr when the file turned
  // out shorter than its facts say or compression failed (then it is sent as stored).
  std::shared_ptr<const std::string> get(const PublishedFile& file);

 private:
  std::mutex mu_;
  // relative path -> (ETag, gzip bytes)
  std::map<std::string, std::pair<std::string, std::shared_ptr<const std::string>>> cache_;
};

}  // namespace briefcast
