#include "text/text_encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <memory>

#include "base/strings.hpp"

namespace briefcast {
namespace {

// Windows-1252 0x80..0x9F. The five holes map to the C1 controls, as the WHATWG decoder does.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void append_cp1252(std::string& out, unsigned char b) { append_utf8(out, windows_1252_char(b)); }

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 when it is invalid.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte (Unicode table 3-7)
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return 0;
  }
  return len;
}

bool starts_with_bytes(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The charset named by a byte order mark, and the mark's length.
std::pair<std::string, std::size_t> bom_charset(std::string_view bytes) {
  if (starts_with_bytes(bytes, "\xEF\xBB\xBF")) return {"utf-8", 3};
  if (starts_with_bytes(bytes, "\xFF\xFE")) return {"utf-16le", 2};
  if (starts_with_bytes(bytes, "\xFE\xFF")) return {"utf-16be", 2};
  return {{}, 0};
}

std::string utf8_repaired(std::string_view bytes, std::vector<std::string>* warnings) {
  std::size_t repaired = 0;
  std::string out = repair_utf8(bytes, &repaired);
  if (repaired > 0 && warnings) {
    warnings->push_back(std::to_string(repaired) +
                        " byte(s) of invalid UTF-8 read as windows-1252");
  }
  return out;
}

std::string cp1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) append_cp1252(out, static_cast<unsigned char>(c));
  return out;
}

struct IconvCloser {
  void operator()(iconv_t* cd) const noexcept {
    iconv_close(*cd);
    delete cd;
  }
};

// Converts with glibc iconv; bytes it rejects become U+FFFD. Returns false when iconv does not
// know `charset`.
bool iconv_to_utf8(std::string_view bytes, const std::string& charset, std::string& out,
                   std::vector<std::string>* warnings) {
  iconv_t raw = iconv_open("UTF-8", charset.c_str());
  if (raw == reinterpret_cast<iconv_t>(-1)) return false;
  std::unique_ptr<iconv_t, IconvCloser> cd(new iconv_t(raw));
  // A unit is the step skipped over an invalid byte: 2 for UTF-16 keeps the rest aligned.
  const std::size_t unit = charset.rfind("utf-16", 0) == 0 ? 2 : 1;
  out.clear();
  out.reserve(bytes.size() + bytes.size() / 2);
  char buf[16384];
  auto* in = const_cast<char*>(bytes.data());  // iconv's API is not const-correct
  std::size_t in_left = bytes.size();
  std::size_t replaced = 0;
  while (in_left > 0) {
    char* o = buf;
    std::size_t o_left = sizeof buf;
    const std::size_t r = iconv(*cd, &in, &in_left, &o, &o_left);
    out.append(buf, static_cast<std::size_t>(o - buf));
    if (r != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) continue;
    // EILSEQ (invalid input) or EINVAL (truncated last character): replace and go on.
    out += "\xEF\xBF\xBD";
    ++replaced;
    const std::size_t skip = std::min(in_left, errno == EINVAL ? in_left : unit);
    in += skip;
    in_left -= skip;
    iconv(*cd, nullptr, nullptr, nullptr, nullptr);  // reset shift state
  }
  char* o = buf;
  std::size_t o_left = sizeof buf;
  iconv(*cd, nullptr, nullptr, &o, &o_left);  // flush a stateful encoding
  out.append(buf, static_cast<std::size_t>(o - buf));
  if (replaced > 0 && warnings) {
    warnings->push_back(std::to_string(replaced) + " invalid " + charset +
                        " sequence(s) replaced by U+FFFD");
  }
  return true;
}

bool is_label_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == ':';
}

// The charset label after "charset" / "encoding" in a lower-cased tag, or empty.
std::string label_after(std::string_view tag, std::string_view key) {
  for (std::size_t at = tag.find(key); at != std::string_view::npos; at = tag.find(key, at + 1)) {
    std::size_t i = at + key.size();
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r'))
      ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
    std::size_t end = i;
    while (end < tag.size() && is_label_char(tag[end])) ++end;
    if (end > i) return std::string(tag.substr(i, end - i));
  }
  return {};
}

// <meta charset>, <meta http-equiv content="...; charset=..."> or <?xml encoding?> in the head.
std::string meta_charset(std::string_view bytes) {
  // 4096: the HTML prescan reads 1024 bytes; real pages put long <script>s first, so look further.
  const std::string head = lower_ascii(bytes.substr(0, 4096));
  if (head.rfind("<?xml", 0) == 0) {
    const std::size_t end = head.find("?>");
    std::string label = label_after(std::string_view(head).substr(0, end), "encoding");
    if (!label.empty()) return label;
  }
  for (std::size_t at = head.find("<meta"); at != std::string::npos;
       at = head.find("<meta", at + 5)) {
    const std::size_t end = head.find('>', at);
    const std::string_view tag =
        std::string_view(head).substr(at, end == std::string::npos ? std::string::npos : end - at);
    std::string label = label_after(tag, "charset");
    if (!label.empty()) return label;
  }
  return {};
}

}  // namespace

char32_t windows_1252_char(unsigned char byte) {
  return byte >= 0x80 && byte < 0xA0 ? kCp1252High[byte - 0x80] : char32_t{byte};
}

std::string repair_utf8(std::string_view bytes, std::size_t* repaired) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t len = utf8_sequence_length(bytes, i);
    if (len == 0) {
      append_cp1252(out, static_cast<unsigned char>(bytes[i]));
      if (repaired) ++*repaired;
      ++i;
    } else {
      out.append(bytes.substr(i, len));
      i += len;
    }
  }
  return out;
}

bool is_valid_utf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t len = utf8_sequence_length(bytes, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string normalize_charset(std::string_view label) {
  const std::string l = lower_ascii(trim(label, " \t\"'"));  // blanks and quotes
  if (l.empty()) return {};
  if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8" || l == "x-unicode20utf8")
    return "utf-8";
  if (l == "windows-1252" || l == "cp1252" || l == "x-cp1252" || l == "iso-8859-1" ||
      l == "iso8859-1" || l == "iso_8859-1" || l == "iso88591" || l == "latin1" || l == "latin-1" ||
      l == "l1" || l == "cp819" || l == "ibm819" || l == "us-ascii" || l == "ascii" ||
      l == "ansi_x3.4-1968" || l == "iso-ir-100" || l == "csisolatin1")
    return "windows-1252";
  if (l == "utf-16" || l == "utf-16le" || l == "unicode" || l == "ucs-2" || l == "unicodefffe")
    return "utf-16le";
  if (l == "utf-16be" || l == "unicodefeff") return "utf-16be";
  // Supersets browsers use for these labels; glibc knows both names.
  if (l == "gb2312" || l == "gbk" || l == "x-gbk" || l == "gb_2312-80" || l == "chinese")
    return "gb18030";
  if (l == "euc-kr" || l == "ks_c_5601-1987" || l == "windows-949") return "cp949";
  if (l == "shift_jis" || l == "shift-jis" || l == "sjis" || l == "x-sjis" || l == "ms_kanji" ||
      l == "windows-31j")
    return "cp932";
  if (l == "iso-8859-9" || l == "latin5") return "windows-1254";
  if (l == "tis-620" || l == "iso-8859-11") return "windows-874";
  return l;
}

std::string sniff_html_charset(std::string_view bytes, std::string_view declared_charset) {
  if (auto [bom, len] = bom_charset(bytes); len > 0) return bom;
  if (std::string d = normalize_charset(declared_charset); !d.empty()) return d;
  // UTF-16 without a mark still starts with an ASCII '<' next to a zero byte.
  if (starts_with_bytes(bytes, std::string_view("<\0", 2))) return "utf-16le";
  if (starts_with_bytes(bytes, std::string_view("\0<", 2))) return "utf-16be";
  if (std::string m = normalize_charset(meta_charset(bytes)); !m.empty()) {
    // A meta tag readable as ASCII cannot be in UTF-16 (HTML spec: treat it as UTF-8).
    if (m == "utf-16le" || m == "utf-16be") return "utf-8";
    return m;
  }
  return is_valid_utf8(bytes) ? "utf-8" : "windows-1252";
}

std::string to_utf8(std::string_view bytes, std::string_view charset,
                    std::vector<std::string>* warnings) {
  std::string cs = normalize_charset(charset);
  // A byte order mark outranks any label (WHATWG "decode"); it is not text.
  if (auto [bom, bom_len] = bom_charset(bytes); bom_len > 0) {
    cs = bom;
    bytes.remove_prefix(bom_len);
  }
  if (cs.empty()) cs = is_valid_utf8(bytes) ? "utf-8" : "windows-1252";

  if (cs == "utf-8") return utf8_repaired(bytes, warnings);
  if (cs == "windows-1252") return cp1252_to_utf8(bytes);
  std::string out;
  if (iconv_to_utf8(bytes, cs, out, warnings)) return out;
  if (warnings) warnings->push_back("unknown charset '" + cs + "', read as UTF-8");
  return utf8_repaired(bytes, warnings);
}

}  // namespace briefcast
