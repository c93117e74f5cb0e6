#pragma once
// The `briefcast` command line. Writes to the streams it is handed (tests pass string streams)
// and returns the process exit code; never calls exit().

#include <ostream>

namespace briefcast {

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace briefcast
