// Podcasting 2.0 chapters JSON as apps parse it.
#include "feed/chapters_json.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "base/error.hpp"

using namespace briefcast;

TEST_CASE("chapters: version, ascending float start times, optional fields omitted", "[feed]") {
  std::vector<Chapter> chapters = {
      {125.4567, std::nullopt, "Rates \"held\"", "https://example.com/rates", "", true},
      {0, std::nullopt, "Intro", "", "", true},
      {61, 125.4567, "Weather", "", "https://example.com/w.png", false},
  };
  std::string text = render_chapters_json(chapters);
  CHECK(text ==
        "{\n"
        "  \"version\": \"1.2.0\",\n"
        "  \"chapters\": [\n"
        "    {\n"
        "      \"startTime\": 0.0,\n"
        "      \"title\": \"Intro\"\n"
        "    },\n"
        "    {\n"
        "      \"startTime\": 61.0,\n"
        "      \"endTime\": 125.457,\n"
        "      \"title\": \"Weather\",\n"
        "      \"img\": \"https://example.com/w.png\",\n"
        "      \"toc\": false\n"
        "    },\n"
        "    {\n"
        "      \"startTime\": 125.457,\n"
        "      \"title\": \"Rates \\\"held\\\"\",\n"
        "      \"url\": \"https://example.com/rates\"\n"
        "    }\n"
        "  ]\n"
        "}\n");
  auto j = nlohmann::json::parse(text);
  CHECK(j["chapters"][0]["startTime"].is_number_float());
  CHECK(j["chapters"][2]["title"] == "Rates \"held\"");
}

TEST_CASE("chapters: empty list, equal starts keep their order, bad times throw", "[feed]") {
  CHECK(nlohmann::json::parse(render_chapters_json({})) ==
        nlohmann::json::parse(R"({"version":"1.2.0","chapters":[]})"));
  auto j = nlohmann::json::parse(render_chapters_json(
      {{5, std::nullopt, "b", "", "", true}, {5, std::nullopt, "a", "", "", true}}));
  CHECK(j["chapters"][0]["title"] == "b");
  CHECK(j["chapters"][1]["title"] == "a");
  // A bad time is Error(invalid): the build publishes nothing rather than a broken file.
  auto error_of = [](double start) {
    try {
      render_chapters_json({{start, std::nullopt, "Rain", "", "", true}});
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::invalid);
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  CHECK(error_of(-1) == "chapter 'Rain': start time -1 s is not a time in the episode");
  CHECK(error_of(std::nan("")) == "chapter 'Rain': start time nan s is not a time in the episode");
  CHECK(error_of(HUGE_VAL) == "chapter 'Rain': start time inf s is not a time in the episode");
  // Invalid UTF-8 in a title does not throw.
  CHECK_NOTHROW(render_chapters_json({{0, std::nullopt, "caf\xE9", "", "", true}}));
}
