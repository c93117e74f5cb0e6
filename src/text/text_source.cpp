#include "text/text_source.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "base/error.hpp"
#include "base/strings.hpp"
#include "text/text_encoding.hpp"

namespace briefcast {

std::size_t clean_plain_text(std::string& text) {
  std::size_t repaired = 0;
  const std::string utf8 = repair_utf8(text, &repaired);
  text.clear();
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c == 0xC2 && i + 1 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) < 0xA0) {
      ++i;  // a C1 control (U+0080..U+009F), e.g. an undefined Windows-1252 byte
      continue;
    }
    if (c < 0x20 && c != '\t' && c != '\n') {
      if (c == '\r' || c == '\f' || c == '\v') text += ' ';
      continue;
    }
    text += static_cast<char>(c);
  }
  return repaired;
}

TextSource::TextSource(const std::string& spec) {
  if (spec == "-") {
    name_ = "<stdin>";
    file_ = stdin;
    return;
  }
  name_ = spec;
  owned_ = open_for_reading(spec);
  file_ = owned_.get();
  struct stat st {};
  rewindable_ = ::fstat(fileno(file_), &st) == 0 && S_ISREG(st.st_mode);
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
    repaired_ += clean_plain_text(line);
    // Runs of ASCII whitespace become one space (Unicode spaces are left to tidy_unicode).
    const std::string folded = fold_space(line);
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
