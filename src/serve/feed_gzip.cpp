#include "serve/feed_gzip.hpp"

#include <zlib.h>

#include <climits>
#include <optional>

namespace briefcast {

std::shared_ptr<const std::string> gzip_compress(std::string_view data) {
  // Feeds are at most kMaxGzipFeedBytes (16 MiB), far below zlib's 32-bit counters.
  if (data.size() > UINT_MAX / 2) return nullptr;
  z_stream z{};
  // 15 + 16: a gzip header and trailer around the deflate stream; 8: zlib's default memory level.
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return nullptr;
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) return nullptr;
  return std::make_shared<const std::string>(std::move(out));
}

std::shared_ptr<const std::string> FeedGzipCache::get(const PublishedFile& file) {
  const std::string& rel = file.relative_path();
  const std::string& etag = file.facts().etag;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = cache_.find(rel);
    if (it != cache_.end() && it->second.first == etag) return it->second.second;
  }
  std::optional<std::string> plain = file.read_all();
  if (!plain) return nullptr;
  auto gz = gzip_compress(*plain);
  if (!gz) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  if (cache_.size() >= 16) cache_.clear();
  cache_[rel] = {etag, gz};
  return gz;
}

}  // namespace briefcast
