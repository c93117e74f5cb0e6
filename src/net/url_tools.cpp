#include "net/url_tools.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "base/strings.hpp"

namespace briefcast {

namespace {

bool valid_scheme(const std::string& s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

// RFC 3986, section 5.2.4.
std::string remove_dot_segments(std::string in) {
  std::string out;
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.erase(0, 3);
    } else if (in.starts_with("./")) {
      in.erase(0, 2);
    } else if (in.starts_with("/./")) {
      in.erase(0, 2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../") || in == "/..") {
      in = in.size() == 3 ? "/" : in.substr(3);
      std::size_t slash = out.rfind('/');
      out.erase(slash == std::string::npos ? 0 : slash);
    } else if (in == "." || in == "..") {
      in.clear();
    } else {
      std::size_t next = in.find('/', in[0] == '/' ? 1 : 0);
      out += in.substr(0, next);
      in.erase(0, next == std::string::npos ? in.size() : next);
    }
  }
  return out;
}

// RFC 3986, section 5.2.3: a relative path appended to the folder of the base's path.
std::string merge_paths(const UrlParts& base, const std::string& path) {
  if (base.has_authority && base.path.empty()) return "/" + path;
  std::size_t slash = base.path.rfind('/');
  return (slash == std::string::npos ? std::string() : base.path.substr(0, slash + 1)) + path;
}

// Upper-cases percent-escapes and decodes those of unreserved characters (RFC 3986, 6.2.2).
std::string normalize_escapes(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      char c = static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
          c == '~') {
        out += c;
      } else {
        out += '%';
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i + 1])));
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i + 2])));
      }
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool is_tracking_param(const std::string& name) {
  std::string n = lower_ascii(name);
  static const char* const exact[] = {"fbclid", "gclid",  "dclid", "msclkid",
                                      "mc_cid", "mc_eid", "igshid"};
  if (n.starts_with("utm_")) return true;
  return std::any_of(std::begin(exact), std::end(exact), [&](const char* e) { return n == e; });
}

}  // namespace

UrlParts split_url(const std::string& url) {
  UrlParts p;
  std::size_t pos = 0;
  std::size_t colon = url.find(':');
  std::size_t delim = url.find_first_of("/?#");
  if (colon != std::string::npos && (delim == std::string::npos || colon < delim) &&
      valid_scheme(url.substr(0, colon))) {
    p.scheme = url.substr(0, colon);
    pos = colon + 1;
  }
  if (url.compare(pos, 2, "//") == 0) {
    p.has_authority = true;
    std::size_t end = url.find_first_of("/?#", pos + 2);
    if (end == std::string::npos) end = url.size();
    std::string authority = url.substr(pos + 2, end - pos - 2);
    pos = end;
    if (std::size_t at = authority.rfind('@'); at != std::string::npos) {
      p.userinfo = authority.substr(0, at);
      authority.erase(0, at + 1);
    }
    std::size_t port_colon = authority.rfind(':');
    std::size_t bracket = authority.rfind(']');
    if (port_colon != std::string::npos && (bracket == std::string::npos || port_colon > bracket)) {
      p.port = authority.substr(port_colon + 1);
      authority.erase(port_colon);
    }
    p.host = authority;
  }
  std::size_t path_end = url.find_first_of("?#", pos);
  if (path_end == std::string::npos) path_end = url.size();
  p.path = url.substr(pos, path_end - pos);
  pos = path_end;
  if (pos < url.size() && url[pos] == '?') {
    std::size_t end = url.find('#', pos);
    if (end == std::string::npos) end = url.size();
    p.has_query = true;
    p.query = url.substr(pos + 1, end - pos - 1);
    pos = end;
  }
  if (pos < url.size() && url[pos] == '#') {
    p.has_fragment = true;
    p.fragment = url.substr(pos + 1);
  }
  return p;
}

std::string join_url(const UrlParts& p) {
  std::string s;
  if (!p.scheme.empty()) s += p.scheme + ":";
  if (p.has_authority) {
    s += "//";
    if (!p.userinfo.empty()) s += p.userinfo + "@";
    s += p.host;
    if (!p.port.empty()) s += ":" + p.port;
  }
  s += p.path;
  if (p.has_query) s += "?" + p.query;
  if (p.has_fragment) s += "#" + p.fragment;
  return s;
}

bool is_http_url(const std::string& url) {
  UrlParts p = split_url(std::string(trim(url)));
  return (equals_ascii_ci(p.scheme, "http") || equals_ascii_ci(p.scheme, "https")) &&
         p.has_authority && !p.host.empty();
}

std::string resolve_url(const std::string& base_text, const std::string& ref_text) {
  std::string ref_trimmed(trim(ref_text));
  if (base_text.empty()) return ref_trimmed;
  UrlParts r = split_url(ref_trimmed);
  UrlParts b = split_url(std::string(trim(base_text)));
  UrlParts t;
  if (!r.scheme.empty() || r.has_authority) {
    t = r;  // absolute, or network-path ("//host/x"), which takes only the base's scheme
    t.path = remove_dot_segments(r.path);
    if (r.scheme.empty()) t.scheme = b.scheme;
  } else {
    t = b;  // the base's scheme, authority, and path and query unless the reference has its own
    if (!r.path.empty()) {
      t.path = remove_dot_segments(r.path[0] == '/' ? r.path : merge_paths(b, r.path));
      t.has_query = r.has_query;
      t.query = r.query;
    } else if (r.has_query) {
      t.has_query = true;
      t.query = r.query;
    }
  }
  t.has_fragment = r.has_fragment;
  t.fragment = r.fragment;
  return join_url(t);
}

std::string normalize_url_for_dedupe(const std::string& url_text) {
  std::string url(trim(url_text));
  if (!is_http_url(url)) return url;
  UrlParts p = split_url(url);
  std::string scheme = lower_ascii(p.scheme);
  UrlParts n;
  n.scheme = "https";
  n.has_authority = true;
  n.host = lower_ascii(p.host);
  if (n.host.starts_with("www.")) n.host.erase(0, 4);
  while (!n.host.empty() && n.host.back() == '.') n.host.pop_back();  // "example.com."
  if (!p.port.empty() &&
      !((scheme == "http" && p.port == "80") || (scheme == "https" && p.port == "443")))
    n.port = p.port;
  n.path = normalize_escapes(remove_dot_segments(p.path));
  while (!n.path.empty() && n.path.back() == '/') n.path.pop_back();
  if (p.has_query) {
    std::vector<std::string> kept;
    std::size_t start = 0;
    while (start <= p.query.size()) {
      std::size_t amp = p.query.find('&', start);
      if (amp == std::string::npos) amp = p.query.size();
      std::string param = p.query.substr(start, amp - start);
      std::string name = param.substr(0, param.find('='));
      if (!param.empty() && !is_tracking_param(name)) kept.push_back(normalize_escapes(param));
      start = amp + 1;
    }
    std::sort(kept.begin(), kept.end());
    for (std::size_t i = 0; i < kept.size(); ++i) n.query += (i ? "&" : "") + kept[i];
    n.has_query = !kept.empty();
  }
  return join_url(n);
}

}  // namespace briefcast
