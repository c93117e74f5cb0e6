#include "serve/mhd_exchange.hpp"

#include <algorithm>
#include <memory>
#include <optional>

#include "base/c_deleter.hpp"

namespace briefcast {

namespace {

using ResponsePtr = std::unique_ptr<MHD_Response, CDeleter<MHD_destroy_response>>;

// Bytes libmicrohttpd asks the body for at a time (one buffer per answer in progress).
constexpr std::size_t kBodyBlock = 32 * 1024;

// The body of one answer while the library sends it: owned by the library's response, freed
// by its free callback.
struct BodySource {
  AnswerBody body;
  std::uint64_t* counted = nullptr;
};

ssize_t read_body(void* cls, std::uint64_t pos, char* buf, std::size_t max) {
  auto& b = *static_cast<BodySource*>(cls);
  ssize_t got = b.body.read(pos, buf, max);
  // Short file (truncated in place, which build never does): abort the connection rather than
  // send fewer bytes than Content-Length promised.
  if (got <= 0) return MHD_CONTENT_READER_END_WITH_ERROR;
  *b.counted += static_cast<std::uint64_t>(got);
  return got;
}

void free_body(void* cls) { delete static_cast<BodySource*>(cls); }

// Never called: the body of a 304 or of a HEAD answer is not sent, only its length announced.
ssize_t no_body(void*, std::uint64_t, char*, std::size_t) {
  return MHD_CONTENT_READER_END_WITH_ERROR;
}

}  // namespace

RequestHead connection_head(MHD_Connection* c, const std::string& method,
                            const std::string& target) {
  RequestHead h;
  h.method = method;
  h.target = target;
  h.header_fields = static_cast<std::size_t>(
      std::max(0, MHD_get_connection_values(c, MHD_HEADER_KIND, nullptr, nullptr)));
  if (const MHD_ConnectionInfo* size =
          MHD_get_connection_info(c, MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE))
    h.header_bytes = size->header_size;
  h.header = [c](const char* name) -> std::optional<std::string> {
    const char* v = MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
    if (!v) return std::nullopt;
    return std::string(v);
  };
  return h;
}

bool queue_answer(MHD_Connection* c, Answer a, std::uint64_t* bytes_sent) {
  ResponsePtr r;
  if (a.body) {
    auto source = std::make_unique<BodySource>(BodySource{std::move(*a.body), bytes_sent});
    r.reset(MHD_create_response_from_callback(a.length, kBodyBlock, read_body, source.get(),
                                              free_body));
    if (r) source.release();  // the response frees it
  } else if (a.length > 0) {  // 304: the length a 200 would have, and no body
    r.reset(MHD_create_response_from_callback(a.length, 1, no_body, nullptr, nullptr));
  } else {
    r.reset(MHD_create_response_from_buffer(0, nullptr, MHD_RESPMEM_PERSISTENT));
  }
  if (!r) return false;
  for (const auto& [name, value] : a.headers)
    MHD_add_response_header(r.get(), name.c_str(), value.c_str());
  return MHD_queue_response(c, static_cast<unsigned>(a.status), r.get()) == MHD_YES;
}

}  // namespace briefcast
