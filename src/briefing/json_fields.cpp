#include "briefing/json_fields.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/error.hpp"
#include "base/strings.hpp"

namespace briefcast {

using nlohmann::json;

namespace {

std::string type_of(const json& v) { return v.type_name(); }

}  // namespace

JsonFields::JsonFields(const json& value, std::string origin, std::string path)
    : j_(value), origin_(std::move(origin)), path_(std::move(path)) {}

std::string JsonFields::member_path(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

std::string JsonFields::element_path(std::size_t index) const {
  return path_ + "[" + std::to_string(index) + "]";
}

void JsonFields::fail(const std::string& key, const std::string& problem) const {
  throw Error(ExitCode::feed, "'" + origin_ + "': field '" + member_path(key) + "': " + problem);
}

void JsonFields::fail_here(const std::string& problem) const {
  if (path_.empty()) throw Error(ExitCode::feed, "'" + origin_ + "': " + problem);
  throw Error(ExitCode::feed, "'" + origin_ + "': field '" + path_ + "': " + problem);
}

void JsonFields::only(const std::vector<std::string>& known) const {
  for (auto& [key, value] : j_.items())
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      std::string list;
      for (auto& k : known) list += (list.empty() ? "" : ", ") + k;
      fail(key, "unknown field (known: " + list + ")");
    }
}

const json* JsonFields::find(const std::string& key, bool required) const {
  auto it = j_.find(key);
  if (it == j_.end()) {
    if (required) fail(key, "missing");
    return nullptr;
  }
  return &*it;
}

bool JsonFields::string(const std::string& key, std::string& out, bool required,
                        bool non_empty) const {
  const json* v = find(key, required);
  if (!v) return false;
  if (!v->is_string()) fail(key, "expected a string, got " + type_of(*v));
  out = v->get<std::string>();
  if (non_empty && trim(out).empty()) fail(key, "must not be empty");
  return true;
}

void JsonFields::boolean(const std::string& key, bool& out) const {
  const json* v = find(key, false);
  if (!v) return;
  if (!v->is_boolean()) fail(key, "expected true or false, got " + type_of(*v));
  out = v->get<bool>();
}

void JsonFields::integer(const std::string& key, int lo, int hi, int& out) const {
  const json* v = find(key, false);
  if (!v) return;
  if (!v->is_number_integer()) fail(key, "expected an integer, got " + type_of(*v));
  auto n = v->get<long long>();
  if (n < lo || n > hi)
    fail(key,
         std::to_string(n) + " is out of range " + std::to_string(lo) + "-" + std::to_string(hi));
  out = static_cast<int>(n);
}

void JsonFields::number(const std::string& key, double lo, double hi, double& out) const {
  const json* v = find(key, false);
  if (!v) return;
  if (!v->is_number()) fail(key, "expected a number, got " + type_of(*v));
  double n = v->get<double>();
  if (!std::isfinite(n) || n < lo || n > hi)
    fail(key, format(n) + " is out of range " + format(lo) + " to " + format(hi));
  out = n;
}

JsonFields JsonFields::object(const std::string& key, bool required) const {
  static const json empty = json::object();
  const json* v = find(key, required);
  if (!v) return JsonFields(empty, origin_, member_path(key));
  if (!v->is_object()) fail(key, "expected an object, got " + type_of(*v));
  return JsonFields(*v, origin_, member_path(key));
}

JsonFields JsonFields::member(const std::string& key) const {
  expect_object();
  return JsonFields(*find(key, true), origin_, member_path(key));
}

void JsonFields::expect_object() const {
  if (!j_.is_object()) fail_here("expected an object, got " + type_of(j_));
}

void JsonFields::expect_array() const {
  if (!j_.is_array()) fail_here("expected an array, got " + type_of(j_));
}

std::size_t JsonFields::size() const { return j_.is_structured() ? j_.size() : 0; }

JsonFields JsonFields::element(std::size_t index) const {
  expect_array();
  if (index >= j_.size())
    fail_here("expected at least " + std::to_string(index + 1) + " elements, got " +
              std::to_string(j_.size()));
  return JsonFields(j_[index], origin_, element_path(index));
}

std::vector<std::pair<std::string, JsonFields>> JsonFields::members() const {
  expect_object();
  std::vector<std::pair<std::string, JsonFields>> out;
  for (auto& [key, value] : j_.items())
    out.emplace_back(key, JsonFields(value, origin_, member_path(key)));
  return out;
}

const std::string& JsonFields::as_string() const {
  if (!j_.is_string()) fail_here("expected a string, got " + type_of(j_));
  return j_.get_ref<const std::string&>();
}

double JsonFields::as_number() const {
  if (!j_.is_number()) fail_here("expected a number, got " + type_of(j_));
  const double n = j_.get<double>();
  if (!std::isfinite(n)) fail_here("expected a finite number, got " + j_.dump());
  return n;
}

std::int64_t JsonFields::as_integer(std::int64_t lo, std::int64_t hi) const {
  if (!j_.is_number_integer()) fail_here("expected an integer, got " + type_of(j_));
  if (j_.is_number_unsigned() && j_.get<std::uint64_t>() > static_cast<std::uint64_t>(hi))
    fail_here(j_.dump() + " is out of range " + std::to_string(lo) + "-" + std::to_string(hi));
  auto n = j_.get<std::int64_t>();
  if (n < lo || n > hi)
    fail_here(std::to_string(n) + " is out of range " + std::to_string(lo) + "-" +
              std::to_string(hi));
  return n;
}

std::uint64_t JsonFields::as_unsigned() const {
  if (!j_.is_number_integer() || (!j_.is_number_unsigned() && j_.get<std::int64_t>() < 0))
    fail_here("expected a non-negative integer, got " +
              (j_.is_number_integer() ? j_.dump() : type_of(j_)));
  return j_.get<std::uint64_t>();
}

std::string JsonFields::format(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace briefcast
