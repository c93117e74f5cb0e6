// The answer `briefcast serve` gives to one GET/HEAD of a published file, decided from literals:
// validators on every answer, 304 before anything else, gzip only for the feed, ranges only while
// If-Range matches, 416 with the size.
#include "serve/file_response.hpp"

#include <catch2/catch.hpp>
#include <map>

using namespace briefcast;
using Body = FileResponse::Body;

namespace {

constexpr std::time_t kMtime = 784111777;  // Sun, 06 Nov 1994 08:49:37 GMT
const std::string kDate = "Sun, 06 Nov 1994 08:49:37 GMT";
const std::string kTag = "\"c-3e8-abc\"";

FileFacts audio(std::uint64_t size = 1000) {
  return {*file_type_for("ep.mp3"), size, kMtime, kTag};
}
FileFacts feed(std::uint64_t size = 5000) {
  return {*file_type_for("feed.xml"), size, kMtime, kTag};
}

std::map<std::string, std::string> headers(const FileResponse& r) {
  std::map<std::string, std::string> m;
  for (auto& [name, value] : r.headers) {
    INFO(name);
    CHECK(m.count(name) == 0);  // each header once
    m[name] = value;
  }
  return m;
}

}  // namespace

TEST_CASE("file response: the whole file with its validators", "[serve]") {
  FileResponse r = plan_file_response(audio(), {}, std::nullopt);
  CHECK(r.status == 200);
  CHECK(r.body == Body::file);
  CHECK(r.first == 0);
  CHECK(r.length == 1000);
  CHECK(r.content_type == "audio/mpeg");
  CHECK(headers(r) == std::map<std::string, std::string>{
                          {"ETag", kTag}, {"Last-Modified", kDate}, {"Accept-Ranges", "bytes"}});

  FileResponse vtt = plan_file_response({*file_type_for("a.vtt"), 10, kMtime, kTag}, {}, {});
  CHECK(headers(vtt)["Access-Control-Allow-Origin"] == "*");
  CHECK(vtt.content_type == "text/vtt; charset=utf-8");

  FileResponse f = plan_file_response(feed(), {}, std::nullopt);
  auto h = headers(f);
  CHECK(h["Vary"] == "Accept-Encoding");
  CHECK(h["Cache-Control"] == "no-cache");
  CHECK(h.count("Access-Control-Allow-Origin") == 0);
  CHECK(f.content_type == "application/rss+xml; charset=utf-8");
}

TEST_CASE("file response: an empty file has no body to stream", "[serve]") {
  FileResponse r = plan_file_response(audio(0), {}, std::nullopt);
  CHECK(r.status == 200);
  CHECK(r.body == Body::none);
  CHECK(headers(r)["Content-Type"] == "audio/mpeg");
}

TEST_CASE("file response: 304 for unchanged files, with the length a 200 would have", "[serve]") {
  FileRequest q;
  q.if_none_match = kTag;
  FileResponse r = plan_file_response(audio(), q, std::nullopt);
  CHECK(r.status == 304);
  CHECK(r.body == Body::none);
  auto h = headers(r);
  CHECK(h["Content-Length"] == "1000");
  CHECK(h["ETag"] == kTag);
  CHECK(h["Last-Modified"] == kDate);

  q = {};
  q.if_modified_since = kDate;
  CHECK(plan_file_response(audio(), q, std::nullopt).status == 304);
  q.if_none_match = "\"other\"";  // If-None-Match decides when both are sent
  CHECK(plan_file_response(audio(), q, std::nullopt).status == 200);

  // 304 wins over a Range.
  q = {};
  q.if_none_match = kTag;
  q.range = "bytes=0-9";
  CHECK(plan_file_response(audio(), q, std::nullopt).status == 304);
}

TEST_CASE("file response: gzip only for the feed, with its own ETag", "[serve]") {
  FileRequest q;
  q.accept_encoding = "gzip, deflate";
  CHECK(wants_gzip(feed(), q));
  CHECK_FALSE(wants_gzip(audio(), q));
  CHECK_FALSE(wants_gzip(feed(kMaxGzipFeedBytes + 1), q));
  CHECK(wants_gzip(feed(kMaxGzipFeedBytes), q));
  FileRequest ranged = q;
  ranged.range = "";  // present, even empty: the bytes asked for are the stored ones
  CHECK_FALSE(wants_gzip(feed(), ranged));
  CHECK_FALSE(wants_gzip(feed(), {}));
  CHECK(gzip_etag(kTag) == "\"c-3e8-abc-gz\"");

  FileResponse r = plan_file_response(feed(), q, 812);
  CHECK(r.status == 200);
  CHECK(r.body == Body::gzip);
  CHECK(r.content_type == "application/rss+xml; charset=utf-8");
  auto h = headers(r);
  CHECK(h["Content-Encoding"] == "gzip");
  CHECK(h["ETag"] == "\"c-3e8-abc-gz\"");

  // The gzip form is revalidated by its own tag; the stored file's tag no longer matches it.
  q.if_none_match = "\"c-3e8-abc-gz\"";
  r = plan_file_response(feed(), q, 812);
  CHECK(r.status == 304);
  CHECK(headers(r)["Content-Length"] == "812");
  q.if_none_match = kTag;
  CHECK(plan_file_response(feed(), q, 812).status == 200);
}

TEST_CASE("file response: one range is 206, beyond the end 416", "[serve]") {
  FileRequest q;
  q.range = "bytes=100-199";
  FileResponse r = plan_file_response(audio(), q, std::nullopt);
  CHECK(r.status == 206);
  CHECK(r.body == Body::file);
  CHECK(r.first == 100);
  CHECK(r.length == 100);
  CHECK(headers(r)["Content-Range"] == "bytes 100-199/1000");

  q.range = "bytes=-10";
  r = plan_file_response(audio(), q, std::nullopt);
  CHECK((r.status == 206 && r.first == 990 && r.length == 10));

  q.range = "bytes=1000-";
  r = plan_file_response(audio(), q, std::nullopt);
  CHECK(r.status == 416);
  CHECK(r.body == Body::none);
  CHECK(headers(r)["Content-Range"] == "bytes */1000");
  CHECK(headers(r)["ETag"] == kTag);

  q.range = "bytes=0-1,5-6";  // several ranges: the whole file
  r = plan_file_response(audio(), q, std::nullopt);
  CHECK((r.status == 200 && r.first == 0 && r.length == 1000));
  CHECK(headers(r).count("Content-Range") == 0);
}

TEST_CASE("file response: If-Range keeps a range only for the same file", "[serve]") {
  FileRequest q;
  q.range = "bytes=0-9";
  q.if_range = kTag;
  CHECK(plan_file_response(audio(), q, std::nullopt).status == 206);
  q.if_range = kDate;
  CHECK(plan_file_response(audio(), q, std::nullopt).status == 206);
  q.if_range = "\"old\"";
  FileResponse r = plan_file_response(audio(), q, std::nullopt);
  CHECK((r.status == 200 && r.length == 1000));
  q.if_range = "W/" + kTag;  // weak tags never validate a range
  CHECK(plan_file_response(audio(), q, std::nullopt).status == 200);
  q.if_range = "Sun, 06 Nov 1994 08:49:36 GMT";
  CHECK(plan_file_response(audio(), q, std::nullopt).status == 200);
  q.range = "bytes=5000-";  // an unsatisfiable range of a changed file: the new file, whole
  CHECK(plan_file_response(audio(), q, std::nullopt).status == 200);
}
