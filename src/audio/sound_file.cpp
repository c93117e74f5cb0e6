#include "audio/sound_file.hpp"

#include <sndfile.h>

#include <string>
#include <system_error>

#include "base/c_deleter.hpp"
#include "base/error.hpp"
#include "base/strings.hpp"

namespace briefcast {

namespace {

using SndfilePtr = std::unique_ptr<SNDFILE, CDeleter<sf_close>>;

int sndfile_format(SoundFormat format) {
  switch (format) {
    case SoundFormat::wav:
      return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    case SoundFormat::flac:
      return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    case SoundFormat::ogg:
      return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    case SoundFormat::opus:
      return SF_FORMAT_OGG | SF_FORMAT_OPUS;
  }
  throw Error(ExitCode::failure, "unknown sound file format");
}

class SoundFileWriter final : public AudioEncoder {
 public:
  SoundFileWriter(const std::filesystem::path& path, SoundFormat format, unsigned sample_rate_hz,
                  const Tags& tags, const std::filesystem::path& shown_as)
      : path_(path), shown_(shown_as.empty() ? path : shown_as) {
    SF_INFO info{};
    info.samplerate = static_cast<int>(sample_rate_hz);
    info.channels = 1;
    info.format = sndfile_format(format);
    file_.reset(sf_open(path.c_str(), SFM_WRITE, &info));
    if (!file_) fail(sf_strerror(nullptr));

    if (format == SoundFormat::ogg) {
      double quality = 0.4;
      if (sf_command(file_.get(), SFC_SET_VBR_ENCODING_QUALITY, &quality, sizeof quality) !=
          SF_TRUE)
        fail(sf_strerror(file_.get()));
    } else if (format != SoundFormat::opus) {
      // Without it, a float sample just above 1.0 wraps around to full negative scale.
      sf_command(file_.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE);
    }
    // Strings must be set before the first sample: Ogg and FLAC write their comments up front.
    set_string(SF_STR_TITLE, tags.title);
    set_string(SF_STR_ARTIST, tags.artist);
    set_string(SF_STR_ALBUM, tags.album);
    set_string(SF_STR_DATE, tags.date);
    set_string(SF_STR_COMMENT, tags.comment);
  }

  void write(std::span<const float> samples) override {
    if (!file_) throw Error(ExitCode::failure, "write after finish");
    const auto count = static_cast<sf_count_t>(samples.size());
    if (sf_writef_float(file_.get(), samples.data(), count) != count)
      fail(sf_strerror(file_.get()));
    frames_ += samples.size();
  }

  EncodeReport finish() override {
    if (!file_) throw Error(ExitCode::failure, "finish called twice");
    // sf_close rewrites the header and flushes the encoder: only its result tells success.
    const int result = sf_close(file_.release());
    if (result != SF_ERR_NO_ERROR) fail(sf_error_number(result));
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path_, ec);
    if (ec) fail(ec.message().c_str());
    EncodeReport report;
    report.frames = frames_;
    report.bytes = size;
    return report;
  }

 private:
  [[noreturn]] void fail(const char* message) const {
    throw Error(ExitCode::output, quoted(shown_) + ": " + message);
  }

  void set_string(int type, const std::string& value) {
    if (value.empty()) return;
    const int result = sf_set_string(file_.get(), type, value.c_str());
    if (result != SF_ERR_NO_ERROR) fail(sf_error_number(result));
  }

  std::filesystem::path path_;
  std::filesystem::path shown_;  // named in messages
  SndfilePtr file_;
  std::uint64_t frames_ = 0;
};

struct OpenedFile {
  SndfilePtr file;
  SF_INFO info{};
};

OpenedFile open_for_reading(const std::filesystem::path& path) {
  OpenedFile opened;
  opened.file.reset(sf_open(path.c_str(), SFM_READ, &opened.info));
  if (!opened.file) throw Error(ExitCode::input, quoted(path) + ": " + sf_strerror(nullptr));
  return opened;
}

}  // namespace

std::unique_ptr<AudioEncoder> open_sound_file_writer(const std::filesystem::path& path,
                                                     SoundFormat format, unsigned sample_rate_hz,
                                                     const Tags& tags,
                                                     const std::filesystem::path& shown_as) {
  return std::make_unique<SoundFileWriter>(path, format, sample_rate_hz, tags, shown_as);
}

DecodedAudio read_sound_file(const std::filesystem::path& path) {
  OpenedFile opened = open_for_reading(path);
  DecodedAudio audio;
  audio.sample_rate_hz = static_cast<unsigned>(opened.info.samplerate);
  audio.channels = static_cast<unsigned>(opened.info.channels);
  // The header's frame count is an estimate for MP3 and Vorbis, so read until the end instead.
  constexpr sf_count_t block_frames = 16384;
  std::vector<float> block(static_cast<std::size_t>(block_frames) * audio.channels);
  sf_count_t got;
  while ((got = sf_readf_float(opened.file.get(), block.data(), block_frames)) > 0)
    audio.samples.insert(audio.samples.end(), block.begin(),
                         block.begin() + static_cast<std::ptrdiff_t>(got * opened.info.channels));
  if (sf_error(opened.file.get()) != SF_ERR_NO_ERROR)
    throw Error(ExitCode::input, quoted(path) + ": " + sf_strerror(opened.file.get()));
  return audio;
}

SoundFileInfo probe_sound_file(const std::filesystem::path& path) {
  const OpenedFile opened = open_for_reading(path);
  SoundFileInfo info;
  info.sample_rate_hz = static_cast<unsigned>(opened.info.samplerate);
  info.channels = static_cast<unsigned>(opened.info.channels);
  info.header_frames = opened.info.frames;
  info.format = opened.info.format;
  return info;
}

}  // namespace briefcast
