#include "markup/markup_limits.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace briefcast {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool starts_tag(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

std::size_t expansion_budget(std::size_t document_bytes) {
  const std::size_t four =
      document_bytes > kMaxExpandedBytes / 4 ? kMaxExpandedBytes : document_bytes * 4;
  return std::clamp(four, kMinExpansionBytes, kMaxExpandedBytes);
}

MarkupScan scan_markup(std::string_view in, std::size_t max_attributes, std::size_t max_elements) {
  MarkupScan scan;
  std::vector<std::pair<std::size_t, std::size_t>> drop;  // byte ranges to leave out
  std::size_t cut_at = in.size();
  const std::size_t n = in.size();
  auto skip_past = [&](std::size_t from, std::string_view end) {
    const std::size_t at = in.find(end, from);
    return at == std::string_view::npos ? n : at + end.size();
  };
  std::size_t i = 0;
  while (i < n) {
    const std::size_t lt = in.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    const std::string_view rest = in.substr(lt);
    if (rest.starts_with("<!--")) {
      i = skip_past(lt + 4, "-->");
      continue;
    }
    if (rest.starts_with("<![CDATA[")) {
      i = skip_past(lt + 9, "]]>");
      continue;
    }
    if (rest.starts_with("<?")) {
      i = skip_past(lt + 2, ">");
      continue;
    }
    if (rest.starts_with("<!")) {
      i = skip_past(lt + 2, ">");
      continue;
    }
    if (!starts_tag(in[lt + 1])) {
      i = lt + 1;
      continue;
    }
    if (++scan.elements > max_elements) {
      --scan.elements;
      scan.cut = true;
      cut_at = lt;
      break;
    }
    std::size_t j = lt + 1;
    while (j < n && !is_space(in[j]) && in[j] != '>' && in[j] != '/') ++j;
    std::size_t attributes = 0;
    while (j < n) {
      const std::size_t before = j;  // the attribute and the space before it
      while (j < n && is_space(in[j])) ++j;
      if (j >= n) break;
      if (in[j] == '>') {
        ++j;
        break;
      }
      if (in[j] == '/' || in[j] == '=' || in[j] == '<') {  // stray characters, not a name
        ++j;
        continue;
      }
      while (j < n && !is_space(in[j]) && in[j] != '=' && in[j] != '>' && in[j] != '/') ++j;
      std::size_t k = j;
      while (k < n && is_space(in[k])) ++k;
      if (k < n && in[k] == '=') {
        ++k;
        while (k < n && is_space(in[k])) ++k;
        if (k < n && (in[k] == '"' || in[k] == '\'')) {
          const std::size_t close = in.find(in[k], k + 1);
          k = close == std::string_view::npos ? n : close + 1;
        } else {
          while (k < n && !is_space(in[k]) && in[k] != '>') ++k;
        }
        j = k;
      }
      if (++attributes > max_attributes) {
        ++scan.dropped_attributes;
        if (!drop.empty() && drop.back().second == before)
          drop.back().second = j;  // one range for a run of dropped attributes
        else
          drop.emplace_back(before, j);
      }
    }
    i = j;
  }
  if (drop.empty() && !scan.cut) return scan;
  std::string& out = scan.limited.emplace();
  std::size_t from = 0;
  for (auto [start, end] : drop) {
    out.append(in.substr(from, start - from));
    from = end;
  }
  out.append(in.substr(from, cut_at - std::min(from, cut_at)));
  return scan;
}

}  // namespace briefcast
