#pragma once
// SIGINT, SIGTERM and SIGHUP as a flag that long loops poll: a command stops at the next check,
// removes what it was writing and exits with ExitCode::interrupted (130).

#include <atomic>

namespace briefcast {

// The signal-safe cancellation flag set by SIGINT/SIGTERM/SIGHUP once
// install_interrupt_handlers() ran.
const std::atomic<bool>& interrupt_flag();
void install_interrupt_handlers();
// Throws Error(ExitCode::interrupted) when the flag is set.
void throw_if_interrupted();

}  // namespace briefcast
