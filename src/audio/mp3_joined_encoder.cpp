#include "audio/mp3_joined_encoder.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "audio/id3_tags.hpp"
#include "audio/mp3_frames.hpp"
#include "audio/mp3_info_frame.hpp"
#include "base/error.hpp"
#include "base/fd_write.hpp"

namespace briefcast {

namespace {

// What LAME adds at a join when a segment's length is a multiple of the frame: its delay (576)
// plus its smallest padding (576), for 1152- and 576-sample frames alike (LAME 3.100).
constexpr std::size_t kJoinSamples = 1152;
// Quiet kept between the speech and the left-out stretch: 20 ms, so that the join lies well
// inside the pause (soxr and filter tails, and the codec's own smearing around speech, stay in
// the segment that owns them).
constexpr unsigned kJoinGuardPerSecond = 50;
// A pause this long (a sentence's or a paragraph's) is where a segment long enough is cut; a
// shorter one (a comma's) only once the segment is kJoinPatienceSeconds past its minimum.
constexpr double kLongQuietSeconds = 0.25;
constexpr double kJoinPatienceSeconds = 1.5;
// Samples converted between two looks for a place to cut (a quiet stretch long enough to cut in
// lasts far longer, so none is missed).
constexpr std::size_t kCutCheckSamples = 64;
// Digital silence at the start of a segment is written as silent frames of its own, not encoded,
// once this many frames of it have gathered (bounds the memory a long silence holds).
constexpr std::size_t kSilenceFlushUnits = 64;

// pwrite ignores its offset on an O_APPEND descriptor (Linux), so such a file counts as a pipe.
bool is_seekable(int fd) {
  const int flags = ::fcntl(fd, F_GETFL);
  return ::lseek(fd, 0, SEEK_CUR) >= 0 && flags >= 0 && (flags & O_APPEND) == 0;
}

// The MPEG header LAME writes at these settings (mono, no padding), for the Info frame's size.
Mp3FrameHeader stream_header(const Mp3Config& config) {
  Mp3FrameHeader h;
  const unsigned rate = config.sample_rate_hz;
  h.version = rate >= 32000   ? MpegVersion::mpeg1
              : rate >= 16000 ? MpegVersion::mpeg2
                              : MpegVersion::mpeg25;
  h.sample_rate_hz = rate;
  h.bitrate_kbps = static_cast<unsigned>(config.bitrate_kbps);
  h.channel_mode = ChannelMode::mono;
  const auto bytes = render_frame_header(h);
  const auto parsed = bytes ? parse_frame_header(*bytes) : std::nullopt;
  if (!parsed)
    throw Error(ExitCode::encode, "LAME: " + std::to_string(config.bitrate_kbps) +
                                      " kbps is not an MP3 bitrate at " + std::to_string(rate) +
                                      " Hz");
  return *parsed;
}

class JoinedMp3Encoder final : public AudioEncoder {
 public:
  JoinedMp3Encoder(int fd, const Mp3Config& config, const Tags& tags, unsigned jobs)
      : fd_(fd),
        seekable_(is_seekable(fd)),
        config_(config),
        jobs_(std::max(1u, jobs)),
        min_samples_(static_cast<std::size_t>(kJoinSegmentSeconds * config.sample_rate_hz)),
        max_samples_(static_cast<std::size_t>(kJoinMaxSegmentSeconds * config.sample_rate_hz)),
        guard_(config.sample_rate_hz / kJoinGuardPerSecond),
        long_quiet_(static_cast<std::size_t>(kLongQuietSeconds * config.sample_rate_hz)),
        patience_(static_cast<std::size_t>(kJoinPatienceSeconds * config.sample_rate_hz)) {
    if (config.vbr_quality)
      throw Error(ExitCode::failure, "the joined MP3 encoder takes CBR settings only");
    // Settings LAME refuses fail here, before anything is written.
    (void)mp3_lowpass_hz(config);
    header_ = stream_header(config);
    filling_.reserve(max_samples_ + kCutCheckSamples);
    info_header_ = info_frame_header(header_, true, "MP3 output");
    const std::vector<char> id3 = render_id3v2(tags);
    const off_t start = ::lseek(fd_, 0, SEEK_CUR);
    emit(id3.data(), id3.size());
    if (seekable_) {
      info_offset_ = start + static_cast<off_t>(id3.size());
      const std::vector<unsigned char> placeholder(info_header_.frame_bytes, 0);
      emit(placeholder.data(), placeholder.size());
    }
    // One job encodes on the calling thread; more get a thread each (the caller renders).
    if (jobs_ > 1)
      for (unsigned i = 0; i < jobs_; ++i) workers_.emplace_back([this] { work(); });
  }

  ~JoinedMp3Encoder() override { stop_workers(); }

  void write(std::span<const float> samples) override {
    if (finished_) throw Error(ExitCode::failure, "write after finish");
    samples_ += samples.size();
    while (!samples.empty()) {
      // Until the segment is long enough to be cut, the samples only need converting.
      const std::size_t length = filling_.size();
      const std::size_t n = std::min(samples.size(), length + kCutCheckSamples < min_samples_
                                                         ? min_samples_ - length - kCutCheckSamples
                                                         : kCutCheckSamples);
      append_samples(samples.first(n));
      samples = samples.subspan(n);
      if (filling_.size() >= min_samples_) look_for_cut();
    }
  }

  EncodeReport finish() override {
    if (finished_) throw Error(ExitCode::failure, "finish called twice");
    finished_ = true;
    Job job;
    job.encode = filling_.size();
    job.samples = std::move(filling_);
    submit(std::move(job));
    wait_all();
    stop_workers();
    if (runs_.empty()) throw Error(ExitCode::encode, "LAME: no audio frames");
    EncodeReport report;
    if (seekable_) {
      InfoFrameContent c;
      c.header = info_header_;
      c.runs = runs_;
      c.first = first_info_;
      c.encoder_delay = first_delay_;
      c.encoder_padding = last_padding_;
      c.music_crc = music_crc_;
      // LAME measures no peak at these settings; the first segment's would understate it.
      c.peak_bits = 0;
      const std::vector<unsigned char> info = render_info_frame(c);
      pwrite_fd_all(fd_, info.data(), info.size(), info_offset_);
      report.info_frame_written = true;
    }
    report.segments = encoded_segments_;
    report.frames = samples_;
    report.bytes = bytes_;
    return report;
  }

 private:
  struct Job {
    std::vector<std::int16_t> samples;
    std::size_t encode = 0;  // samples encoded: the rest of `samples` is the quiet left out
    bool first = false;
    bool silent = false;  // digital silence: `result` made without LAME
    bool started = false;
    bool done = false;
    Mp3Segment result;
    std::exception_ptr error;
  };

  // Cuts the segment being filled where a long enough quiet stretch allows: at the first frame
  // boundary inside the stretch with kJoinSamples + guard_ quiet before it (the rest of the
  // stretch starts the next segment), else where it stands once it is the longest allowed.
  void look_for_cut() {
    const std::size_t length = filling_.size();
    const std::size_t need = kJoinSamples + guard_;
    if (quiet_run_ >= long_quiet_ || (length >= min_samples_ + patience_ && quiet_run_ >= need)) {
      const std::size_t start = length - quiet_run_;
      const std::size_t at = (start + need + kJoinSamples - 1) / kJoinSamples * kJoinSamples;
      if (at <= length) {
        cut(at, true);
        return;
      }
    }
    if (length >= max_samples_) cut(length, false);
  }

  // Appends `samples` to the segment being filled, as 16-bit samples (as LAME reads WAV input:
  // half the memory of floats for the segments in flight), and counts the quiet at its end.
  void append_samples(std::span<const float> samples) {
    const std::size_t at = filling_.size();
    filling_.resize(at + samples.size());
    std::int16_t* to = filling_.data() + at;
    for (std::size_t i = 0; i < samples.size(); ++i) {
      const float v = std::clamp(samples[i], -1.0f, 1.0f) * 32767.0f;
      to[i] = static_cast<std::int16_t>(v + (v >= 0.0f ? 0.5f : -0.5f));  // rounded
    }
    std::size_t first_sound = 0;
    while (first_sound < samples.size() && std::fabs(samples[first_sound]) < kJoinQuietLevel)
      ++first_sound;
    if (first_sound == samples.size()) {
      quiet_run_ += samples.size();
    } else {
      std::size_t quiet = 0;
      while (std::fabs(samples[samples.size() - 1 - quiet]) < kJoinQuietLevel) ++quiet;
      quiet_run_ = quiet;
    }
    if (!leading_quiet_) return;
    if (first_sound < samples.size()) {
      leading_quiet_ = false;
      write_silence(at + first_sound);
    } else if (filling_.size() >= kJoinSamples + guard_ + kSilenceFlushUnits * kJoinSamples) {
      write_silence(filling_.size());
    }
  }

  // The segment being filled starts with `quiet` quiet samples (it starts at a frame boundary,
  // after a seamless cut): all but the last kJoinSamples + guard_ of them, in whole frames, go
  // out as digital silence — frames with no audio data that every decoder plays as zeros, and
  // that cost LAME nothing (it would spend more than half a speech frame's time on each).
  void write_silence(std::size_t quiet) {
    const std::size_t keep = kJoinSamples + guard_;
    if (quiet < keep + kJoinSamples) return;
    const std::size_t units = (quiet - keep) / kJoinSamples;
    Job job;
    job.silent = true;
    job.result.frames = units * (kJoinSamples / header_.samples_per_frame);
    job.result.bytes = take_bytes();
    job.result.bytes.clear();
    for (std::uint64_t f = 0; f < job.result.frames; ++f) append_silent_frame(job.result.bytes);
    submit(std::move(job));
    filling_.erase(filling_.begin(),
                   filling_.begin() + static_cast<std::ptrdiff_t>(units * kJoinSamples));
    quiet_run_ = std::min(quiet_run_, filling_.size());
  }

  // One frame whose side information is all zero (no main data, nothing taken from the bit
  // reservoir), its padding keeping the stream's average bitrate exact.
  void append_silent_frame(std::vector<unsigned char>& out) {
    Mp3FrameHeader h = header_;
    const unsigned per_kbps = h.version == MpegVersion::mpeg1 ? 144000 : 72000;
    silence_slots_ += per_kbps * h.bitrate_kbps % h.sample_rate_hz;
    h.padding = silence_slots_ >= h.sample_rate_hz;
    if (h.padding) silence_slots_ -= h.sample_rate_hz;
    const auto bytes = render_frame_header(h);
    const auto parsed = bytes ? parse_frame_header(*bytes) : std::nullopt;
    if (!parsed) throw Error(ExitCode::encode, "LAME: no silent frame at these settings");
    const std::size_t from = out.size();
    out.resize(from + parsed->frame_bytes, 0);
    std::copy(bytes->begin(), bytes->end(), out.begin() + static_cast<std::ptrdiff_t>(from));
  }

  // Ends the segment being filled at `at` (a frame boundary when `seamless`): its first
  // at - kJoinSamples samples are encoded, and what follows `at` starts the next segment.
  void cut(std::size_t at, bool seamless) {
    std::vector<std::int16_t> next = take_buffer();
    next.assign(filling_.begin() + static_cast<std::ptrdiff_t>(at), filling_.end());
    filling_.resize(at);
    const std::size_t encode = seamless ? at - kJoinSamples : at;
    Job job;
    job.samples = std::move(filling_);
    job.encode = encode;
    submit(std::move(job));
    filling_ = std::move(next);
    quiet_run_ = std::min(quiet_run_, filling_.size());
    leading_quiet_ = seamless && quiet_run_ == filling_.size();
  }

  void submit(Job job) {
    job.first = submitted_++ == 0;
    if (job.silent) job.started = job.done = true;
    if (workers_.empty()) {
      if (!job.silent) run(job);
      job.done = true;
      std::lock_guard lock(mutex_);
      jobs_queue_.push_back(std::move(job));
    } else {
      std::unique_lock lock(mutex_);
      // At most 2 × jobs_ segments wait or are being encoded (mp3_joined_encoder.hpp).
      changed_.wait(lock, [&] { return encoding() < 2 * jobs_ || front_done(); });
      jobs_queue_.push_back(std::move(job));
      changed_.notify_all();
    }
    write_done();
  }

  // Segments for LAME in the queue (silent ones are done as they are queued).
  std::size_t encoding() const {
    return static_cast<std::size_t>(std::count_if(jobs_queue_.begin(), jobs_queue_.end(),
                                                  [](const Job& j) { return !j.silent; }));
  }

  bool front_done() const { return !jobs_queue_.empty() && jobs_queue_.front().done; }

  // Writes the finished segments at the front of the queue, in order.
  void write_done() {
    while (true) {
      Job job;
      {
        std::lock_guard lock(mutex_);
        if (!front_done()) return;
        job = std::move(jobs_queue_.front());
        jobs_queue_.pop_front();
        changed_.notify_all();
      }
      if (job.error) std::rethrow_exception(job.error);
      append(job);
      recycle(std::move(job));
    }
  }

  void wait_all() {
    while (true) {
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return jobs_queue_.empty() || front_done(); });
        if (jobs_queue_.empty()) return;
      }
      write_done();
    }
  }

  void append(const Job& job) {
    const Mp3Segment& s = job.result;
    if (s.frames == 0) return;  // an empty last segment
    if (job.first) {
      first_delay_ = s.encoder_delay;
      const auto header = parse_frame_header(s.info_frame);
      if (header) first_info_ = parse_xing_header(s.info_frame, *header);
    }
    // A seamless cut relies on LAME's join length; a different LAME would shift the timeline.
    if (!job.silent && job.encode + kJoinSamples == job.samples.size() &&
        s.frames * info_header_.samples_per_frame != job.samples.size())
      throw Error(ExitCode::encode, "LAME: a joined segment of " +
                                        std::to_string(job.samples.size()) + " samples gave " +
                                        std::to_string(s.frames) + " frames");
    if (!job.silent) {
      last_padding_ = s.encoder_padding;
      ++encoded_segments_;
    }
    runs_.push_back({s.bytes.size(), s.frames});
    music_crc_ = lame_crc16(s.bytes, music_crc_);
    emit(s.bytes.data(), s.bytes.size());
  }

  void run(Job& job) {
    try {
      job.result =
          encode_mp3_segment(config_, std::span<const std::int16_t>(job.samples).first(job.encode),
                             job.first, take_bytes());
    } catch (...) {
      job.error = std::current_exception();
    }
  }

  void work() {
    std::unique_lock lock(mutex_);
    while (true) {
      changed_.wait(lock, [&] { return stopping_ || next_unstarted() != nullptr; });
      if (stopping_) return;
      Job* job = next_unstarted();
      job->started = true;
      // std::deque keeps element addresses while elements are added or removed at the ends, and
      // a job is only removed once done.
      lock.unlock();
      run(*job);
      lock.lock();
      job->done = true;
      changed_.notify_all();
    }
  }

  Job* next_unstarted() {
    for (Job& job : jobs_queue_)
      if (!job.started) return &job;
    return nullptr;
  }

  void stop_workers() noexcept {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      changed_.notify_all();
    }
    for (std::thread& t : workers_) t.join();
    workers_.clear();
  }

  // A segment's buffer: reserved once for the longest segment, so it never grows by doubling.
  std::vector<std::int16_t> take_buffer() {
    std::lock_guard lock(mutex_);
    if (spare_samples_.empty()) {
      std::vector<std::int16_t> b;
      b.reserve(max_samples_ + kCutCheckSamples);
      return b;
    }
    std::vector<std::int16_t> b = std::move(spare_samples_.back());
    spare_samples_.pop_back();
    return b;
  }
  std::vector<unsigned char> take_bytes() {
    std::lock_guard lock(mutex_);
    if (spare_bytes_.empty()) return {};
    std::vector<unsigned char> b = std::move(spare_bytes_.back());
    spare_bytes_.pop_back();
    return b;
  }
  void recycle(Job job) {
    std::lock_guard lock(mutex_);
    // Enough for the next segments to reuse; more would only hold memory.
    if (spare_samples_.empty() && !job.silent) spare_samples_.push_back(std::move(job.samples));
    if (spare_bytes_.size() < jobs_) spare_bytes_.push_back(std::move(job.result.bytes));
  }

  void emit(const void* data, std::size_t size) {
    write_fd_all(fd_, data, size);
    bytes_ += size;
  }

  int fd_;
  bool seekable_;
  Mp3Config config_;
  unsigned jobs_;
  std::size_t min_samples_;
  std::size_t max_samples_;
  std::size_t guard_;       // quiet samples kept before the left-out stretch
  std::size_t long_quiet_;  // a pause to cut in as soon as the segment is long enough
  std::size_t patience_;    // past the minimum, a shorter pause will do
  Mp3FrameHeader header_;   // of the audio frames
  Mp3FrameHeader info_header_;
  off_t info_offset_ = 0;

  std::vector<std::int16_t> filling_;  // the segment being filled
  std::size_t quiet_run_ = 0;          // quiet samples at its end
  bool leading_quiet_ = false;         // it starts after a seamless cut and is all quiet so far
  std::uint64_t silence_slots_ = 0;    // padding remainder of the silent frames, in Hz units
  std::uint64_t submitted_ = 0;
  std::uint64_t samples_ = 0;
  std::uint64_t bytes_ = 0;
  bool finished_ = false;

  // Written so far (producer thread only).
  std::vector<AudioRun> runs_;
  std::optional<XingHeader> first_info_;
  unsigned first_delay_ = 0;
  unsigned last_padding_ = 0;
  std::uint16_t music_crc_ = 0;
  std::uint64_t encoded_segments_ = 0;  // by LAME (silent runs not counted)

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Job> jobs_queue_;  // submitted, not yet written, in order
  std::vector<std::vector<std::int16_t>> spare_samples_;
  std::vector<std::vector<unsigned char>> spare_bytes_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace

std::unique_ptr<AudioEncoder> open_joined_mp3_encoder(int fd, const Mp3Config& config,
                                                      const Tags& tags, unsigned jobs) {
  return std::make_unique<JoinedMp3Encoder>(fd, config, tags, jobs);
}

}  // namespace briefcast
