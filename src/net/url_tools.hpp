#pragma once
// URL helpers for sources and feeds: splitting, resolving a reference against a base (RFC 3986
// section 5), and a normalized key that tells whether two links name the same story.
//
// Pure functions over strings; nothing here touches the network. URLs are handled as bytes:
// no IDNA conversion, percent-encoding kept except where normalization says otherwise.

#include <optional>
#include <string>

namespace briefcast {

// The five components of RFC 3986, section 3. `authority` is split further for convenience.
struct UrlParts {
  std::string scheme;  // as written (not lower-cased), without ':'; empty for a relative ref
  bool has_authority = false;  // true when "//" was present
  std::string userinfo;        // before '@', without it
  std::string host;            // as written; IPv6 literals keep their brackets
  std::string port;            // digits after ':', empty when absent
  std::string path;            // may be empty
  bool has_query = false;
  std::string query;  // without '?'
  bool has_fragment = false;
  std::string fragment;  // without '#'
};

// Splits any URI reference (absolute or relative). Never fails: every string is some reference.
UrlParts split_url(const std::string& url);

// Joins components back into a string (inverse of split_url).
std::string join_url(const UrlParts& parts);

// True for an absolute http:// or https:// URL with a non-empty host (scheme case-insensitive).
bool is_http_url(const std::string& url);

// Resolves `ref` against the absolute URL `base` (RFC 3986, section 5.2, including dot-segment
// removal). An absolute `ref` is returned with its dot segments removed; an empty `base` returns
// `ref` unchanged. Surrounding whitespace of `ref` is ignored (feeds often contain it).
std::string resolve_url(const std::string& base, const std::string& ref);

// A key for "is this the same story?" — not a URL to fetch. Lower-cases scheme and host, treats
// http and https alike (the key says "https"), drops a leading "www.", userinfo, the default port,
// the fragment, tracking parameters (utm_*, fbclid, gclid, dclid, msclkid, mc_cid, mc_eid, igshid),
// a trailing slash of the path, and an empty query; sorts the remaining query parameters;
// upper-cases percent-escapes and decodes escaped unreserved characters. A non-http(s) string is
// returned trimmed but otherwise unchanged.
std::string normalize_url_for_dedupe(const std::string& url);

}  // namespace briefcast
