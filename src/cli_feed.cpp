#include <curl/curl.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "c_deleter.hpp"
#include "cli_commands.hpp"
#include "error.hpp"
#include "feed_validator.hpp"

namespace briefcast {

namespace {

namespace fs = std::filesystem;

using CurlPtr = std::unique_ptr<CURL, CDeleter<curl_easy_cleanup>>;

// --- A minimal libcurl client for `validate URL`. The full fetcher (src/http_fetch.*) may replace
// it; this one only needs GET of one document and HEAD of each enclosure.

constexpr std::size_t kMaxFeedBytes = 32u << 20;  // a feed larger than 32 MiB is not a feed

CurlPtr new_request(const std::string& url) {
  static const CURLcode init = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (init != CURLE_OK)
    throw Error(ExitCode::network, std::string("libcurl: ") + curl_easy_strerror(init));
  CurlPtr c(curl_easy_init());
  if (!c) throw Error(ExitCode::network, "libcurl: cannot create a request");
  curl_easy_setopt(c.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(c.get(), CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c.get(), CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(c.get(), CURLOPT_CONNECTTIMEOUT, 15L);
  curl_easy_setopt(c.get(), CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(c.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c.get(), CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c.get(), CURLOPT_USERAGENT, "briefcast/" BRIEFCAST_VERSION " (validate)");
  return c;
}

std::size_t append_body(char* data, std::size_t size, std::size_t n, void* user) {
  auto* body = static_cast<std::string*>(user);
  if (body->size() + size * n > kMaxFeedBytes) return 0;  // aborts the transfer
  body->append(data, size * n);
  return size * n;
}

std::string http_get(const std::string& url) {
  CurlPtr c = new_request(url);
  std::string body;
  char error[CURL_ERROR_SIZE] = "";
  curl_easy_setopt(c.get(), CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c.get(), CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(c.get(), CURLOPT_WRITEDATA, &body);
  CURLcode rc = curl_easy_perform(c.get());
  if (rc != CURLE_OK)
    throw Error(ExitCode::network, "'" + url + "': " + (error[0] ? error : curl_easy_strerror(rc)));
  long status = 0;
  curl_easy_getinfo(c.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status >= 400)
    throw Error(ExitCode::network, "'" + url + "': HTTP " + std::to_string(status));
  return body;
}

// Content-Length of a HEAD response; throws std::runtime_error (reported as the item's problem).
std::optional<std::uint64_t> http_head_length(const std::string& url) {
  CurlPtr c = new_request(url);
  char error[CURL_ERROR_SIZE] = "";
  curl_easy_setopt(c.get(), CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c.get(), CURLOPT_NOBODY, 1L);
  CURLcode rc = curl_easy_perform(c.get());
  if (rc != CURLE_OK)
    throw std::runtime_error("HEAD " + url + ": " + (error[0] ? error : curl_easy_strerror(rc)));
  long status = 0;
  curl_easy_getinfo(c.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status >= 400) throw std::runtime_error("HEAD " + url + ": HTTP " + std::to_string(status));
  curl_off_t length = -1;
  curl_easy_getinfo(c.get(), CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
  if (length < 0) return std::nullopt;
  return static_cast<std::uint64_t>(length);
}

bool is_url(const std::string& s) { return s.starts_with("http://") || s.starts_with("https://"); }

std::string read_feed_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw Error(ExitCode::input, "'" + path + "': is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ExitCode::input, "'" + path + "': " + std::strerror(errno));
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw Error(ExitCode::input, "'" + path + "': read error");
  return s.str();
}

// --- briefcast validate

struct ValidateFlags {
  std::string feed;      // FEED.xml or http(s) URL
  std::string root;      // folder the feed is published from
  std::string base_url;  // URL that folder is served at
  bool no_head = false;  // URL feeds: skip the HEAD request per enclosure
};

int run_validate(const ValidateFlags& f, CliStreams io) {
  ValidateOptions opt;
  opt.name = f.feed;
  opt.root = f.root;
  opt.base_url = f.base_url;
  std::string xml;
  if (is_url(f.feed)) {
    xml = http_get(f.feed);
    if (!f.no_head) opt.remote_length = http_head_length;
  } else {
    xml = read_feed_file(f.feed);
    if (opt.root.empty()) {
      fs::path parent = fs::path(f.feed).parent_path();
      opt.root = parent.empty() ? "." : parent.string();
    }
  }
  FeedValidation v = check_feed(xml, opt);
  for (const std::string& p : v.problems) io.out << p << "\n";
  io.out.flush();
  if (!v.problems.empty())
    throw Error(ExitCode::invalid, f.feed + ": " + std::to_string(v.problems.size()) +
                                       (v.problems.size() == 1 ? " problem" : " problems"));
  io.err << "briefcast: " << f.feed << ": valid (" << v.episodes
         << (v.episodes == 1 ? " episode)\n" : " episodes)\n");
  return 0;
}

void add_validate_command(CLI::App& app, CliStreams io, SubcommandList& commands) {
  auto f = std::make_shared<ValidateFlags>();
  auto* cmd = app.add_subcommand(
      "validate",
      "Check a podcast feed as podcast apps read it; prints one problem per line, exit 10 when "
      "any");
  cmd->add_option("FEED", f->feed, "Feed file (FEED.xml) or http(s) URL")->required();
  cmd->add_option("--root", f->root,
                  "Folder the feed is published from, to check enclosure sizes against the files "
                  "[default: the feed file's folder; none for a URL]");
  cmd->add_option("--base-url", f->base_url,
                  "URL the --root folder is served at [default: the folder of the feed's "
                  "atom:link rel=self URL]");
  cmd->add_flag("--no-head", f->no_head,
                "For a URL feed, do not send a HEAD request per enclosure to compare its "
                "Content-Length with the enclosure length");
  commands.push_back({cmd, [f, io] { return run_validate(*f, io); }});
}

}  // namespace

void add_feed_commands(CLI::App& app, CliStreams io, SubcommandList& commands) {
  add_validate_command(app, io, commands);
}

}  // namespace briefcast
