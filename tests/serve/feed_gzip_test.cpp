// The feed's gzip form: what gzip(1) reads back, compressed once per version of the file.
#include "serve/feed_gzip.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/test_support.hpp"

using namespace briefcast;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

// The bytes gzip -dc makes of `gz`.
std::string gunzip(const std::string& gz) {
  TempDir d;
  test::write_file(d / "x.gz", gz);
  auto r = test::run_shell("gzip -dc '" + (d / "x.gz").string() + "'");
  REQUIRE(r.exit_code == 0);
  return r.out;
}

}  // namespace

TEST_CASE("feed gzip: gzip(1) reads back the bytes", "[serve]") {
  std::string feed = "<rss>";
  for (int i = 0; i < 2000; ++i)
    feed += "<item><title>Story " + std::to_string(i) + "</title></item>";
  feed += "</rss>\n";
  auto gz = gzip_compress(feed);
  REQUIRE(gz);
  CHECK(gz->size() < feed.size() / 4);
  CHECK(gz->substr(0, 2) == "\x1f\x8b");
  CHECK(gunzip(*gz) == feed);
  auto empty = gzip_compress("");
  REQUIRE(empty);
  CHECK(gunzip(*empty).empty());
}

TEST_CASE("feed gzip: compressed once per version of the file", "[serve]") {
  TempDir d;
  fs::create_directories(d / "out");
  fs::path root = fs::canonical(d / "out");
  test::write_file(root / "feed.xml", "<rss>first</rss>");
  FeedGzipCache cache;
  auto first = open_published_file(root, "/feed.xml", "");
  REQUIRE(first);
  auto a = cache.get(*first), b = cache.get(*first);
  REQUIRE(a);
  CHECK(a == b);  // the same bytes, not compressed again
  CHECK(gunzip(*a) == "<rss>first</rss>");
  // build renames a new feed over the old one: a new ETag, a new gzip form.
  test::write_file(d / "new.xml", "<rss>second, longer</rss>");
  fs::rename(d / "new.xml", root / "feed.xml");
  auto second = open_published_file(root, "/feed.xml", "");
  REQUIRE(second);
  auto c = cache.get(*second);
  REQUIRE(c);
  CHECK(c != a);
  CHECK(gunzip(*c) == "<rss>second, longer</rss>");
}
