#pragma once
// Reading a JSON document strictly, value by value, with the path that names each value in error
// messages: "'feeds/daily.json': field 'sources[2].url': expected a string, got number". The feed
// definition (feed_config.cpp) and the state file (briefing_state.cpp) are read with it: JSON is
// parsed and checked once, where a file is read, and only typed values go further. Only those
// .cpp files include this header.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace briefcast {

// One value of a parsed document and its path: "" for the document itself, "show.title" for a
// member, "sources[2]" for an element. Every check throws
// Error(ExitCode::feed, "'<origin>': field '<path>': <problem>") ("'<origin>': <problem>" for the
// document itself). Holds a reference: the document must outlive it.
class JsonFields {
 public:
  JsonFields(const nlohmann::json& value, std::string origin, std::string path = "");

  const nlohmann::json& value() const { return j_; }
  const std::string& origin() const { return origin_; }
  const std::string& path() const { return path_; }
  std::string member_path(const std::string& key) const;  // "show" + "title" → "show.title"
  std::string element_path(std::size_t index) const;      // "sources" + 2 → "sources[2]"

  // Throws naming member `key` of this value.
  [[noreturn]] void fail(const std::string& key, const std::string& problem) const;
  // Throws naming this value.
  [[noreturn]] void fail_here(const std::string& problem) const;

  // ---- Members of an object: absent optional members leave `out` unchanged ----

  // Fails on any member not in `known` ("unknown field (known: a, b)").
  void only(const std::vector<std::string>& known) const;
  // The member, or nullptr when absent (a failure "missing" when `required`).
  const nlohmann::json* find(const std::string& key, bool required) const;
  // A string member; `non_empty` also refuses whitespace only. Returns whether it was present.
  bool string(const std::string& key, std::string& out, bool required = false,
              bool non_empty = true) const;
  void boolean(const std::string& key, bool& out) const;
  void integer(const std::string& key, int lo, int hi, int& out) const;
  void number(const std::string& key, double lo, double hi, double& out) const;
  // An object member (an empty object when absent and not `required`).
  JsonFields object(const std::string& key, bool required) const;
  // A required member of any type.
  JsonFields member(const std::string& key) const;

  // ---- This value itself ----

  void expect_object() const;
  void expect_array() const;
  std::size_t size() const;                     // elements of an array, members of an object
  JsonFields element(std::size_t index) const;  // of an array
  std::vector<std::pair<std::string, JsonFields>> members() const;  // of an object, by key
  const std::string& as_string() const;
  double as_number() const;  // any JSON number
  std::int64_t as_integer(std::int64_t lo, std::int64_t hi) const;
  std::uint64_t as_unsigned() const;  // a non-negative integer

  // "%g" of `v`, for range messages.
  static std::string format(double v);

 private:
  const nlohmann::json& j_;
  std::string origin_;
  std::string path_;
};

}  // namespace briefcast
