#include "audio/mp3_assembler.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstring>
#include <optional>
#include <utility>

#include "audio/mp3_frames.hpp"
#include "audio/mp3_info_frame.hpp"
#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "base/interrupt.hpp"
#include "base/strings.hpp"

namespace briefcast {

namespace fs = std::filesystem;

namespace {

class UniqueFd {
 public:
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&&) = delete;
  ~UniqueFd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

struct Part {
  fs::path path;
  UniqueFd fd;
  Mp3StreamInfo info;
};

struct Plan {
  std::vector<Part> parts;
  Mp3Assembly report;
  Mp3FrameHeader info_header;  // the Info frame's own header
};

const std::optional<LameExtension>& lame_of(const Mp3StreamInfo& info) {
  static const std::optional<LameExtension> none;
  return info.info ? info.info->lame : none;
}

Part open_part(const fs::path& path) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0)
    throw Error(ExitCode::input, quoted(path) + ": cannot open: " + std::strerror(errno));
  Mp3StreamInfo info = scan_mp3_fd(fd.get(), path);
  if (info.unparsed_bytes > 0)
    throw Error(ExitCode::encode, quoted(path) +
                                      ": damaged MP3 part: " + std::to_string(info.unparsed_bytes) +
                                      " bytes at byte " + std::to_string(info.unparsed_offset) +
                                      " are not whole frames (truncated?); encode it again");
  if (info.audio_frames == 0)
    throw Error(ExitCode::encode, quoted(path) + ": MP3 part has no audio frames");
  if (!info.constant_parameters)
    throw Error(ExitCode::encode, quoted(path) + ": MP3 part is not CBR (frames differ from " +
                                      describe(info.first) + ")");
  return Part{path, std::move(fd), std::move(info)};
}

std::uint32_t to_ms(std::uint64_t samples, unsigned rate) {
  return static_cast<std::uint32_t>((samples * 1000 + rate / 2) / rate);
}

Plan make_plan(const std::vector<fs::path>& paths, std::size_t id3_tag_bytes) {
  if (paths.empty()) throw Error(ExitCode::encode, "no MP3 parts to assemble");
  Plan plan;
  for (const fs::path& path : paths) {
    Part part = open_part(path);
    if (!plan.parts.empty()) {
      const Mp3FrameHeader& first = plan.parts.front().info.first;
      if (!same_stream_parameters(first, part.info.first))
        throw Error(ExitCode::encode, quoted(path) + ": MP3 part is " + describe(part.info.first) +
                                          ", but " + quoted(plan.parts.front().path) + " is " +
                                          describe(first) + "; parts must match to be joined");
    }
    plan.parts.push_back(std::move(part));
  }

  Mp3Assembly& r = plan.report;
  const Mp3StreamInfo& first = plan.parts.front().info;
  const Mp3StreamInfo& last = plan.parts.back().info;
  r.format = describe(first.first);
  r.sample_rate_hz = first.first.sample_rate_hz;
  r.samples_per_frame = first.first.samples_per_frame;
  r.lame_extension = lame_of(first).has_value();
  r.encoder_delay = lame_of(first) ? lame_of(first)->encoder_delay : 0;
  r.encoder_padding = lame_of(last) ? lame_of(last)->encoder_padding : 0;
  plan.info_header =
      info_frame_header(first.first, r.lame_extension, quoted(plan.parts.front().path));
  r.id3_bytes = id3_tag_bytes;
  r.info_frame_bytes = plan.info_header.frame_bytes;

  std::uint64_t offset = r.id3_bytes + r.info_frame_bytes;
  for (const Part& part : plan.parts) {
    AssembledPart a;
    a.path = part.path;
    a.offset_bytes = offset;
    a.bytes = part.info.audio_bytes;
    a.frames = part.info.audio_frames;
    if (const auto& lame = lame_of(part.info)) {
      a.encoder_delay = lame->encoder_delay;
      a.encoder_padding = lame->encoder_padding;
    }
    // Raw position of the part's own audio, shifted by what the player trims at the start.
    const std::uint64_t raw = r.audio_frames * r.samples_per_frame + a.encoder_delay;
    a.start_sample = r.parts.empty() ? 0 : raw - std::min<std::uint64_t>(raw, r.encoder_delay);
    if (!r.parts.empty())
      r.parts.back().end_sample = std::max(a.start_sample, r.parts.back().start_sample);
    offset += a.bytes;
    r.audio_frames += a.frames;
    r.audio_bytes += a.bytes;
    r.parts.push_back(a);
  }
  // The Xing and LAME fields are 32 bits wide.
  if (r.info_frame_bytes + r.audio_bytes > 0xFFFFFFFF)
    throw Error(ExitCode::encode,
                "MP3 parts add up to more than 4 GiB, too much for one Info frame");
  const std::uint64_t raw_samples = r.audio_frames * r.samples_per_frame;
  const std::uint64_t trim = std::uint64_t{r.encoder_delay} + r.encoder_padding;
  r.samples = raw_samples > trim ? raw_samples - trim : 0;
  r.parts.back().end_sample = std::max(r.samples, r.parts.back().start_sample);
  for (AssembledPart& a : r.parts) {
    a.start_ms = to_ms(a.start_sample, r.sample_rate_hz);
    a.end_ms = to_ms(a.end_sample, r.sample_rate_hz);
  }
  r.duration_ms = to_ms(r.samples, r.sample_rate_hz);
  r.total_bytes = offset;
  return plan;
}

// Largest peak amplitude of the parts (LAME stores a big-endian IEEE float), 0 when any part
// lacks one: a maximum over some of the parts would understate it.
std::uint32_t combined_peak(const std::vector<Part>& parts) {
  float peak = 0;
  for (const Part& part : parts) {
    const auto& lame = lame_of(part.info);
    if (!lame) return 0;
    const float value = std::bit_cast<float>(lame_peak_bits(*lame));
    if (!(value > 0)) return 0;
    peak = std::max(peak, value);
  }
  return std::bit_cast<std::uint32_t>(peak);
}

std::vector<unsigned char> render_info_frame(const Plan& plan, std::uint16_t music_crc) {
  const Mp3Assembly& r = plan.report;
  InfoFrameContent c;
  c.header = plan.info_header;
  for (const AssembledPart& p : r.parts) c.runs.push_back({p.bytes, p.frames});
  c.first = plan.parts.front().info.info;
  if (!r.lame_extension && c.first) c.first->lame.reset();
  c.encoder_delay = r.encoder_delay;
  c.encoder_padding = r.encoder_padding;
  if (r.lame_extension) {
    c.peak_bits = combined_peak(plan.parts);
    const unsigned char gain = lame_mp3gain_byte(*lame_of(plan.parts.front().info));
    c.keep_mp3gain = std::all_of(plan.parts.begin(), plan.parts.end(), [&](const Part& p) {
      return lame_of(p.info) && lame_mp3gain_byte(*lame_of(p.info)) == gain;
    });
  }
  c.music_crc = music_crc;
  return briefcast::render_info_frame(c);
}

[[noreturn]] void throw_write_error(const fs::path& out, int err) {
  throw Error(ExitCode::output, quoted(out) + ": cannot write: " + std::strerror(err));
}

void write_all(int fd, const void* data, std::size_t size, const fs::path& out) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_write_error(out, errno);
    p += n;
    size -= static_cast<std::size_t>(n);
  }
}

// Copies a part's audio frames to `out_fd`, extending the running music CRC.
std::uint16_t copy_audio(const Part& part, int out_fd, const fs::path& out, std::uint16_t crc) {
  std::vector<unsigned char> block(1 << 16);
  std::uint64_t at = part.info.audio_offset;
  std::uint64_t left = part.info.audio_bytes;
  while (left > 0) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(left, block.size()));
    const ssize_t n = ::pread(part.fd.get(), block.data(), want, static_cast<off_t>(at));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      throw Error(ExitCode::input, quoted(part.path) + ": cannot read: " + std::strerror(errno));
    if (n == 0) throw Error(ExitCode::input, quoted(part.path) + ": file shrank while being read");
    const auto got = std::span<const unsigned char>(block).first(static_cast<std::size_t>(n));
    crc = lame_crc16(got, crc);
    write_all(out_fd, got.data(), got.size(), out);
    at += got.size();
    left -= got.size();
  }
  return crc;
}

}  // namespace

Mp3Assembly plan_mp3_assembly(const std::vector<fs::path>& parts, std::size_t id3_tag_bytes) {
  return make_plan(parts, id3_tag_bytes).report;
}

Mp3Assembly assemble_mp3(const std::vector<fs::path>& parts, const std::vector<char>& id3_tag,
                         const fs::path& out) {
  const Plan plan = make_plan(parts, id3_tag.size());
  AtomicOutput output(out);
  const int fd = output.fd();
  write_all(fd, id3_tag.data(), id3_tag.size(), out);
  // Placeholder, filled in once the music CRC is known (the order LAME itself uses).
  const std::vector<unsigned char> placeholder(plan.report.info_frame_bytes, 0);
  write_all(fd, placeholder.data(), placeholder.size(), out);
  std::uint16_t crc = 0;
  for (const Part& part : plan.parts) {
    throw_if_interrupted();
    crc = copy_audio(part, fd, out, crc);
  }
  const std::vector<unsigned char> info = render_info_frame(plan, crc);
  std::size_t done = 0;
  while (done < info.size()) {
    const ssize_t n = ::pwrite(fd, info.data() + done, info.size() - done,
                               static_cast<off_t>(id3_tag.size() + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_write_error(out, errno);
    done += static_cast<std::size_t>(n);
  }
  throw_if_interrupted();
  output.commit();
  return plan.report;
}

}  // namespace briefcast
