// Reading JSON value by value: the paths that name members and elements in messages, the type and
// range checks, and the exit code (8) of every failure.
#include "briefing/json_fields.hpp"

#include <catch2/catch.hpp>

#include "base/error.hpp"

using namespace briefcast;
using nlohmann::json;

namespace {

const json kDoc = json::parse(R"({
  "show": {"title": "T", "blank": " \t", "n": 7, "x": 1.5, "on": true},
  "sources": [{"url": "https://a.example/"}, [1, -2, "three"]],
  "big": 18446744073709551615
})");

// The message `f` throws; checks it is Error(ExitCode::feed).
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::feed);
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("json fields: paths of members and elements", "[sources][json]") {
  JsonFields top(kDoc, "f.json");
  CHECK(top.path().empty());
  JsonFields show = top.object("show", true);
  CHECK(show.path() == "show");
  CHECK(show.member("title").path() == "show.title");
  JsonFields sources = top.member("sources");
  CHECK(sources.element(1).element(2).path() == "sources[1][2]");
  CHECK(sources.element(0).member("url").path() == "sources[0].url");
  CHECK(sources.size() == 2);
  auto members = show.members();
  REQUIRE(members.size() == 5);
  CHECK(members[0].first == "blank");  // key order
  CHECK(members[0].second.path() == "show.blank");

  CHECK(error_of([&] { top.fail("limits", "bad"); }) == "'f.json': field 'limits': bad");
  CHECK(error_of([&] { top.fail_here("bad"); }) == "'f.json': bad");
  CHECK(error_of([&] { show.fail_here("bad"); }) == "'f.json': field 'show': bad");
}

TEST_CASE("json fields: optional members with types and ranges", "[sources][json]") {
  JsonFields show = JsonFields(kDoc, "f.json").object("show", true);
  std::string s = "default";
  CHECK_FALSE(show.string("missing", s));
  CHECK(s == "default");
  CHECK(show.string("title", s));
  CHECK(s == "T");
  CHECK(error_of([&] { show.string("blank", s); }) ==
        "'f.json': field 'show.blank': must not be empty");
  CHECK(show.string("blank", s, false, false));
  CHECK(error_of([&] { show.string("n", s); }) ==
        "'f.json': field 'show.n': expected a string, got number");
  CHECK(error_of([&] { show.string("gone", s, true); }) == "'f.json': field 'show.gone': missing");

  int n = 0;
  show.integer("n", 1, 10, n);
  CHECK(n == 7);
  CHECK(error_of([&] { show.integer("n", 8, 10, n); }) ==
        "'f.json': field 'show.n': 7 is out of range 8-10");
  CHECK(error_of([&] { show.integer("x", 1, 10, n); }) ==
        "'f.json': field 'show.x': expected an integer, got number");
  double x = 0;
  show.number("x", 0, 2, x);
  CHECK(x == 1.5);
  CHECK(error_of([&] { show.number("x", 2, 3, x); }) ==
        "'f.json': field 'show.x': 1.5 is out of range 2 to 3");
  bool on = false;
  show.boolean("on", on);
  CHECK(on);
  CHECK(error_of([&] { show.boolean("n", on); }) ==
        "'f.json': field 'show.n': expected true or false, got number");
  CHECK(error_of([&] {
          show.only({"title", "n"});
        }) == "'f.json': field 'show.blank': unknown field (known: title, n)");
  CHECK(JsonFields(kDoc, "f.json").object("absent", false).size() == 0);
  CHECK(error_of([&] { JsonFields(kDoc, "f.json").object("sources", false); }) ==
        "'f.json': field 'sources': expected an object, got array");
}

TEST_CASE("json fields: values as strings, numbers and integers", "[sources][json]") {
  JsonFields top(kDoc, "f.json");
  JsonFields list = top.member("sources").element(1);
  CHECK(list.element(0).as_unsigned() == 1);
  CHECK(list.element(1).as_integer(-5, 5) == -2);
  CHECK(list.element(1).as_number() == -2.0);
  CHECK(list.element(2).as_string() == "three");
  CHECK(error_of([&] { list.element(1).as_unsigned(); }) ==
        "'f.json': field 'sources[1][1]': expected a non-negative integer, got -2");
  CHECK(error_of([&] { list.element(2).as_number(); }) ==
        "'f.json': field 'sources[1][2]': expected a number, got string");
  CHECK(error_of([&] { list.element(0).as_string(); }) ==
        "'f.json': field 'sources[1][0]': expected a string, got number");
  CHECK(error_of([&] { list.element(3); }) ==
        "'f.json': field 'sources[1]': expected at least 4 elements, got 3");
  CHECK(error_of([&] { list.member("x"); }) ==
        "'f.json': field 'sources[1]': expected an object, got array");
  CHECK(error_of([&] { top.member("big").as_integer(0, 100); }) ==
        "'f.json': field 'big': 18446744073709551615 is out of range 0-100");
  CHECK(top.member("big").as_unsigned() == 18446744073709551615u);
  CHECK(error_of([&] { top.member("show").expect_array(); }) ==
        "'f.json': field 'show': expected an array, got object");
}
