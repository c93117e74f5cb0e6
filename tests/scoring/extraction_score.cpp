// Article extraction over the scrapinghub article-extraction-benchmark pages, scored as its
// evaluate.py does: for each page, 4-word shingles (n-grams of \w+ tokens, counted with
// multiplicity) of the extracted body against the hand-made articleBody give tp/fp/fn, which are
// normalized to sum 1 per page; precision and recall are averaged over the pages and F1 is their
// harmonic mean. Tokens are lower-cased (the corpus README's reading; evaluate.py compares case-
// sensitively, and that stricter F1 is printed in `detail` too). The title is not part of the body:
// the ground truth's articleBody does not carry it either.

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "base/error.hpp"
#include "extract/html_extractor.hpp"
#include "scoring/scores.hpp"

namespace briefcast::scoring {
namespace {

std::string gunzip_file(const std::filesystem::path& p) {
  gzFile f = gzopen(p.c_str(), "rb");
  if (!f) return {};
  std::string out;
  char buf[65536];
  for (;;) {
    const int n = gzread(f, buf, sizeof buf);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  gzclose(f);
  return out;
}

// Decodes one UTF-8 code point at s[i] (advancing i); invalid bytes decode as themselves.
char32_t next_code_point(const std::string& s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = b0 < 0x80 ? 1 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
  if (i + len > s.size()) len = 1;
  char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (std::size_t k = 1; k < len; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

// Python's \w (str.isalnum() or '_'), approximated by excluding the punctuation, symbol, space and
// mark blocks that occur in news text.
bool is_word_char(char32_t c) {
  if (c < 0x80)
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  if (c < 0xC0)
    return c == 0xAA || c == 0xB2 || c == 0xB3 || c == 0xB5 || c == 0xB9 || c == 0xBA ||
           (c >= 0xBC && c <= 0xBE);
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x02C2 && c <= 0x02C5) return false;
  if (c >= 0x02D2 && c <= 0x02DF) return false;
  if (c >= 0x0300 && c <= 0x036F) return false;  // combining marks
  if (c == 0x037E || c == 0x0387 || (c >= 0x055A && c <= 0x055F) || c == 0x0589) return false;
  if (c >= 0x0591 && c <= 0x05C7) return false;  // Hebrew points
  if (c == 0x060C || c == 0x061B || c == 0x061F || c == 0x066A || c == 0x066B || c == 0x066C ||
      c == 0x066D || c == 0x06D4)
    return false;
  if (c >= 0x064B && c <= 0x065F) return false;  // Arabic marks
  if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation
  if (c >= 0x20A0 && c <= 0x20FF) return false;  // currency, combining marks for symbols
  if (c >= 0x2100 && c <= 0x214F)
    return c == 0x2102 || c == 0x2107 || (c >= 0x210A && c <= 0x2113) || c == 0x2115 ||
           (c >= 0x2119 && c <= 0x211D) || c == 0x2124 || c == 0x2126 || c == 0x2128 ||
           (c >= 0x212A && c <= 0x212D) || (c >= 0x212F && c <= 0x2139);
  if (c >= 0x2190 && c <= 0x2BFF) return false;  // arrows, math, technical, boxes, dingbats
  if (c >= 0x2E00 && c <= 0x2E7F) return false;
  if (c >= 0x3000 && c <= 0x3004) return false;
  if (c >= 0x3008 && c <= 0x3020) return false;
  if (c == 0x3030 || c == 0x303D || c == 0x30FB) return false;
  if (c >= 0xFE10 && c <= 0xFE6F) return false;
  if ((c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
      (c >= 0xFF3B && c <= 0xFF40 && c != 0xFF3F) || (c >= 0xFF5B && c <= 0xFF65))
    return false;
  if (c >= 0xFFF0 && c <= 0xFFFF) return false;
  if (c >= 0xE000 && c <= 0xF8FF) return false;    // private use
  if (c >= 0x1F000 && c <= 0x1FAFF) return false;  // emoji and pictographs
  if (c >= 0xFE00 && c <= 0xFE0F) return false;    // variation selectors
  return true;
}

void append_lower(std::string& out, char32_t c) {
  if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
  // Latin-1, Greek and Cyrillic capitals: enough for the corpus languages.
  else if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2))
    c += 0x20;
  else if (c >= 0x410 && c <= 0x42F)
    c += 0x20;
  else if (c >= 0x400 && c <= 0x40F)
    c += 0x50;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::vector<std::string> tokenize(const std::string& text, bool lower_case) {
  std::vector<std::string> tokens;
  std::string cur;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t c = next_code_point(text, i);
    if (is_word_char(c)) {
      if (lower_case)
        append_lower(cur, c);
      else
        cur.append(text, at, i - at);
    } else if (!cur.empty()) {
      tokens.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) tokens.push_back(std::move(cur));
  return tokens;
}

std::map<std::string, int> shingles(const std::string& text, bool lower_case) {
  const std::vector<std::string> t = tokenize(text, lower_case);
  std::map<std::string, int> out;
  const std::size_t n = 4;
  // evaluate.py: range(max(1, len - n + 1)); a text shorter than n gives one short shingle
  const std::size_t count = t.size() >= n ? t.size() - n + 1 : 1;
  for (std::size_t i = 0; i < count; ++i) {
    std::string key;
    for (std::size_t k = i; k < std::min(i + n, t.size()); ++k) {
      key += t[k];
      key += '\x1F';
    }
    if (!key.empty()) ++out[key];
  }
  return out;
}

struct PageScore {
  double tp = 0, fp = 0, fn = 0;
};

PageScore match(const std::string& truth, const std::string& pred, bool lower_case) {
  const auto ts = shingles(truth, lower_case), ps = shingles(pred, lower_case);
  PageScore s;
  for (const auto& [k, tc] : ts) {
    auto it = ps.find(k);
    const int pc = it == ps.end() ? 0 : it->second;
    s.tp += std::min(tc, pc);
    s.fn += std::max(0, tc - pc);
  }
  for (const auto& [k, pc] : ps) {
    auto it = ts.find(k);
    const int tc = it == ts.end() ? 0 : it->second;
    s.fp += std::max(0, pc - tc);
  }
  const double sum = s.tp + s.fp + s.fn;
  if (sum > 0) {
    s.tp /= sum;
    s.fp /= sum;
    s.fn /= sum;
  }
  return s;
}

double precision(const PageScore& s) {
  if (s.fp == 0 && s.fn == 0) return 1;
  if (s.tp == 0 && s.fp == 0) return 0;
  return s.tp / (s.tp + s.fp);
}
double recall(const PageScore& s) {
  if (s.fp == 0 && s.fn == 0) return 1;
  if (s.tp == 0 && s.fn == 0) return 0;
  return s.tp / (s.tp + s.fn);
}

struct Totals {
  double precision = 0, recall = 0, f1 = 0;
};

Totals totals(const std::vector<PageScore>& pages) {
  double p = 0, r = 0;
  std::size_t np = 0, nr = 0;
  for (const PageScore& s : pages) {
    if (s.tp + s.fp > 0) {
      p += precision(s);
      ++np;
    }
    if (s.tp + s.fn > 0) {
      r += recall(s);
      ++nr;
    }
  }
  Totals t;
  t.precision = np ? p / static_cast<double>(np) : 0;
  t.recall = nr ? r / static_cast<double>(nr) : 0;
  t.f1 = t.precision + t.recall > 0 ? 2 * t.precision * t.recall / (t.precision + t.recall) : 0;
  return t;
}

}  // namespace

std::optional<Score> score_extraction(const std::filesystem::path& corpus) {
  const auto dir = corpus / "extraction";
  std::ifstream in(dir / "ground-truth.json");
  if (!in) return std::nullopt;
  const auto truth = nlohmann::json::parse(in, nullptr, false);
  if (truth.is_discarded() || !truth.is_object()) return std::nullopt;

  std::vector<PageScore> lower_pages, exact_pages;
  std::vector<std::pair<double, std::string>> worst;  // per-page F1, id
  std::size_t failed = 0;
  for (const auto& [id, entry] : truth.items()) {
    const std::string body = entry.value("articleBody", "");
    const std::string html = gunzip_file(dir / "html" / (id + ".html.gz"));
    std::string text;
    try {
      const Article a = extract_html(html, id, {});
      for (const Block& b : a.blocks) {
        text += b.text;
        text += "\n\n";
      }
    } catch (const Error&) {
      ++failed;
    }
    const PageScore s = match(body, text, true);
    lower_pages.push_back(s);
    exact_pages.push_back(match(body, text, false));
    const double p = precision(s), r = recall(s);
    const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.8s P%.2f R%.2f", id.c_str(), p, r);
    worst.emplace_back(f, buf);
  }
  if (lower_pages.empty()) return std::nullopt;
  const Totals t = totals(lower_pages), exact = totals(exact_pages);
  std::sort(worst.begin(), worst.end());

  Score score;
  score.name = "extraction F1";
  score.value = t.f1;
  score.target = 0.93;
  score.unit = "F1";
  std::ostringstream d;
  d.precision(3);
  d << lower_pages.size() << " pages, precision " << t.precision << ", recall " << t.recall
    << ", case-sensitive F1 " << exact.f1 << ", " << failed << " without text; worst:";
  for (std::size_t i = 0; i < worst.size() && i < 8; ++i)
    d << ' ' << worst[i].second << " F" << worst[i].first << ';';
  score.detail = d.str();
  return score;
}

}  // namespace briefcast::scoring
