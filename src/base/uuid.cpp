#include "base/uuid.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <array>
#include <memory>

#include "base/c_deleter.hpp"
#include "base/error.hpp"
#include "base/strings.hpp"

namespace briefcast {

namespace {

using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, CDeleter<EVP_MD_CTX_free>>;

// Throws Error(failure) for a failed libcrypto call, with libcrypto's own reason when it has
// one (a digest that cannot be computed is no fault of the user's input).
[[noreturn]] void crypto_failed(const char* what) {
  std::string message = std::string("libcrypto: ") + what;
  if (unsigned long code = ERR_get_error()) {
    char reason[256];
    ERR_error_string_n(code, reason, sizeof reason);
    message += std::string(": ") + reason;
  }
  ERR_clear_error();
  throw Error(ExitCode::failure, message);
}

// Digest of the concatenation of `parts`; returns the number of bytes written to `out`.
unsigned digest(const EVP_MD* md, std::initializer_list<std::string_view> parts,
                unsigned char* out) {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1)
    crypto_failed("cannot initialize digest");
  for (auto p : parts)
    if (EVP_DigestUpdate(ctx.get(), p.data(), p.size()) != 1) crypto_failed("digest update failed");
  unsigned len = 0;
  if (EVP_DigestFinal_ex(ctx.get(), out, &len) != 1) crypto_failed("digest final failed");
  return len;
}

constexpr char kHex[] = "0123456789abcdef";

std::string to_hex(const unsigned char* p, std::size_t n) {
  std::string s;
  s.reserve(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    s += kHex[p[i] >> 4];
    s += kHex[p[i] & 0x0f];
  }
  return s;
}

}  // namespace

bool is_uuid(std::string_view t) {
  if (t.size() != 36) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? t[i] != '-' : hex_value(t[i]) < 0) return false;
  }
  return true;
}

std::string uuid_v5(std::string_view namespace_uuid, std::string_view name) {
  if (!is_uuid(namespace_uuid))
    throw Error(ExitCode::failure,
                "UUIDv5 namespace '" + std::string(namespace_uuid) + "' is not a UUID");
  std::array<unsigned char, 16> ns{};
  std::size_t k = 0;
  for (std::size_t i = 0; i < namespace_uuid.size(); ++i) {
    if (namespace_uuid[i] == '-') continue;
    int hi = hex_value(namespace_uuid[i]), lo = hex_value(namespace_uuid[++i]);
    ns[k++] = static_cast<unsigned char>(hi << 4 | lo);
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> h{};
  digest(EVP_sha1(), {std::string_view(reinterpret_cast<const char*>(ns.data()), ns.size()), name},
         h.data());
  // RFC 4122 4.3: the first 16 bytes of the SHA-1, version 5 in the high nibble of byte 6,
  // variant 10xx in byte 8.
  h[6] = static_cast<unsigned char>((h[6] & 0x0f) | 0x50);
  h[8] = static_cast<unsigned char>((h[8] & 0x3f) | 0x80);
  std::string hex = to_hex(h.data(), 16);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20);
}

std::string podcast_guid(std::string_view url) {
  std::size_t sep = url.find("://");
  if (sep != std::string_view::npos && sep > 0) {
    bool scheme = true;
    for (std::size_t i = 0; i < sep; ++i) {
      char c = url[i];
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
      scheme = scheme && ok;
    }
    if (scheme) url.remove_prefix(sep + 3);
  }
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return uuid_v5(kPodcastGuidNamespace, url);
}

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> h{};
  unsigned n = digest(EVP_sha256(), {bytes}, h.data());
  return to_hex(h.data(), n);
}

}  // namespace briefcast
