#include <malloc.h>

#include <algorithm>
#include <iostream>
#include <thread>

#include "base/interrupt.hpp"
#include "cli/cli.hpp"

int main(int argc, char** argv) {
  // glibc lets threads open up to 8 malloc arenas per core, and what one thread frees stays
  // mapped in its arena: with the segment encoders' and the story parts' threads, `build`'s peak
  // RSS for 20 stories went from 72 to 133 MB. One arena per core keeps memory flat at the same
  // speed (bench/run.sh).
  mallopt(M_ARENA_MAX, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  // glibc also raises its mmap threshold to the largest block freed so far, after which the
  // per-sentence and per-segment buffers of a long conversion come from the heap and fragment
  // it: `say`'s peak RSS grew with the input (60 min 41 MB, 8 h 52 MB). A fixed threshold
  // (glibc's initial 128 KiB) gives large buffers back when they are freed.
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  briefcast::install_interrupt_handlers();
  const int code = briefcast::run_cli(argc, argv, std::cout, std::cerr);
  briefcast::outcome_reported(code);
  return code;
}
