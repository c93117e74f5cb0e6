#include "feed/feed_date.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <vector>

#include "base/strings.hpp"

namespace briefcast {

namespace {

using namespace std::chrono;

int month_number(const std::string& token) {
  static const char* const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string t = lower_ascii(token);
  if (t.size() < 3) return 0;
  for (int i = 0; i < 12; ++i)
    if (t.compare(0, 3, names[i]) == 0) return i + 1;
  return 0;
}

// Zone as an offset east of UTC in minutes; nullopt when not a zone.
std::optional<int> zone_offset(const std::string& z) {
  if ((z[0] == '+' || z[0] == '-') && z.size() >= 3) {
    std::string digits = z.substr(1);
    digits.erase(std::remove(digits.begin(), digits.end(), ':'), digits.end());
    if (!all_digits(digits) || (digits.size() != 4 && digits.size() != 2)) return std::nullopt;
    int h = std::stoi(digits.substr(0, 2));
    int m = digits.size() == 4 ? std::stoi(digits.substr(2)) : 0;
    if (h > 23 || m > 59) return std::nullopt;
    return (z[0] == '-' ? -1 : 1) * (h * 60 + m);
  }
  static const std::pair<const char*, int> named[] = {
      {"gmt", 0},       {"ut", 0},        {"utc", 0},       {"z", 0},
      {"est", -5 * 60}, {"edt", -4 * 60}, {"cst", -6 * 60}, {"cdt", -5 * 60},
      {"mst", -7 * 60}, {"mdt", -6 * 60}, {"pst", -8 * 60}, {"pdt", -7 * 60}};
  std::string l = lower_ascii(z);
  for (auto& [name, offset] : named)
    if (l == name) return offset;
  return std::nullopt;
}

std::optional<sys_seconds> make_time(int y, int mo, int d, int h, int mi, int s, int offset_min) {
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  return sys_seconds{sys_days{ymd}} + hours{h} + minutes{mi} + seconds{std::min(s, 59)} -
         minutes{offset_min};
}

bool parse_clock(const std::string& t, int& h, int& m, int& s) {
  std::size_t c1 = t.find(':');
  if (c1 == std::string::npos) return false;
  std::size_t c2 = t.find(':', c1 + 1);
  std::string hs = t.substr(0, c1);
  std::string ms = t.substr(c1 + 1, c2 == std::string::npos ? std::string::npos : c2 - c1 - 1);
  std::string ss = c2 == std::string::npos ? "0" : t.substr(c2 + 1);
  if (std::size_t dot = ss.find_first_of(".,"); dot != std::string::npos) ss.erase(dot);
  if (!all_digits(hs) || !all_digits(ms) || !all_digits(ss) || hs.size() > 2 || ms.size() != 2 ||
      ss.size() > 2)
    return false;
  h = std::stoi(hs);
  m = std::stoi(ms);
  s = std::stoi(ss);
  return true;
}

std::optional<sys_seconds> parse_iso8601(const std::string& t) {
  // YYYY-MM-DD
  if (t.size() < 10 || !all_digits(t.substr(0, 4)) || t[4] != '-' || !all_digits(t.substr(5, 2)) ||
      t[7] != '-' || !all_digits(t.substr(8, 2)))
    return std::nullopt;
  int y = std::stoi(t.substr(0, 4)), mo = std::stoi(t.substr(5, 2)), d = std::stoi(t.substr(8, 2));
  if (t.size() == 10) return make_time(y, mo, d, 0, 0, 0, 0);
  if (t[10] != 'T' && t[10] != 't' && t[10] != ' ') return std::nullopt;
  std::string rest = t.substr(11);
  std::size_t zone_at = rest.find_first_of("Zz+-");
  std::string clock = rest.substr(0, zone_at);
  int offset = 0;
  if (zone_at != std::string::npos) {
    auto z = zone_offset(rest.substr(zone_at));
    if (!z) return std::nullopt;
    offset = *z;
  }
  int h = 0, m = 0, s = 0;
  if (!parse_clock(clock, h, m, s)) return std::nullopt;
  return make_time(y, mo, d, h, m, s, offset);
}

std::optional<sys_seconds> parse_rfc822(const std::string& text) {
  std::vector<std::string> tokens;
  std::string cur;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',') {
      if (!cur.empty()) tokens.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) tokens.push_back(cur);
  std::size_t i = 0;
  if (i < tokens.size() && !all_digits(tokens[i]) && month_number(tokens[i]) == 0) ++i;  // weekday
  if (i + 3 > tokens.size()) return std::nullopt;
  // "03 Mar 2026"; some feeds write "Mar 03 2026".
  std::string day_t = tokens[i], month_t = tokens[i + 1];
  if (!all_digits(day_t)) std::swap(day_t, month_t);
  std::string year_t = tokens[i + 2];
  i += 3;
  int mo = month_number(month_t);
  if (!all_digits(day_t) || day_t.size() > 2 || mo == 0 || !all_digits(year_t) ||
      (year_t.size() != 2 && year_t.size() != 4))
    return std::nullopt;
  int y = std::stoi(year_t);
  if (year_t.size() == 2) y += y < 50 ? 2000 : 1900;
  int h = 0, m = 0, s = 0, offset = 0;
  if (i < tokens.size()) {
    if (!parse_clock(tokens[i], h, m, s)) return std::nullopt;
    ++i;
  }
  if (i < tokens.size()) {
    auto z = zone_offset(tokens[i]);
    // Unknown zone names are read as UTC rather than dropping the date.
    if (z) offset = *z;
  }
  return make_time(y, mo, std::stoi(day_t), h, m, s, offset);
}

}  // namespace

std::optional<sys_seconds> parse_feed_date(const std::string& text) {
  std::string t(trim(text));
  if (t.empty()) return std::nullopt;
  if (t.size() >= 10 && t[4] == '-') return parse_iso8601(t);
  return parse_rfc822(t);
}

std::string format_iso8601(sys_seconds t) {
  auto days = floor<std::chrono::days>(t);
  year_month_day ymd{days};
  hh_mm_ss hms{t - days};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

}  // namespace briefcast
