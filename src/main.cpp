#include <iostream>

#include "atomic_output.hpp"
#include "cli.hpp"

int main(int argc, char** argv) {
  briefcast::install_interrupt_handlers();
  return briefcast::run_cli(argc, argv, std::cout, std::cerr);
}
