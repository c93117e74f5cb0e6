#include "briefing/episode_template.hpp"

#include <algorithm>
#include <cstdio>

#include "base/error.hpp"
#include "base/strings.hpp"

namespace briefcast {

namespace {

const char* const kWeekdays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                 "Thursday", "Friday", "Saturday"};
const char* const kMonths[] = {"January",   "February", "March",    "April",
                               "May",       "June",     "July",     "August",
                               "September", "October",  "November", "December"};

std::string two(long v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%02ld", v);
  return buf;
}

// Renders a template; throws Error(ExitCode::feed) naming the bad placeholder.
std::string render(const std::string& text, const TemplateValues& values, bool allow_stories) {
  const std::string known = allow_stories ? "{show}, {date}, {date:FORMAT}, {headlines}, {count}"
                                          : "{show}, {date}, {date:FORMAT}";
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '}') {
      if (i + 1 < text.size() && text[i + 1] == '}')
        ++i;
      else
        throw Error(ExitCode::feed, "a single '}' (write \"}}\" for a brace)");
      out += '}';
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    std::size_t close = text.find('}', i);
    if (close == std::string::npos)
      throw Error(ExitCode::feed, "unclosed '{' (write \"{{\" for a brace)");
    std::string name = text.substr(i + 1, close - i - 1);
    i = close;
    if (name == "show") {
      out += values.show;
    } else if (name == "date") {
      const std::string region = upper_ascii(values.language.substr(
          std::min(values.language.size(), values.language.find_first_of("-_") + 1)));
      const bool month_first = region.starts_with("US");
      out += format_date(values.date, month_first ? "%A, %B %-d, %Y" : "%A, %-d %B %Y");
    } else if (name.starts_with("date:")) {
      out += format_date(values.date, name.substr(5));
    } else if (allow_stories && name == "count") {
      out += std::to_string(values.headlines.size());
    } else if (allow_stories && name == "headlines") {
      std::string h;
      for (auto& line : values.headlines) {
        std::string t = line;
        while (!t.empty() && (t.back() == ' ' || t.back() == '\n')) t.pop_back();
        if (t.empty()) continue;
        if (t.back() != '.' && t.back() != '!' && t.back() != '?') t += '.';
        h += (h.empty() ? "" : " ") + t;
      }
      out += h;
    } else {
      throw Error(ExitCode::feed, "unknown placeholder '{" + name + "}' (known: " + known + ")");
    }
  }
  return out;
}

}  // namespace

std::string format_date(std::chrono::local_seconds t, const std::string& format) {
  using namespace std::chrono;
  auto days = floor<std::chrono::days>(t);
  year_month_day ymd{days};
  weekday wd{days};
  hh_mm_ss hms{t - days};
  std::string out;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') {
      out += format[i];
      continue;
    }
    if (i + 1 >= format.size()) throw Error(ExitCode::feed, "date format ends in '%'");
    char f = format[++i];
    bool no_pad = false;
    if (f == '-' && i + 1 < format.size()) {
      no_pad = true;
      f = format[++i];
    }
    auto num = [&](long v) { return no_pad ? std::to_string(v) : two(v); };
    unsigned mon = static_cast<unsigned>(ymd.month());
    switch (f) {
      case 'Y':
        out += std::to_string(static_cast<int>(ymd.year()));
        break;
      case 'y':
        out += two(static_cast<int>(ymd.year()) % 100);
        break;
      case 'm':
        out += num(mon);
        break;
      case 'd':
        out += num(static_cast<unsigned>(ymd.day()));
        break;
      case 'B':
        out += kMonths[mon - 1];
        break;
      case 'b':
        out += std::string(kMonths[mon - 1]).substr(0, 3);
        break;
      case 'A':
        out += kWeekdays[wd.c_encoding()];
        break;
      case 'a':
        out += std::string(kWeekdays[wd.c_encoding()]).substr(0, 3);
        break;
      case 'H':
        out += num(hms.hours().count());
        break;
      case 'M':
        out += num(hms.minutes().count());
        break;
      case 'j': {
        auto first = local_days{ymd.year() / January / 1};
        long n = (days - first).count() + 1;
        char buf[24];
        std::snprintf(buf, sizeof buf, no_pad ? "%ld" : "%03ld", n);
        out += buf;
        break;
      }
      case '%':
        out += '%';
        break;
      default:
        throw Error(ExitCode::feed, std::string("unknown date conversion '%") +
                                        (no_pad ? "-" : "") + f +
                                        "' (known: %Y %y %m %d %B %b %A %a %H %M %j %%, "
                                        "%-m %-d without leading zero)");
    }
  }
  return out;
}

std::string render_template(const std::string& text, const TemplateValues& values,
                            bool allow_stories) {
  return render(text, values, allow_stories);
}

}  // namespace briefcast
