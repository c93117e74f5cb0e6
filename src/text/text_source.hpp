#pragma once
// Reading article text: a file or standard input, validated and repaired to UTF-8, handed out one
// paragraph at a time so a long input never sits whole in memory.
//
// Paragraphs are separated by blank lines; the lines of one paragraph are joined with spaces.
// This is the seam the text front end (HTML, scraped pages, normalization) plugs into later.

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace briefcast {

class TextSource {
 public:
  // `spec` is a file path or "-" for standard input. Throws Error(ExitCode::input) naming the
  // file when it is missing, a directory, unreadable, or (checked on the first block) binary.
  explicit TextSource(const std::string& spec);
  ~TextSource();
  TextSource(const TextSource&) = delete;
  TextSource& operator=(const TextSource&) = delete;

  // The next non-empty paragraph (whitespace folded, UTF-8), or nullopt at the end.
  // Throws Error(ExitCode::input) when a NUL byte shows the file is binary.
  std::optional<std::string> next_paragraph();

  // The name used in messages: the path, or "<stdin>".
  const std::string& name() const { return name_; }
  // Number of invalid UTF-8 sequences repaired so far (each read as Windows-1252).
  std::size_t repaired_bytes() const { return repaired_; }
  // True when the input is a regular file (it can be read twice, e.g. to count sentences).
  bool rewindable() const { return rewindable_; }

 private:
  bool read_line(std::string& line);

  std::string name_;
  std::FILE* file_ = nullptr;
  bool owns_file_ = false;
  bool rewindable_ = false;
  std::size_t repaired_ = 0;
  std::size_t line_number_ = 0;
};

// Repairs invalid UTF-8 by reading each invalid byte as Windows-1252 (the usual culprit) and
// drops C0 control characters other than tab/newline. Returns the number of bytes repaired.
std::size_t repair_utf8(std::string& text);

}  // namespace briefcast
