#include "text/text_source.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "base/error.hpp"

namespace briefcast {

namespace {

// Windows-1252 code points for 0x80..0x9F; 0 marks the five undefined bytes.
constexpr char32_t kCp1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is invalid.
std::size_t valid_sequence(const std::string& s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n;
  char32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  // Reject overlong forms, surrogates and values past U+10FFFF.
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

}  // namespace

std::size_t repair_utf8(std::string& text) {
  std::string out;
  std::size_t repaired = 0;
  bool changed = false;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n') {
      if (!changed) out.assign(text, 0, i), changed = true;
      if (c == '\r' || c == '\f' || c == '\v') out += ' ';
      ++i;
      continue;
    }
    std::size_t n = valid_sequence(text, i);
    if (n == 0) {
      if (!changed) out.assign(text, 0, i), changed = true;
      char32_t cp = c >= 0x80 && c < 0xA0 ? kCp1252[c - 0x80] : c;
      if (cp != 0) append_utf8(out, cp);
      ++repaired;
      ++i;
      continue;
    }
    if (changed) out.append(text, i, n);
    i += n;
  }
  if (changed) text = std::move(out);
  return repaired;
}

TextSource::TextSource(const std::string& spec) {
  if (spec == "-") {
    name_ = "<stdin>";
    file_ = stdin;
    return;
  }
  name_ = spec;
  struct stat st {};
  if (::stat(spec.c_str(), &st) != 0)
    throw Error(ExitCode::input, "'" + spec + "': " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw Error(ExitCode::input, "'" + spec + "': is a directory");
  file_ = std::fopen(spec.c_str(), "rb");
  if (!file_) throw Error(ExitCode::input, "'" + spec + "': " + std::strerror(errno));
  owns_file_ = true;
  rewindable_ = S_ISREG(st.st_mode);
}

TextSource::~TextSource() {
  if (owns_file_ && file_) std::fclose(file_);
}

bool TextSource::read_line(std::string& line) {
  // A line is cut after 64 KiB so one without any newline cannot fill memory.
  constexpr std::size_t kMaxLine = 1u << 16;
  line.clear();
  int c;
  while (line.size() < kMaxLine && (c = getc_unlocked(file_)) != EOF) {
    if (c == '\0')
      throw Error(ExitCode::input, "'" + name_ + "': binary file (NUL byte on line " +
                                       std::to_string(line_number_ + 1) + ")");
    line += static_cast<char>(c);
    if (c == '\n') break;
  }
  if (std::ferror(file_))
    throw Error(ExitCode::input, "'" + name_ + "': read error: " + std::strerror(errno));
  if (line.empty()) return false;
  ++line_number_;
  return true;
}

std::optional<std::string> TextSource::next_paragraph() {
  std::string paragraph, line;
  while (read_line(line)) {
    repaired_ += repair_utf8(line);
    // Fold all whitespace runs (including non-breaking and other Unicode spaces later) to one.
    std::string folded;
    for (char c : line) {
      bool space = c == ' ' || c == '\t' || c == '\n';
      if (space) {
        if (!folded.empty() && folded.back() != ' ') folded += ' ';
      } else {
        folded += c;
      }
    }
    while (!folded.empty() && folded.back() == ' ') folded.pop_back();
    if (folded.empty()) {
      if (!paragraph.empty()) return paragraph;
      continue;
    }
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += folded;
    // A paragraph with no blank line for a very long stretch is flushed anyway, so memory stays
    // bounded on inputs that never break lines into paragraphs.
    if (paragraph.size() > (1u << 16)) return paragraph;
  }
  if (!paragraph.empty()) return paragraph;
  return std::nullopt;
}

}  // namespace briefcast
