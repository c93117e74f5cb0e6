#include "base/progress.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using briefcast::Progress;

TEST_CASE("progress draws one line with counts and clears it", "[cli]") {
  std::ostringstream out;
  Progress p(out, true, 40);
  p.update(10, 90.0);
  std::string line = out.str();
  CHECK(line.rfind('\r', 0) == 0);
  CHECK(line.find("10/40 sentences") != std::string::npos);
  CHECK(line.find("1.5 min audio") != std::string::npos);
  CHECK(line.find(" left") != std::string::npos);  // time remaining from the pace so far
  CHECK(line.find('\n') == std::string::npos);
  p.finish();
  CHECK(out.str().ends_with("\r\033[K"));
}

TEST_CASE("progress without a total shows counts only", "[cli]") {
  std::ostringstream out;
  Progress p(out, true, 0);
  p.update(3, 12.0);
  CHECK(out.str().find("3 sentences") != std::string::npos);
  CHECK(out.str().find('/') == std::string::npos);
}

TEST_CASE("disabled progress prints nothing", "[cli]") {
  std::ostringstream out;
  Progress p(out, false, 10);
  p.update(5, 30.0);
  p.finish();
  CHECK(out.str().empty());
}

TEST_CASE("progress names its unit: parts for the daily build", "[cli]") {
  std::ostringstream out;
  Progress p(out, true, 8, "parts");
  p.update(2, 300.0);
  CHECK(out.str().find("2/8 parts") != std::string::npos);
  CHECK(out.str().find("5.0 min audio") != std::string::npos);
}
