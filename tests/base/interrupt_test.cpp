// SIGINT, SIGTERM and SIGHUP as a flag: each is checked in a child process of its own, because
// the flag is global to the process and never resets (the test process must not be flagged).
#include "base/interrupt.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <string>
#include <thread>

#include "base/error.hpp"

using namespace briefcast;

namespace {

struct ChildReport {
  int exit_code = -1;   // the child's exit status, 128 + N when killed by signal N
  std::string written;  // what it wrote to the pipe before exiting
};

// Forks; the child runs `body`, which writes what it saw to the file descriptor it is given, and
// exits 0 (or dies of a signal). Nothing of the child returns into the test runner. The child
// starts with the default actions for the three signals (the test runner catches SIGINT and
// SIGTERM itself to report a crash), as a process that has not installed the handlers.
ChildReport in_child(void (*body)(int fd, int signal), int signal) {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(ends[0]);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) std::signal(s, SIG_DFL);
    body(ends[1], signal);
    ::_exit(0);
  }
  ::close(ends[1]);
  ChildReport r;
  char buf[256];
  for (ssize_t n; (n = ::read(ends[0], buf, sizeof buf)) > 0;)
    r.written.append(buf, static_cast<std::size_t>(n));
  ::close(ends[0]);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

void say(int fd, const std::string& text) {
  const ssize_t n = ::write(fd, text.data(), text.size());
  (void)n;  // a short write shows up as a mismatch in the parent
}

// With handlers installed: the flag before and after the signal, then what throw_if_interrupted
// throws.
void signal_after_install(int fd, int signal) {
  install_interrupt_handlers();
  say(fd, std::string("before=") + (interrupt_flag().load() ? "1" : "0"));
  ::raise(signal);
  say(fd, std::string(" after=") + (interrupt_flag().load() ? "1" : "0"));
  try {
    throw_if_interrupted();
    say(fd, " no error");
  } catch (const Error& e) {
    say(fd, " code=" + std::to_string(static_cast<int>(e.code())) + " message=" + e.what());
  }
}

// Without handlers the signal's default action applies: the process dies of it.
void signal_without_install(int fd, int signal) {
  say(fd, "raised");
  ::raise(signal);
  say(fd, " survived");
}

// Signalled, then stuck past the grace: the watchdog removes the temporary file, writes the
// message (stderr is the pipe) and ends the process with 130.
void stuck_after_signal(int fd, int signal) {
  ::dup2(fd, STDERR_FILENO);
  install_interrupt_handlers();
  register_temporary("/nonexistent/.x.tmp-none");
  ::raise(signal);
  say(fd, "stuck; ");
  std::this_thread::sleep_for(std::chrono::seconds(5));
  say(fd, "survived");
}

// Signalled, the outcome reported, then a slow exit: the watchdog ends it with the reported code
// and does not repeat the message.
void slow_exit_after_report(int fd, int signal) {
  ::dup2(fd, STDERR_FILENO);
  install_interrupt_handlers();
  ::raise(signal);
  say(fd, "briefcast: interrupted; nothing was written\n");
  outcome_reported(130);
  std::this_thread::sleep_for(std::chrono::seconds(5));
  say(fd, "survived");
}

}  // namespace

TEST_CASE("interrupt: the watchdog ends a stuck command, once, with one message", "[errors]") {
  ChildReport r = in_child(stuck_after_signal, SIGTERM);
  CHECK(r.exit_code == 130);
  CHECK(r.written == "stuck; briefcast: interrupted; nothing was written\n");
  // Once a signalled command has reported and is exiting, a slow exit is not a second report.
  r = in_child(slow_exit_after_report, SIGINT);
  CHECK(r.exit_code == 130);
  CHECK(r.written == "briefcast: interrupted; nothing was written\n");
}

TEST_CASE("interrupt: SIGINT, SIGTERM and SIGHUP set the flag and stop the work", "[errors]") {
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
    INFO("signal " << signal);
    const ChildReport r = in_child(signal_after_install, signal);
    CHECK(r.exit_code == 0);
    CHECK(r.written == "before=0 after=1 code=130 message=interrupted; nothing was written");
  }
}

TEST_CASE("interrupt: without the handlers a signal ends the process", "[errors]") {
  const ChildReport r = in_child(signal_without_install, SIGINT);
  CHECK(r.exit_code == 128 + SIGINT);
  CHECK(r.written == "raised");
}

TEST_CASE("interrupt: an unsignalled process is not interrupted", "[errors]") {
  // This process never installs the handlers, so nothing can have set its flag.
  CHECK_FALSE(interrupt_flag().load());
  CHECK_NOTHROW(throw_if_interrupted());
}
