#pragma once
// Internal to the normalizer: reads the fields of a language data file (`lang/<code>.json`),
// throwing Error(ExitCode::voice) "'<file>': field '<name>': <problem>" for a missing field or
// one of the wrong type. Fields are named by dotted paths ("numbers.ones").

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "base/strings.hpp"

namespace briefcast::spoken {

using nlohmann::json;

// Reads fields of one data file, throwing "'<file>': field '<name>': <problem>".
class Reader {
 public:
  Reader(const json& root, std::string file) : root_(root), file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& field, const std::string& problem) const {
    throw Error(ExitCode::voice, "'" + file_ + "': field '" + field + "': " + problem);
  }

  const json& at(const std::string& path, json::value_t type) const {
    const json* j = &root_;
    std::size_t start = 0;
    while (true) {
      std::size_t dot = path.find('.', start);
      std::string key =
          path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      if (!j->is_object() || !j->contains(key)) fail(path, "missing");
      j = &(*j)[key];
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    bool ok =
        j->type() == type || (type == json::value_t::number_integer && j->is_number_integer());
    if (!ok) fail(path, std::string("expected ") + json(type).type_name());
    return *j;
  }

  // True when the top-level object has `key` (for optional fields).
  bool has(const std::string& key) const { return root_.is_object() && root_.contains(key); }

  std::string str(const std::string& path) const {
    return at(path, json::value_t::string).get<std::string>();
  }

  std::vector<std::string> strings(const std::string& path, std::size_t min_size) const {
    const json& a = at(path, json::value_t::array);
    if (a.size() < min_size) fail(path, "needs at least " + std::to_string(min_size) + " entries");
    std::vector<std::string> v;
    for (const auto& e : a) {
      if (!e.is_string()) fail(path, "entries must be strings");
      v.push_back(e.get<std::string>());
    }
    return v;
  }

  std::set<std::string> string_set(const std::string& path) const {
    auto v = strings(path, 0);
    return {v.begin(), v.end()};
  }

  std::map<std::string, std::string> string_map(const std::string& path) const {
    std::map<std::string, std::string> m;
    for (const auto& [k, v] : at(path, json::value_t::object).items()) {
      if (!v.is_string()) fail(path + "." + k, "expected string");
      m[k] = v.get<std::string>();
    }
    return m;
  }

  // The twelve month names of "months" and the abbreviations of "month_abbreviations" (name ->
  // month number), lower-cased, into `lookup`; returns the names as written.
  std::vector<std::string> months(std::map<std::string, int>& lookup) const {
    std::vector<std::string> names = strings("months", 12);
    if (names.size() != 12) fail("months", "needs exactly 12 names");
    for (std::size_t i = 0; i < 12; ++i) lookup[lower_ascii(names[i])] = static_cast<int>(i + 1);
    for (const auto& [k, v] : at("month_abbreviations", json::value_t::object).items()) {
      if (!v.is_number_integer() || v.get<int>() < 1 || v.get<int>() > 12)
        fail("month_abbreviations." + k, "expected a month number 1-12");
      lookup[lower_ascii(k)] = v.get<int>();
    }
    return names;
  }

  // An object whose values are arrays of exactly `n` strings.
  std::map<std::string, std::vector<std::string>> tuple_map(const std::string& path,
                                                            std::size_t n) const {
    std::map<std::string, std::vector<std::string>> m;
    for (const auto& [k, v] : at(path, json::value_t::object).items()) {
      if (!v.is_array() || v.size() != n)
        fail(path + "." + k, "expected " + std::to_string(n) + " strings");
      for (const auto& e : v)
        if (!e.is_string()) fail(path + "." + k, "expected " + std::to_string(n) + " strings");
      m[k] = v.get<std::vector<std::string>>();
    }
    return m;
  }

 private:
  const json& root_;
  std::string file_;
};

}  // namespace briefcast::spoken
