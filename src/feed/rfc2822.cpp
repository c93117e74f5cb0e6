#include "feed/rfc2822.hpp"

#include <array>
#include <cstdio>
#include <ctime>
#include <string>

#include "base/error.hpp"

namespace briefcast {

namespace {

using namespace std::chrono;

constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct Zone {
  const char* name;
  int offset_minutes;
};
// RFC 2822 section 4.3 (obsolete but still seen in feeds).
constexpr std::array<Zone, 11> kZones = {{{"UT", 0},
                                          {"GMT", 0},
                                          {"Z", 0},
                                          {"EST", -300},
                                          {"EDT", -240},
                                          {"CST", -360},
                                          {"CDT", -300},
                                          {"MST", -420},
                                          {"MDT", -360},
                                          {"PST", -480},
                                          {"PDT", -420}}};

// A cursor over the text with the few token readers the grammar needs.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  bool done() const { return i_ >= s_.size(); }
  void skip_space() {
    while (i_ < s_.size() && is_space(s_[i_])) ++i_;
  }
  bool at_space() const { return i_ < s_.size() && is_space(s_[i_]); }
  bool take(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool peek_alpha() const { return i_ < s_.size() && is_alpha(s_[i_]); }
  std::string_view word() {
    std::size_t b = i_;
    while (i_ < s_.size() && is_alpha(s_[i_])) ++i_;
    return s_.substr(b, i_ - b);
  }
  // Reads a run of digits; `count` is how many there were.
  int number(std::size_t& count) {
    int v = 0;
    count = 0;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9' && count < 9) {
      v = v * 10 + (s_[i_] - '0');
      ++i_;
      ++count;
    }
    return v;
  }
  std::string_view rest() const { return s_.substr(i_); }

 private:
  // Folding whitespace (RFC 2822 FWS) as it appears in XML text.
  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
  static bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::string format_rfc2822(sys_seconds t, int utc_offset_minutes) {
  if (utc_offset_minutes <= -24 * 60 || utc_offset_minutes >= 24 * 60)
    throw Error(ExitCode::invalid, "RFC 2822 date: UTC offset of " +
                                       std::to_string(utc_offset_minutes) +
                                       " minutes is beyond ±23:59");
  sys_seconds local = t + minutes(utc_offset_minutes);
  sys_days day = floor<days>(local);
  year_month_day ymd{day};
  hh_mm_ss<seconds> hms{local - day};
  weekday wd{day};
  int off = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02u %s %04d %02d:%02d:%02d %c%02d%02d",
                kDays[wd.c_encoding()], static_cast<unsigned>(ymd.day()),
                kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()), utc_offset_minutes < 0 ? '-' : '+',
                off / 60, off % 60);
  return buf;
}

std::string format_rfc2822_local(sys_seconds t) {
  std::time_t tt = static_cast<std::time_t>(t.time_since_epoch().count());
  std::tm tm{};
  localtime_r(&tt, &tm);
  return format_rfc2822(t, static_cast<int>(tm.tm_gmtoff / 60));
}

Rfc2822Date parse_rfc2822(std::string_view text) {
  Rfc2822Date r;
  Scanner sc(text);
  auto fail = [&](std::string why) {
    r.error = std::move(why);
    r.time = {};
    return r;
  };
  sc.skip_space();
  int day_name = -1;
  if (sc.peek_alpha()) {
    std::string_view w = sc.word();
    for (int i = 0; i < 7; ++i)
      if (w == kDays[static_cast<std::size_t>(i)]) day_name = i;
    if (day_name < 0) return fail("unknown day name '" + std::string(w) + "'");
    if (!sc.take(',')) return fail("no comma after the day name");
    sc.skip_space();
  }
  std::size_t n = 0;
  int d = sc.number(n);
  if (n < 1 || n > 2) return fail("day of month must be 1 or 2 digits");
  if (!sc.at_space()) return fail("no space after the day of month");
  sc.skip_space();
  std::string_view mon = sc.word();
  int m = 0;
  for (int i = 0; i < 12; ++i)
    if (mon == kMonths[static_cast<std::size_t>(i)]) m = i + 1;
  if (m == 0) return fail("unknown month '" + std::string(mon) + "'");
  if (!sc.at_space()) return fail("no space after the month");
  sc.skip_space();
  int y = sc.number(n);
  if (n != 4) return fail("year must have 4 digits");
  if (y < 1900) return fail("year before 1900");
  if (!sc.at_space()) return fail("no space after the year");
  sc.skip_space();
  int hh = sc.number(n);
  if (n != 2 || !sc.take(':')) return fail("time must be HH:MM or HH:MM:SS");
  int mm = sc.number(n);
  if (n != 2) return fail("time must be HH:MM or HH:MM:SS");
  int ss = 0;
  if (sc.take(':')) {
    ss = sc.number(n);
    if (n != 2) return fail("time must be HH:MM or HH:MM:SS");
  }
  if (hh > 23 || mm > 59 || ss > 60) return fail("time out of range");
  if (sc.done()) return fail("missing zone");
  if (!sc.at_space()) return fail("no space before the zone");
  sc.skip_space();
  int offset = 0;
  bool negative = sc.take('-');
  if (negative || sc.take('+')) {
    int z = sc.number(n);
    if (n != 4) return fail("numeric zone must be +hhmm or -hhmm");
    if (z % 100 > 59) return fail("zone minutes out of range");
    offset = (z / 100 * 60 + z % 100) * (negative ? -1 : 1);
  } else {
    std::string_view z = sc.word();
    bool found = false;
    for (auto& zone : kZones)
      if (z == zone.name) {
        offset = zone.offset_minutes;
        found = true;
      }
    if (!found) return fail(z.empty() ? "missing zone" : "unknown zone '" + std::string(z) + "'");
  }
  sc.skip_space();
  if (!sc.done()) return fail("unexpected text after the zone: '" + std::string(sc.rest()) + "'");

  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok())
    return fail("no such date: day " + std::to_string(d) + " of " +
                std::string(kMonths[static_cast<std::size_t>(m - 1)]) + " " + std::to_string(y));
  sys_days sd{ymd};
  if (day_name >= 0 && weekday{sd}.c_encoding() != static_cast<unsigned>(day_name))
    return fail("day name " + std::string(kDays[static_cast<std::size_t>(day_name)]) +
                " does not match the date (a " + kDays[weekday{sd}.c_encoding()] + ")");
  // A leap second (:60) is folded onto the next second; the instant is what matters here.
  r.time = sys_seconds{sd} + hours(hh) + minutes(mm) + seconds(ss) - minutes(offset);
  r.utc_offset_minutes = offset;
  r.year = y;
  r.month = m;
  r.day = d;
  return r;
}

}  // namespace briefcast
