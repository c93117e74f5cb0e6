#include "base/interrupt.hpp"

#include <semaphore.h>
#include <unistd.h>

#include <csignal>
#include <mutex>
#include <set>
#include <thread>

#include "base/error.hpp"

namespace briefcast {

namespace {

std::atomic<bool> g_interrupted{false};
std::atomic<bool> g_watching{false};
sem_t g_wake;  // posted by the handler (sem_post is async-signal-safe)

// Never destroyed: the watchdog may use them while the process exits.
std::mutex& temps_mutex() {
  static auto* m = new std::mutex;
  return *m;
}
std::set<std::string>& temps() {
  static auto* s = new std::set<std::string>;
  return *s;
}

extern "C" void on_interrupt(int) {
  const bool first = !g_interrupted.exchange(true);
  if (first && g_watching.load()) sem_post(&g_wake);
}

std::atomic<int> g_reported{-1};  // the exit code the command reported; -1: none yet

[[noreturn]] void end_now() {
  // The command said how it ended and is exiting: end it as it said, quietly.
  if (const int code = g_reported.load(); code >= 0) ::_exit(code);
  // The lock may be held by a thread that will never let go of it now; do without it then.
  std::unique_lock lock(temps_mutex(), std::defer_lock);
  for (int i = 0; i < 50 && !lock.try_lock(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  if (lock.owns_lock())
    for (const std::string& p : temps()) ::unlink(p.c_str());
  static const char message[] = "briefcast: interrupted; nothing was written\n";
  [[maybe_unused]] ssize_t n = ::write(STDERR_FILENO, message, sizeof message - 1);
  ::_exit(static_cast<int>(ExitCode::interrupted));
}

void watchdog() {
  while (sem_wait(&g_wake) != 0) {
  }
  std::this_thread::sleep_for(kInterruptGrace);
  end_now();  // still running: no check was reached in time
}

}  // namespace

const std::atomic<bool>& interrupt_flag() { return g_interrupted; }

void install_interrupt_handlers() {
  if (!g_watching.load() && sem_init(&g_wake, 0, 0) == 0) {
    std::thread(watchdog).detach();
    g_watching.store(true);
  }
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGHUP, &sa, nullptr);
}

void outcome_reported(int exit_code) noexcept { g_reported.store(exit_code < 0 ? 1 : exit_code); }

void throw_if_interrupted() {
  if (g_interrupted.load()) throw Error(ExitCode::interrupted, "interrupted; nothing was written");
}

void register_temporary(const std::string& path) noexcept {
  try {
    std::lock_guard lock(temps_mutex());
    temps().insert(path);
  } catch (...) {
  }
}

void unregister_temporary(const std::string& path) noexcept {
  try {
    std::lock_guard lock(temps_mutex());
    temps().erase(path);
  } catch (...) {
  }
}

}  // namespace briefcast
