// Which file a `serve` request names, opened safely: published files under the root only, never
// dotfiles, temporaries, folders, FIFOs or anything a symlink leads to outside the root; the
// facts the HTTP rules need; reads from the descriptor that was opened.
#include "serve/published_file.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/test_support.hpp"

using namespace briefcast;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

struct Root {
  TempDir tmp;
  fs::path root;
  Root() {
    fs::create_directories(tmp / "out" / "sub");
    root = fs::canonical(tmp / "out");
    test::write_file(root / "feed.xml", "<rss>feed</rss>");
    test::write_file(root / "sub" / "ep2.mp3", "ID3 episode two");
    test::write_file(root / ".hidden.mp3", "hidden");
    test::write_file(root / ".feed.xml.tmp-ab12CD", "half a feed");
    test::write_file(root / "run.sh", "not published");
    fs::create_directories(root / "folder.mp3");
    test::write_file(tmp / "secret.mp3", "SECRET BYTES");
    fs::create_symlink(tmp / "secret.mp3", root / "link-out.mp3");
    fs::create_symlink(tmp.path(), root / "dir-out");
    fs::create_symlink(root / "sub" / "ep2.mp3", root / "link-in.mp3");
    REQUIRE(::mkfifo((root / "pipe.mp3").c_str(), 0644) == 0);
    // Innocent names leading into what build keeps private.
    fs::create_directories(root / ".briefcast");
    fs::create_directories(root / "episodes");
    test::write_file(root / ".briefcast" / "state.json", R"({"secret":"state"})");
    fs::create_symlink("../.briefcast/state.json", root / "episodes" / "x.json");
    fs::create_symlink(".briefcast", root / "private");
    fs::create_symlink(".hidden.mp3", root / "hidden-link.mp3");
  }
};

}  // namespace

TEST_CASE("published file: facts and bytes of a file under the root", "[serve]") {
  Root r;
  auto f = open_published_file(r.root, "/feed.xml", "");
  REQUIRE(f);
  CHECK(f->relative_path() == "feed.xml");
  struct stat sb {};
  REQUIRE(::stat((r.root / "feed.xml").c_str(), &sb) == 0);
  CHECK(f->facts().type.content_type == "application/rss+xml; charset=utf-8");
  CHECK(f->facts().type.is_feed);
  CHECK(f->facts().size == 15);
  CHECK(f->facts().mtime == sb.st_mtim.tv_sec);
  CHECK(f->facts().etag ==
        make_etag(static_cast<std::uint64_t>(sb.st_ino), 15,
                  static_cast<std::int64_t>(sb.st_mtim.tv_sec) * 1000000000 + sb.st_mtim.tv_nsec));
  CHECK(f->read_all() == "<rss>feed</rss>");
  char buf[8] = {};
  CHECK(f->read_at(5, buf, 4) == 4);
  CHECK(std::string(buf, 4) == "feed");
  CHECK(f->read_at(15, buf, 4) == 0);

  auto sub = open_published_file(r.root, "/sub/ep%32.mp3", "");
  REQUIRE(sub);
  CHECK(sub->relative_path() == "sub/ep2.mp3");
  CHECK(sub->facts().type.content_type == "audio/mpeg");
  auto in = open_published_file(r.root, "/link-in.mp3", "");  // a symlink inside the root
  REQUIRE(in);
  CHECK(in->read_all() == "ID3 episode two");
}

TEST_CASE("published file: everything else is refused", "[serve]") {
  Root r;
  for (const char* path :
       {"/.hidden.mp3", "/.feed.xml.tmp-ab12CD", "/run.sh", "/folder.mp3", "/pipe.mp3",
        "/link-out.mp3", "/dir-out/secret.mp3", "/missing.mp3", "/../secret.mp3", "/sub/", "/",
        "/episodes/x.json", "/private/state.json", "/hidden-link.mp3"}) {
    INFO(path);
    CHECK_FALSE(open_published_file(r.root, path, ""));
  }
}

TEST_CASE("published file: the folder's own path is its show page, no other folder", "[serve]") {
  Root r;
  CHECK_FALSE(open_published_file(r.root, "/", ""));  // no index.html yet: 404, never a listing
  test::write_file(r.root / "index.html", "<!DOCTYPE html><title>show</title>");
  test::write_file(r.root / "sub" / "index.html", "<!DOCTYPE html><title>sub</title>");
  auto f = open_published_file(r.root, "/", "");
  REQUIRE(f);
  CHECK(f->relative_path() == "index.html");
  CHECK(f->facts().type.content_type == "text/html; charset=utf-8");
  CHECK(f->read_all() == "<!DOCTYPE html><title>show</title>");
  for (const char* path : {"/sub/", "/sub", "/episodes/", "//", "/./"}) {
    INFO(path);
    CHECK_FALSE(open_published_file(r.root, path, ""));
  }
  auto behind = open_published_file(r.root, "/s3cret/", "s3cret");
  REQUIRE(behind);
  CHECK(behind->relative_path() == "index.html");
  CHECK_FALSE(open_published_file(r.root, "/", "s3cret"));
  CHECK_FALSE(open_published_file(r.root, "/s3cret", "s3cret"));
}

TEST_CASE("published file: a root inside a dot folder is served", "[serve]") {
  TempDir tmp;
  fs::create_directories(tmp / ".local" / "pod");
  fs::path root = fs::canonical(tmp / ".local" / "pod");
  test::write_file(root / "feed.xml", "<rss/>");
  auto f = open_published_file(root, "/feed.xml", "");
  REQUIRE(f);
  CHECK(f->read_all() == "<rss/>");
}

TEST_CASE("published file: the token is the first segment", "[serve]") {
  Root r;
  auto f = open_published_file(r.root, "/s3cret/feed.xml", "s3cret");
  REQUIRE(f);
  CHECK(f->relative_path() == "feed.xml");
  CHECK_FALSE(open_published_file(r.root, "/feed.xml", "s3cret"));
}

TEST_CASE("published file: a file renamed over keeps the opened bytes", "[serve]") {
  Root r;
  auto f = open_published_file(r.root, "/feed.xml", "");
  REQUIRE(f);
  test::write_file(r.tmp / "new.xml", "<rss>a newer, longer feed</rss>");
  fs::rename(r.tmp / "new.xml", r.root / "feed.xml");
  CHECK(f->read_all() == "<rss>feed</rss>");
  auto again = open_published_file(r.root, "/feed.xml", "");
  REQUIRE(again);
  CHECK(again->read_all() == "<rss>a newer, longer feed</rss>");
  CHECK(again->facts().etag != f->facts().etag);
}
