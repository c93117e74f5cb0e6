#include "audio/id3_tags.hpp"

#include <attachedpictureframe.h>
#include <chapterframe.h>
#include <commentsframe.h>
#include <id3v2frame.h>
#include <id3v2header.h>
#include <id3v2tag.h>
#include <mpegfile.h>
#include <tableofcontentsframe.h>
#include <textidentificationframe.h>
#include <urllinkframe.h>

#include <algorithm>
#include <memory>
#include <string_view>

#include "base/error.hpp"
#include "base/file_read.hpp"
#include "base/strings.hpp"

namespace briefcast {

namespace {

TagLib::String utf8(const std::string& s) { return TagLib::String(s, TagLib::String::UTF8); }

// The MIME type comes from the bytes, not the file name: podcast apps reject a mismatch.
const char* image_mime_type(std::string_view data) {
  if (data.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  if (data.starts_with("\x89PNG\r\n\x1A\n")) return "image/png";
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
  const std::string image = read_regular_file(path, kMaxCoverBytes);
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

// URL frames are Latin-1 only; a URL should be ASCII already, and anything else is escaped so the
// link survives instead of turning into '?'.
std::string url_ascii(const std::string& url) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : url) {
    if (c > 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

TagLib::ByteVector chapter_id(std::size_t index) {
  return TagLib::ByteVector(("chp" + std::to_string(index)).c_str());
}

void add_chapters(TagLib::ID3v2::Tag& tag, const std::vector<Id3Chapter>& chapters) {
  if (chapters.empty()) return;
  if (chapters.size() > 255)
    throw Error(ExitCode::encode, "ID3 chapters: " + std::to_string(chapters.size()) +
                                      " chapters, at most 255 fit in a table of contents");
  auto toc = std::make_unique<TagLib::ID3v2::TableOfContentsFrame>(TagLib::ByteVector("toc"));
  toc->setIsTopLevel(true);
  toc->setIsOrdered(true);
  for (std::size_t i = 0; i < chapters.size(); ++i) toc->addChildElement(chapter_id(i));
  tag.addFrame(toc.release());

  constexpr unsigned no_offset = 0xFFFFFFFF;  // byte offsets unused: times are authoritative
  for (std::size_t i = 0; i < chapters.size(); ++i) {
    const Id3Chapter& c = chapters[i];
    if (c.end_ms < c.start_ms)
      throw Error(ExitCode::encode, "ID3 chapters: chapter " + std::to_string(i + 1) + " ('" +
                                        c.title + "') ends at " + std::to_string(c.end_ms) +
                                        " ms, before its start at " + std::to_string(c.start_ms) +
                                        " ms");
    auto chapter = std::make_unique<TagLib::ID3v2::ChapterFrame>(chapter_id(i), c.start_ms,
                                                                 c.end_ms, no_offset, no_offset);
    if (!c.title.empty()) {
      auto title =
          std::make_unique<TagLib::ID3v2::TextIdentificationFrame>("TIT2", TagLib::String::UTF8);
      title->setText(utf8(c.title));
      chapter->addEmbeddedFrame(title.release());
    }
    if (!c.url.empty()) {
      auto link = std::make_unique<TagLib::ID3v2::UserUrlLinkFrame>(TagLib::String::UTF8);
      link->setUrl(TagLib::String(url_ascii(c.url), TagLib::String::Latin1));
      chapter->addEmbeddedFrame(link.release());
    }
    tag.addFrame(chapter.release());
  }
}

Id3Chapter read_chapter(const TagLib::ID3v2::ChapterFrame& frame) {
  Id3Chapter c;
  c.start_ms = frame.startTime();
  c.end_ms = frame.endTime();
  const TagLib::ID3v2::FrameList& titles = frame.embeddedFrameList("TIT2");
  if (!titles.isEmpty()) c.title = titles.front()->toString().to8Bit(true);
  const TagLib::ID3v2::FrameList& links = frame.embeddedFrameList("WXXX");
  if (!links.isEmpty())
    if (auto* link = dynamic_cast<const TagLib::ID3v2::UrlLinkFrame*>(links.front()))
      c.url = link->url().to8Bit(true);
  return c;
}

std::vector<Id3Chapter> read_chapters(const TagLib::ID3v2::Tag& tag) {
  std::vector<Id3Chapter> chapters;
  if (const auto* toc = TagLib::ID3v2::TableOfContentsFrame::findTopLevel(&tag)) {
    for (const TagLib::ByteVector& id : toc->childElements())
      if (const auto* chapter = TagLib::ID3v2::ChapterFrame::findByElementID(&tag, id))
        chapters.push_back(read_chapter(*chapter));
    return chapters;
  }
  for (const TagLib::ID3v2::Frame* frame : tag.frameList("CHAP"))
    if (const auto* chapter = dynamic_cast<const TagLib::ID3v2::ChapterFrame*>(frame))
      chapters.push_back(read_chapter(*chapter));
  std::stable_sort(chapters.begin(), chapters.end(), [](const Id3Chapter& a, const Id3Chapter& b) {
    return a.start_ms < b.start_ms;
  });
  return chapters;
}

}  // namespace

std::vector<char> render_id3v2(const Tags& tags) { return render_id3v2(tags, {}); }

std::vector<char> render_id3v2(const Tags& tags, const std::vector<Id3Chapter>& chapters) {
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
  add_chapters(tag, chapters);
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
  result.chapters = read_chapters(tag);
  return result;
}

}  // namespace briefcast
