#pragma once
// Reading article text: a file or standard input, validated and repaired to UTF-8, handed out one
// paragraph at a time so a long input never sits whole in memory.
//
// Paragraphs are separated by blank lines; the lines of one paragraph are joined with spaces.
// The text front end (pipeline/text_frontend.hpp) streams plain-text files too large to clean
// whole through it, and cleans the bytes of smaller ones with clean_plain_text.

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "base/file_read.hpp"

namespace briefcast {

class TextSource {
 public:
  // `spec` is a file path or "-" for standard input. Throws Error(ExitCode::input) naming the
  // file when it is missing, a folder or unreadable ("'PATH': cannot read: <reason>", as
  // read_file_bytes words it), or (checked as it is read) binary.
  explicit TextSource(const std::string& spec);
  TextSource(const TextSource&) = delete;
  TextSource& operator=(const TextSource&) = delete;

  // The next non-empty paragraph (whitespace folded, UTF-8), or nullopt at the end.
  // Throws Error(ExitCode::input) when a NUL byte shows the file is binary.
  std::optional<std::string> next_paragraph();

  // The name used in messages: the path, or "<stdin>".
  const std::string& name() const { return name_; }
  // Number of invalid UTF-8 bytes repaired so far (each read as Windows-1252).
  std::size_t repaired_bytes() const { return repaired_; }
  // True when the input is a regular file (it can be read twice, e.g. to count sentences).
  bool rewindable() const { return rewindable_; }

 private:
  bool read_line(std::string& line);

  std::string name_;
  FilePtr owned_;              // the opened file; empty for standard input
  std::FILE* file_ = nullptr;  // owned_ or stdin
  bool rewindable_ = false;
  std::size_t repaired_ = 0;
  std::size_t line_number_ = 0;
};

// Makes the bytes of a plain-text file speakable text, in place: invalid UTF-8 is repaired
// (repair_utf8 in text_encoding.hpp: each bad byte read as Windows-1252), carriage returns, form
// feeds and vertical tabs become spaces, and the other control characters (C0 but tab and
// newline, and C1) are dropped. Returns the number of bytes repaired.
std::size_t clean_plain_text(std::string& text);

}  // namespace briefcast
