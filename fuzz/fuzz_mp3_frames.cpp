// The MP3 frame scanner (serve's byte counts, validate's lengths, the assembler) on any bytes.
#include <sys/mman.h>
#include <unistd.h>

#include "audio/mp3_frames.hpp"
#include "fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace briefcast;
  if (auto header = parse_frame_header({data, size})) {
    (void)describe(*header);
    fuzz::expect_answer([&] { (void)parse_xing_header({data, size}, *header); });
  }
  const int fd = ::memfd_create("fuzz.mp3", 0);
  if (fd < 0) return 0;
  for (std::size_t done = 0; done < size;) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  fuzz::expect_answer([&] { (void)scan_mp3_fd(fd, "fuzz.mp3"); });
  ::close(fd);
  return 0;
}
