#include "serve/http_files.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "base/strings.hpp"
#include "base/uuid.hpp"

namespace briefcast {

namespace {

// HTTP's optional whitespace (RFC 9110, section 5.6.3): space and tab only.
constexpr std::string_view kOws = " \t";

// Decodes one path segment; nullopt for malformed escapes and for bytes that have no business in
// a published file name (control characters, NUL, '/', '\\').
std::optional<std::string> decode_segment(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == '/' || c == '\\') return std::nullopt;
    out += c;
  }
  return out;
}

// Splits on '/' keeping empty segments.
std::vector<std::string_view> split_path(std::string_view s) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    auto slash = s.find('/', start);
    parts.push_back(s.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

// A byte position of any length: false unless it is one or more ASCII digits; `v` is its value,
// or UINT64_MAX when it does not fit (a position past 2^64 - 1 is past the end of any file).
bool parse_position(std::string_view s, std::uint64_t& v) {
  if (s.empty()) return false;
  v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    auto digit = static_cast<std::uint64_t>(c - '0');
    v = v > (UINT64_MAX - digit) / 10 ? UINT64_MAX : v * 10 + digit;
  }
  return true;
}

// Compares two digit strings by value, whatever their length: <0, 0, >0.
int compare_positions(std::string_view a, std::string_view b) {
  a.remove_prefix(std::min(a.find_first_not_of('0'), a.size()));
  b.remove_prefix(std::min(b.find_first_not_of('0'), b.size()));
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return a.compare(b);
}

constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

int month_index(std::string_view m) {
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (m == kMonths[i]) return static_cast<int>(i);
  return -1;
}

std::string_view strip_weak(std::string_view tag) {
  return tag.substr(0, 2) == "W/" ? tag.substr(2) : tag;
}

}  // namespace

std::optional<FileType> file_type_for(std::string_view file_name) {
  std::string name = lower_ascii(file_name);
  if (name.ends_with(".chapters.json")) return FileType{"application/json+chapters", true};
  auto dot = name.rfind('.');
  if (dot == std::string::npos) return std::nullopt;
  std::string ext = name.substr(dot + 1);
  if (ext == "xml" || ext == "rss")
    return FileType{"application/rss+xml; charset=utf-8", false, true};
  if (ext == "mp3") return FileType{"audio/mpeg"};
  if (ext == "m4a") return FileType{"audio/mp4"};
  if (ext == "ogg" || ext == "oga") return FileType{"audio/ogg"};
  if (ext == "vtt") return FileType{"text/vtt; charset=utf-8", true};
  if (ext == "srt") return FileType{"application/x-subrip", true};
  if (ext == "json") return FileType{"application/json", true};
  if (ext == "html" || ext == "htm") return FileType{"text/html; charset=utf-8", true};
  if (ext == "txt") return FileType{"text/plain; charset=utf-8", true};
  if (ext == "jpg" || ext == "jpeg") return FileType{"image/jpeg"};
  if (ext == "png") return FileType{"image/png"};
  if (ext == "webp") return FileType{"image/webp"};
  return std::nullopt;
}

bool token_matches(std::string_view guess, std::string_view token) {
  // Digests of equal length whatever was sent: the time taken tells neither how much of a guess
  // was right nor how long the token is (hashing the guess depends only on the guess).
  std::string a, b;
  try {
    a = sha256_hex(guess);
    b = sha256_hex(token);
  } catch (const std::runtime_error&) {
    return false;
  }
  unsigned diff = 0;
  for (std::size_t k = 0; k < a.size(); ++k)
    diff |= static_cast<unsigned char>(a[k]) ^ static_cast<unsigned char>(b[k]);
  return diff == 0;
}

std::optional<std::string> safe_relative_path(std::string_view raw_path, std::string_view token) {
  if (raw_path.empty() || raw_path.front() != '/') return std::nullopt;
  auto parts = split_path(raw_path.substr(1));
  std::size_t i = 0;
  if (!token.empty()) {
    auto first = decode_segment(parts[0]);
    if (!first || !token_matches(*first, token)) return std::nullopt;
    i = 1;
  }
  if (i >= parts.size()) return std::nullopt;
  // The served folder itself ("/", or "/TOKEN/") is the show page; no other folder is answered.
  if (i + 1 == parts.size() && parts[i].empty()) return std::string(kFolderPage);
  std::string rel;
  for (; i < parts.size(); ++i) {
    auto seg = decode_segment(parts[i]);
    if (!seg || seg->empty() || seg->front() == '.') return std::nullopt;
    if (!rel.empty()) rel += '/';
    rel += *seg;
  }
  return rel;
}

std::string percent_decoded(std::string_view s, bool plus_as_space) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += plus_as_space && s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

std::string path_for_log(std::string_view raw_path, std::string_view token) {
  std::string p(raw_path.substr(0, 512));
  if (!token.empty()) {
    // Each piece between delimiters is compared after percent-decoding (leniently: a malformed
    // escape stays as sent), so a token written as %XX escapes is hidden wherever it stands.
    constexpr std::string_view kDelimiters = "/?&=;,";
    std::string masked;
    std::size_t start = 0;
    for (;;) {
      std::size_t end = p.find_first_of(kDelimiters, start);
      std::string_view piece =
          std::string_view(p).substr(start, end == std::string::npos ? end : end - start);
      masked += percent_decoded(piece).find(token) != std::string::npos ? "***" : piece;
      if (end == std::string::npos) break;
      masked += p[end];
      start = end + 1;
    }
    p = std::move(masked);
    for (auto at = p.find(token); at != std::string::npos; at = p.find(token, at + 3))
      p.replace(at, token.size(), "***");
  }
  std::string out;
  for (char c : p) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x21 || u >= 0x7f) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", u);
      out += buf;
    } else {
      out += c;
    }
  }
  if (raw_path.size() > 512) out += "...";
  return out;
}

RangeRequest parse_range(std::string_view header, std::uint64_t size) {
  RangeRequest full;
  header = trim(header, kOws);
  if (header.empty()) return full;
  auto eq = header.find('=');
  // Another unit or bad syntax: RFC 9110 §14.2 lets us ignore the header and send 200.
  if (eq == std::string_view::npos || !equals_ascii_ci(trim(header.substr(0, eq), kOws), "bytes"))
    return full;
  std::string_view spec = trim(header.substr(eq + 1), kOws);
  // Several ranges would need multipart/byteranges; RFC 9110 allows ignoring Range, and podcast
  // apps only ever ask for one, so the whole file is sent with 200.
  if (spec.find(',') != std::string_view::npos) return full;
  auto dash = spec.find('-');
  if (dash == std::string_view::npos) return full;
  std::string_view a = trim(spec.substr(0, dash), kOws), b = trim(spec.substr(dash + 1), kOws);
  RangeRequest r;
  std::uint64_t first = 0, last = 0;
  if (a.empty()) {  // suffix: the last N bytes (N past the size: the whole file)
    std::uint64_t n = 0;
    if (!parse_position(b, n)) return full;
    if (n == 0 || size == 0) return {RangeRequest::Kind::unsatisfiable};
    r.kind = RangeRequest::Kind::partial;
    r.first = n >= size ? 0 : size - n;
    r.last = size - 1;
    return r;
  }
  // Positions past 64 bits are valid numbers, just past the end: a first byte there is
  // unsatisfiable, a last byte there means "to the end" (RFC 9110 §14.1.2).
  if (!parse_position(a, first)) return full;
  if (b.empty()) {
    last = size == 0 ? 0 : size - 1;
  } else {
    if (!parse_position(b, last) || compare_positions(b, a) < 0) return full;  // invalid: ignored
    if (size > 0 && last >= size) last = size - 1;
  }
  if (first >= size) return {RangeRequest::Kind::unsatisfiable};
  r.kind = RangeRequest::Kind::partial;
  r.first = first;
  r.last = last;
  return r;
}

std::string content_range(std::uint64_t first, std::uint64_t last, std::uint64_t size) {
  return "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/" + std::to_string(size);
}

std::string make_etag(std::uint64_t inode, std::uint64_t size, std::int64_t mtime_ns) {
  char buf[80];
  std::snprintf(buf, sizeof buf, "\"%llx-%llx-%llx\"", static_cast<unsigned long long>(inode),
                static_cast<unsigned long long>(size), static_cast<unsigned long long>(mtime_ns));
  return buf;
}

std::string http_date(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday % 7],
                tm.tm_mday, kMonths[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

std::string common_log_time(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%02d/%s/%04d:%02d:%02d:%02d +0000", tm.tm_mday,
                kMonths[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::optional<std::time_t> parse_http_date(std::string_view s) {
  std::string str(trim(s, kOws));
  std::tm tm{};
  char wday[16] = {}, mon[4] = {}, zone[8] = {};
  int day = 0, year = 0, h = 0, m = 0, sec = 0, n = 0;
  if (std::sscanf(str.c_str(), "%3s, %2d %3s %4d %2d:%2d:%2d %3s%n", wday, &day, mon, &year, &h, &m,
                  &sec, zone, &n) == 8 &&
      std::string_view(zone) == "GMT") {
    // IMF-fixdate
  } else if (std::sscanf(str.c_str(), "%15[A-Za-z], %2d-%3s-%2d %2d:%2d:%2d %3s%n", wday, &day, mon,
                         &year, &h, &m, &sec, zone, &n) == 8 &&
             std::string_view(zone) == "GMT") {
    year += year < 70 ? 2000 : 1900;  // RFC 850's two-digit year
  } else if (std::sscanf(str.c_str(), "%3s %3s %2d %2d:%2d:%2d %4d%n", wday, mon, &day, &h, &m,
                         &sec, &year, &n) == 7) {
    // asctime
  } else {
    return std::nullopt;
  }
  if (static_cast<std::size_t>(n) != str.size()) return std::nullopt;
  int mi = month_index(mon);
  if (mi < 0 || day < 1 || day > 31 || h > 23 || m > 59 || sec > 60 || year < 1970)
    return std::nullopt;
  tm.tm_year = year - 1900;
  tm.tm_mon = mi;
  tm.tm_mday = day;
  tm.tm_hour = h;
  tm.tm_min = m;
  tm.tm_sec = sec;
  return timegm(&tm);
}

bool etag_matches_any(std::string_view if_none_match, std::string_view etag) {
  if (trim(if_none_match, kOws) == "*") return true;
  std::string_view want = strip_weak(etag);
  std::string_view s = if_none_match;
  while (!s.empty()) {
    auto comma = s.find(',');
    std::string_view tag = trim(s.substr(0, comma), kOws);
    if (!tag.empty() && strip_weak(tag) == want) return true;
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return false;
}

bool if_range_allows(std::string_view if_range, std::string_view etag, std::time_t mtime) {
  if_range = trim(if_range, kOws);
  if (if_range.empty()) return true;
  if (if_range.front() == '"') return if_range == etag;
  if (if_range.substr(0, 2) == "W/") return false;  // weak tags never validate a range
  auto date = parse_http_date(if_range);
  return date && *date == mtime;
}

bool not_modified(std::string_view if_none_match, std::string_view if_modified_since,
                  std::string_view etag, std::time_t mtime) {
  if (!trim(if_none_match, kOws).empty()) return etag_matches_any(if_none_match, etag);
  if (trim(if_modified_since, kOws).empty()) return false;
  auto since = parse_http_date(if_modified_since);
  return since && mtime <= *since;
}

bool accepts_gzip(std::string_view accept_encoding) {
  std::string s = lower_ascii(accept_encoding);
  std::string_view v = s;
  while (!v.empty()) {
    auto comma = v.find(',');
    std::string_view item = trim(v.substr(0, comma), kOws);
    auto semi = item.find(';');
    std::string_view coding = trim(item.substr(0, semi), kOws);
    if (coding == "gzip" || coding == "x-gzip") {
      if (semi == std::string_view::npos) return true;
      std::string_view param = trim(item.substr(semi + 1), kOws);
      if (param.substr(0, 2) != "q=") return true;
      std::string_view q = param.substr(2);
      // q=0, q=0.0, q=0.000 refuse; anything else accepts.
      return q.find_first_not_of("0.") != std::string_view::npos;
    }
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace briefcast
