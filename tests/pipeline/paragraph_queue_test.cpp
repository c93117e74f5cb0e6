#include "pipeline/paragraph_queue.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace briefcast {

TEST_CASE("paragraph queue: paragraphs arrive in order, then the end", "[say]") {
  ParagraphQueue q(1, 1000);
  std::thread speaker([&] {
    for (int i = 0; i < 50; ++i) {
      std::vector<float> b = q.take_buffer();
      b.assign(static_cast<std::size_t>(i + 1), static_cast<float>(i));
      q.push(std::move(b));
    }
    q.close(nullptr);
  });
  int next = 0;
  while (auto p = q.pop()) {
    REQUIRE(p->size() == static_cast<std::size_t>(next + 1));
    CHECK(p->front() == static_cast<float>(next));
    ++next;
    q.recycle(std::move(*p));
  }
  speaker.join();
  CHECK(next == 50);
}

TEST_CASE("paragraph queue: the speaking side waits while the queue is full", "[say]") {
  ParagraphQueue q(1, 1000);
  q.push({1.0f});
  std::atomic<bool> second_in = false;
  std::thread speaker([&] {
    q.push({2.0f});
    second_in = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK_FALSE(second_in);
  CHECK(q.pop()->front() == 1.0f);
  speaker.join();
  CHECK(second_in);
  CHECK(q.pop()->front() == 2.0f);
}

TEST_CASE("paragraph queue: failures cross in both directions", "[say]") {
  ParagraphQueue a(1, 1000);
  a.push({1.0f});
  a.close(std::make_exception_ptr(std::runtime_error("eSpeak failed")));
  CHECK(a.pop().has_value());  // what was spoken before the failure still arrives
  CHECK_THROWS_WITH(a.pop(), "eSpeak failed");

  ParagraphQueue b(1, 1000);
  b.push({1.0f});
  std::thread speaker([&] { CHECK_THROWS_AS(b.push({2.0f}), ParagraphQueue::Stopped); });
  b.stop();  // the audio side failed: the blocked speaker is released
  speaker.join();
}

TEST_CASE("paragraph queue: buffers come back for reuse unless grown past the limit", "[say]") {
  ParagraphQueue q(1, 1000);
  std::vector<float> small;
  small.reserve(1000);
  const float* kept = small.data();
  q.recycle(std::move(small));
  std::vector<float> reused = q.take_buffer();
  CHECK(reused.data() == kept);
  CHECK(reused.empty());
  CHECK(reused.capacity() == 1000);

  std::vector<float> grown(5000);  // an overlong sentence made it bigger
  q.recycle(std::move(grown));
  CHECK(q.take_buffer().capacity() == 0);  // let go: a fresh buffer instead
}

}  // namespace briefcast
