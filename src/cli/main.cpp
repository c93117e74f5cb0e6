#include <iostream>

#include "base/interrupt.hpp"
#include "cli/cli.hpp"

int main(int argc, char** argv) {
  briefcast::install_interrupt_handlers();
  const int code = briefcast::run_cli(argc, argv, std::cout, std::cerr);
  briefcast::outcome_reported(code);
  return code;
}
