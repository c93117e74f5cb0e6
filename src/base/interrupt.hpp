#pragma once
// SIGINT, SIGTERM and SIGHUP as a flag that long loops poll: a command stops at the next check,
// removes what it was writing and exits with ExitCode::interrupted (130).
//
// Every command stops within a second: install_interrupt_handlers() also starts a watchdog that,
// kInterruptGrace after the first signal, removes the temporary files still registered (see
// register_temporary; AtomicOutput registers its own), writes the usual message and ends the
// process with 130 — for the work no check reaches in time (a slow DNS answer, a parser busy
// with one large input). Published files are renamed into place whole, so ending there is as
// safe as the checks: what was published stays, what was not is not.

#include <atomic>
#include <chrono>
#include <string>

namespace briefcast {

// How long a signalled command has to stop at one of its own checks.
inline constexpr std::chrono::milliseconds kInterruptGrace{700};

// The signal-safe cancellation flag set by SIGINT/SIGTERM/SIGHUP once
// install_interrupt_handlers() ran.
const std::atomic<bool>& interrupt_flag();
void install_interrupt_handlers();
// Throws Error(ExitCode::interrupted) when the flag is set.
void throw_if_interrupted();

// Called once the command has reported its outcome on stderr and is returning `exit_code` (main,
// after run_cli). A watchdog that fires after that — the exit itself ran slow: destructors, a
// sanitizer's leak check — ends the process with that code without writing its message a second
// time.
void outcome_reported(int exit_code) noexcept;

// Temporary files the watchdog removes when it ends the process. Thread-safe; never throw
// (a path that cannot be recorded is left for remove_stale_temporaries).
void register_temporary(const std::string& path) noexcept;
void unregister_temporary(const std::string& path) noexcept;

}  // namespace briefcast
