#include "serve/request_answer.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "serve/file_response.hpp"

namespace briefcast {

ssize_t AnswerBody::read(std::uint64_t pos, char* buf, std::size_t n) const {
  if (pos >= length) return 0;
  auto want = static_cast<std::size_t>(std::min<std::uint64_t>(n, length - pos));
  if (!bytes) return file->read_at(first + pos, buf, want);
  if (pos >= bytes->size()) return 0;  // shorter than announced: the connection is cut
  want = std::min<std::size_t>(want, bytes->size() - pos);
  std::memcpy(buf, bytes->data() + pos, want);
  return static_cast<ssize_t>(want);
}

std::optional<Answer> refusal(const RequestHead& head, const HeadLimits& limits) {
  Answer a;
  if (head.header_fields > limits.max_header_fields ||
      head.header_bytes > limits.max_header_bytes) {
    a.status = 431;
    return a;
  }
  const std::string& m = head.method;
  if (m == "GET" || m == "HEAD" || m == "OPTIONS") return std::nullopt;
  a.status = 405;
  a.headers = {{"Allow", "GET, HEAD, OPTIONS"}};
  return a;
}

Answer answer(const RequestHead& head, const std::filesystem::path& root, std::string_view token,
              FeedGzipCache& gzip) {
  Answer a;
  if (head.method == "OPTIONS") {
    a.status = 204;
    a.headers = {{"Allow", "GET, HEAD, OPTIONS"},
                 {"Access-Control-Allow-Origin", "*"},
                 {"Access-Control-Allow-Methods", "GET, HEAD"},
                 {"Access-Control-Allow-Headers", "Range, If-None-Match, If-Modified-Since"}};
    return a;
  }
  auto file = open_published_file(root, head.target.substr(0, head.target.find('?')), token);
  if (!file) {
    a.status = 404;
    a.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
    return a;
  }
  FileRequest request;
  request.range = head.header("Range");
  request.if_range = head.header("If-Range").value_or("");
  request.if_none_match = head.header("If-None-Match").value_or("");
  request.if_modified_since = head.header("If-Modified-Since").value_or("");
  request.accept_encoding = head.header("Accept-Encoding").value_or("");

  std::shared_ptr<const std::string> gz;
  if (wants_gzip(file->facts(), request)) gz = gzip.get(*file);
  FileResponse plan = plan_file_response(
      file->facts(), request, gz ? std::optional<std::uint64_t>(gz->size()) : std::nullopt);

  a.status = plan.status;
  for (auto& [name, value] : plan.headers) {
    if (name != "Content-Length") {
      a.headers.emplace_back(name, value);
      continue;
    }
    // Written by the HTTP library from `length`; plan_file_response writes only digits.
    std::from_chars(value.data(), value.data() + value.size(), a.length);
  }
  if (plan.body == FileResponse::Body::none) return a;
  a.headers.emplace_back("Content-Type", plan.content_type);
  AnswerBody& body = a.body.emplace();
  if (plan.body == FileResponse::Body::gzip) {
    a.length = body.length = gz->size();
    body.bytes = std::move(gz);
  } else {
    a.length = body.length = plan.length;
    body.first = plan.first;
    body.file = std::move(file);
  }
  return a;
}

}  // namespace briefcast
