#include "serve/file_response.hpp"

namespace briefcast {

bool wants_gzip(const FileFacts& file, const FileRequest& request) {
  return file.type.is_feed && file.size <= kMaxGzipFeedBytes && !request.range &&
         accepts_gzip(request.accept_encoding);
}

std::string gzip_etag(const std::string& etag) { return etag.substr(0, etag.size() - 1) + "-gz\""; }

FileResponse plan_file_response(const FileFacts& file, const FileRequest& request,
                                std::optional<std::uint64_t> gzip_size) {
  FileResponse r;
  const bool use_gzip = gzip_size.has_value();
  const std::string etag = use_gzip ? gzip_etag(file.etag) : file.etag;
  r.headers = {
      {"ETag", etag}, {"Last-Modified", http_date(file.mtime)}, {"Accept-Ranges", "bytes"}};
  if (file.type.cors) r.headers.emplace_back("Access-Control-Allow-Origin", "*");
  if (file.type.is_feed) {
    r.headers.emplace_back("Vary", "Accept-Encoding");
    r.headers.emplace_back("Cache-Control", "no-cache");  // apps revalidate; 304 keeps it cheap
  }

  if (not_modified(request.if_none_match, request.if_modified_since, etag, file.mtime)) {
    r.status = 304;
    // Equal to what a 200 would carry (RFC 9110 §8.6), not "0".
    r.headers.emplace_back("Content-Length", std::to_string(use_gzip ? *gzip_size : file.size));
    return r;
  }
  if (use_gzip) {
    r.headers.emplace_back("Content-Encoding", "gzip");
    r.body = FileResponse::Body::gzip;
    r.content_type = file.type.content_type;
    return r;
  }

  RangeRequest range;
  if (request.range && if_range_allows(request.if_range, file.etag, file.mtime))
    range = parse_range(*request.range, file.size);
  if (range.kind == RangeRequest::Kind::unsatisfiable) {
    r.status = 416;
    r.headers.emplace_back("Content-Range", "bytes */" + std::to_string(file.size));
    return r;
  }
  r.length = file.size;
  if (range.kind == RangeRequest::Kind::partial) {
    r.status = 206;
    r.first = range.first;
    r.length = range.last - range.first + 1;
    r.headers.emplace_back("Content-Range", content_range(range.first, range.last, file.size));
  }
  if (r.length == 0) {  // an empty file: Content-Length: 0, written by the HTTP library
    r.headers.emplace_back("Content-Type", file.type.content_type);
    return r;
  }
  r.body = FileResponse::Body::file;
  r.content_type = file.type.content_type;
  return r;
}

}  // namespace briefcast
