#include "base/interrupt.hpp"

#include <csignal>

#include "base/error.hpp"

namespace briefcast {

namespace {
std::atomic<bool> g_interrupted{false};
extern "C" void on_interrupt(int) { g_interrupted.store(true); }
}  // namespace

const std::atomic<bool>& interrupt_flag() { return g_interrupted; }

void install_interrupt_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGHUP, &sa, nullptr);
}

void throw_if_interrupted() {
  if (g_interrupted.load()) throw Error(ExitCode::interrupted, "interrupted; nothing was written");
}

}  // namespace briefcast
