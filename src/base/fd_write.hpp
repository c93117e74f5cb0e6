#pragma once
// Writing whole buffers to a file descriptor, retrying short writes and EINTR.

#include <sys/types.h>

#include <cstddef>

namespace briefcast {

// Writes all `size` bytes at the descriptor's offset. Throws Error(ExitCode::output)
// "cannot write output: <strerror>" (callers name the file).
void write_fd_all(int fd, const void* data, std::size_t size);
// The same at `offset` (pwrite: the descriptor's offset is left alone).
void pwrite_fd_all(int fd, const void* data, std::size_t size, off_t offset);

}  // namespace briefcast
