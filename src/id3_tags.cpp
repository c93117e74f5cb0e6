#include "id3_tags.hpp"

#include <attachedpictureframe.h>
#include <commentsframe.h>
#include <id3v2frame.h>
#include <id3v2header.h>
#include <id3v2tag.h>
#include <mpegfile.h>
#include <textidentificationframe.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string_view>

#include "c_deleter.hpp"
#include "error.hpp"

namespace briefcast {

namespace {

using FilePtr = std::unique_ptr<std::FILE, CDeleter<std::fclose>>;

TagLib::String utf8(const std::string& s) { return TagLib::String(s, TagLib::String::UTF8); }

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

std::vector<char> read_whole_file(const std::filesystem::path& path) {
  FilePtr file(std::fopen(path.c_str(), "rb"));
  if (!file)
    throw Error(ExitCode::input, quoted(path) + ": cannot read cover: " + std::strerror(errno));
  std::vector<char> data;
  char block[65536];
  std::size_t n;
  while ((n = std::fread(block, 1, sizeof block, file.get())) > 0)
    data.insert(data.end(), block, block + n);
  if (std::ferror(file.get()))
    throw Error(ExitCode::input, quoted(path) + ": cannot read cover: " + std::strerror(errno));
  return data;
}

bool starts_with(const std::vector<char>& data, std::string_view magic) {
  return data.size() >= magic.size() && std::equal(magic.begin(), magic.end(), data.begin());
}

// The MIME type comes from the bytes, not the file name: podcast apps reject a mismatch.
const char* image_mime_type(const std::vector<char>& data) {
  if (starts_with(data, "\xFF\xD8\xFF")) return "image/jpeg";
  if (starts_with(data, "\x89PNG\r\n\x1A\n")) return "image/png";
  return nullptr;
}

void add_text(TagLib::ID3v2::Tag& tag, const char* id, const std::string& value) {
  if (value.empty()) return;
  auto frame = std::make_unique<TagLib::ID3v2::TextIdentificationFrame>(id, TagLib::String::UTF8);
  frame->setText(utf8(value));
  tag.addFrame(frame.release());
}

// COMM needs a three-letter ISO 639-2 code; a voice code like "en-us" does not fit there.
TagLib::ByteVector comment_language(const std::string& language) {
  const bool iso639_2 =
      language.size() == 3 &&
      std::all_of(language.begin(), language.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return TagLib::ByteVector(iso639_2 ? language.c_str() : "eng", 3);
}

void add_cover(TagLib::ID3v2::Tag& tag, const std::filesystem::path& path) {
  const std::vector<char> image = read_whole_file(path);
  const char* mime = image_mime_type(image);
  if (!mime) throw Error(ExitCode::input, quoted(path) + ": cover is not a JPEG or PNG image");
  auto frame = std::make_unique<TagLib::ID3v2::AttachedPictureFrame>();
  frame->setTextEncoding(TagLib::String::UTF8);
  frame->setMimeType(mime);
  frame->setType(TagLib::ID3v2::AttachedPictureFrame::FrontCover);
  frame->setPicture(TagLib::ByteVector(image.data(), static_cast<unsigned>(image.size())));
  tag.addFrame(frame.release());
}

std::string first_text(const TagLib::ID3v2::Tag& tag, const char* id) {
  const TagLib::ID3v2::FrameList& frames = tag.frameList(id);
  return frames.isEmpty() ? std::string() : frames.front()->toString().to8Bit(true);
}

}  // namespace

std::vector<char> render_id3v2(const Tags& tags) {
  TagLib::ID3v2::Tag tag;
  add_text(tag, "TIT2", tags.title);
  add_text(tag, "TPE1", tags.artist);
  add_text(tag, "TALB", tags.album);
  add_text(tag, "TDRC", tags.date);
  add_text(tag, "TLAN", tags.language);
  if (!tags.comment.empty()) {
    auto comment = std::make_unique<TagLib::ID3v2::CommentsFrame>(TagLib::String::UTF8);
    comment->setLanguage(comment_language(tags.language));
    comment->setText(utf8(tags.comment));
    tag.addFrame(comment.release());
  }
  // Players show COMM; TSSE is where encoder settings belong, and tags.comment carries them.
  add_text(tag, "TSSE", tags.comment);
  if (tags.cover) add_cover(tag, *tags.cover);
  const TagLib::ByteVector bytes = tag.render(TagLib::ID3v2::v4);
  return std::vector<char>(bytes.begin(), bytes.end());
}

ReadTags read_id3v2(const std::filesystem::path& mp3) {
  TagLib::MPEG::File file(mp3.c_str(), false);
  if (!file.isOpen()) throw Error(ExitCode::input, quoted(mp3) + ": cannot open the MP3 file");
  ReadTags result;
  if (!file.hasID3v2Tag()) return result;
  const TagLib::ID3v2::Tag& tag = *file.ID3v2Tag();
  result.id3_version = tag.header()->majorVersion();
  result.tags.title = tag.title().to8Bit(true);
  result.tags.artist = tag.artist().to8Bit(true);
  result.tags.album = tag.album().to8Bit(true);
  result.tags.date = first_text(tag, "TDRC");
  result.tags.language = first_text(tag, "TLAN");
  result.tags.comment = tag.comment().to8Bit(true);
  result.has_cover = !tag.frameList("APIC").isEmpty();
  return result;
}

}  // namespace briefcast
