// The one error type and its exit codes: the numbers scripts see, as the README documents them.
#include "base/error.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "support/test_support.hpp"

using namespace briefcast;

namespace {

// Every exit code with its number and its name in the README's table.
struct Documented {
  ExitCode code;
  int number;
  const char* name;
};
const Documented kCodes[] = {
    {ExitCode::ok, 0, "done"},
    {ExitCode::usage, 2, "usage"},
    {ExitCode::input, 3, "input"},
    {ExitCode::voice, 4, "voice"},
    {ExitCode::synthesis, 5, "synthesis"},
    {ExitCode::encode, 6, "encode"},
    {ExitCode::output, 7, "output"},
    {ExitCode::feed, 8, "feed"},
    {ExitCode::network, 9, "network"},
    {ExitCode::invalid, 10, "invalid"},
    {ExitCode::busy, 11, "busy"},
    {ExitCode::interrupted, 130, "interrupted"},
};

// The rows "| code | meaning | examples |" of the README's "Errors and exit codes" table.
std::map<int, std::string> readme_codes() {
  const std::string readme = test::read_file(test::source_dir() / "README.md");
  const std::size_t at = readme.find("### Errors and exit codes");
  REQUIRE(at != std::string::npos);
  std::istringstream in(readme.substr(at));
  std::map<int, std::string> rows;
  const std::regex row(R"(^\| (\d+) \| (\w+) \|)");
  std::string line;
  for (std::smatch m; std::getline(in, line);) {
    if (line.rfind("## ", 0) == 0) break;  // the next section
    if (std::regex_search(line, m, row)) rows[std::stoi(m[1])] = m[2];
  }
  return rows;
}

}  // namespace

TEST_CASE("exit codes have the numbers scripts rely on", "[errors]") {
  for (const Documented& d : kCodes) {
    INFO(d.name);
    CHECK(static_cast<int>(d.code) == d.number);
  }
  CHECK(static_cast<int>(ExitCode::failure) == 1);  // unexpected internal failure, not listed
}

TEST_CASE("the README's exit code table lists every code under its name", "[errors]") {
  std::map<int, std::string> expected;
  for (const Documented& d : kCodes) expected[d.number] = d.name;
  CHECK(readme_codes() == expected);
}

TEST_CASE("an Error carries its exit code and the whole message line", "[errors]") {
  const Error e(ExitCode::input, "'a.txt': No such file or directory");
  CHECK(e.code() == ExitCode::input);
  CHECK(std::string(e.what()) == "'a.txt': No such file or directory");
  // Caught as a standard exception, the message is the same.
  try {
    throw Error(ExitCode::busy, "'morning': another build of this feed is running");
  } catch (const std::exception& caught) {
    CHECK(std::string(caught.what()) == "'morning': another build of this feed is running");
  }
}
