#include "pipeline/paragraph_queue.hpp"

#include <utility>

namespace briefcast {

std::vector<float> ParagraphQueue::take_buffer() {
  std::lock_guard lock(mutex_);
  if (spare_.empty()) return {};
  std::vector<float> b = std::move(spare_.back());
  spare_.pop_back();
  b.clear();
  return b;
}

void ParagraphQueue::push(std::vector<float> paragraph) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return stopped_ || full_.size() < capacity_; });
  if (stopped_) throw Stopped{};
  full_.push_back(std::move(paragraph));
  changed_.notify_all();
}

void ParagraphQueue::close(std::exception_ptr error) {
  std::lock_guard lock(mutex_);
  closed_ = true;
  error_ = std::move(error);
  changed_.notify_all();
}

std::optional<std::vector<float>> ParagraphQueue::pop() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return closed_ || !full_.empty(); });
  if (!full_.empty()) {
    std::vector<float> c = std::move(full_.front());
    full_.pop_front();
    changed_.notify_all();
    return c;
  }
  if (error_) std::rethrow_exception(error_);
  return std::nullopt;
}

void ParagraphQueue::recycle(std::vector<float> buffer) {
  std::lock_guard lock(mutex_);
  // One more than can wait: the speaking side always finds a buffer while the queue is full.
  if (spare_.size() < capacity_ + 1 && buffer.capacity() <= max_kept_)
    spare_.push_back(std::move(buffer));
}

void ParagraphQueue::stop() {
  std::lock_guard lock(mutex_);
  stopped_ = true;
  changed_.notify_all();
}

}  // namespace briefcast
