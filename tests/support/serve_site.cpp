#include "support/serve_site.hpp"

#include <random>

namespace briefcast::test {

namespace fs = std::filesystem;

std::string random_bytes(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(rng() & 0xff);
  return s;
}

HttpResult curl(const std::string& args, const std::string& url) {
  TempDir d;
  std::string cmd = "curl -sS --max-time 20 -D " + (d / "h").string() + " -o " +
                    (d / "b").string() + " " + args + " '" + url + "'";
  auto run = test::run_shell(cmd, 30);
  HttpResult r;
  if (fs::exists(d / "h")) test::parse_head(test::read_file(d / "h"), r);
  if (fs::exists(d / "b")) r.body = test::read_file(d / "b");
  return r;
}

Site::Site() {
  fs::create_directories(root / "sub");
  test::write_file(root / "feed.xml", feed);
  test::write_file(root / "ep1.mp3", mp3);
  test::write_file(root / "ep1.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n");
  test::write_file(root / "ep1.srt", "1\n00:00:00,000 --> 00:00:01,000\nHello\n");
  test::write_file(root / "ep1.chapters.json", R"({"version":"1.2.0","chapters":[]})");
  test::write_file(root / "ep1.json", R"({"a":1})");
  test::write_file(root / "ep1.html", "<p>notes</p>");
  test::write_file(root / "cover.jpg", random_bytes(2000, 2));
  test::write_file(root / "cover.png", random_bytes(2000, 3));
  test::write_file(root / "cover.webp", random_bytes(2000, 4));
  test::write_file(root / "sub" / "ep2.mp3", random_bytes(5000, 5));
  test::write_file(root / ".feed.xml.tmp-ab12CD", "half a feed");
  test::write_file(root / ".hidden.mp3", "hidden");
  test::write_file(tmp / "secret.mp3", "SECRET BYTES");
  fs::create_symlink(tmp / "secret.mp3", root / "link-out.mp3");
  fs::create_symlink(tmp.path(), root / "dir-out");
  fs::create_symlink(root / "ep1.mp3", root / "link-in.mp3");
  // What build keeps private, and an innocent name leading into it.
  fs::create_directories(root / ".briefcast");
  fs::create_directories(root / "episodes");
  test::write_file(root / ".briefcast" / "state.json", R"({"SECRET":"state"})");
  fs::create_symlink("../.briefcast/state.json", root / "episodes" / "x.json");
}
}  // namespace briefcast::test
