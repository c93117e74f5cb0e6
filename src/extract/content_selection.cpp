#include "extract/content_selection.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "base/strings.hpp"
#include "extract/class_hints.hpp"
#include "extract/html_text.hpp"

namespace briefcast {

class ContentScorer {
 public:
  ContentScorer(MarkupDocument& doc, MarkupNode* body, bool strip_unlikely)
      : doc_(doc), body_(body), strip_unlikely_(strip_unlikely) {}

  ContentSelection run() {
    prune();
    compute_stats();
    score_paragraphs();
    if (MarkupNode* top = pick_top()) out_.containers_ = with_siblings(top);
    return std::move(out_);
  }

 private:
  NodeStats& st(const MarkupNode* n) {
    if (!n || n->index >= out_.slot_.size() || !out_.slot_[n->index]) return none_ = NodeStats{};
    return out_.stats_[out_.slot_[n->index] - 1];
  }
  double link_density(const MarkupNode* n) { return out_.link_density(*n); }

  bool hidden(const MarkupNode* n) {
    if (n->attr("hidden")) return true;
    const std::string style = lower_ascii(n->attr_or_empty("style"));
    if (style.find("display:none") != std::string::npos ||
        style.find("display: none") != std::string::npos ||
        style.find("visibility:hidden") != std::string::npos)
      return true;
    return n->attr_or_empty("aria-hidden") == "true" && tag_of(*n) != "span";
  }

  bool removable(const MarkupNode* n) {
    if (n->kind == MarkupKind::comment || n->kind == MarkupKind::processing_instruction)
      return true;
    if (!n->is_element()) return false;
    const std::string_view t = n->name;
    if (one_of(t, {"script",   "style",  "noscript", "template", "nav",     "footer",     "aside",
                   "form",     "iframe", "svg",      "canvas",   "button",  "input",      "select",
                   "textarea", "object", "embed",    "video",    "audio",   "figcaption", "link",
                   "meta",     "dialog", "menu",     "label",    "picture", "source",     "map"}))
      return true;
    if (hidden(n)) return true;
    const std::string role = lower_ascii(n->attr_or_empty("role"));
    if (one_of(role, {"navigation", "menu", "menubar", "complementary", "dialog", "alertdialog",
                      "banner", "contentinfo", "search"}))
      return true;
    if (t == "body" || t == "html" || t == "article" || t == "main" || t == "a") return false;
    if (n->attr_or_empty("itemprop").find("articleBody") != std::string_view::npos) return false;
    if (t == "header") return true;
    if (!strip_unlikely_) return false;
    const std::string ci = class_and_id(*n);
    if (ci.size() <= 1) return false;
    return is_unlikely_hint(ci);
  }

  void prune() {
    std::vector<MarkupNode*> doomed;
    traverse(
        body_,
        [&](MarkupNode* n) {
          if (n != body_ && removable(n)) {
            doomed.push_back(n);
            return false;
          }
          return n->is_element();
        },
        [](MarkupNode*) {});
    for (MarkupNode* n : doomed) doc_.remove(*n);
  }

  void compute_stats() {
    out_.stats_.clear();
    out_.slot_.assign(doc_.node_count(), 0);
    traverse(
        body_,
        [&](MarkupNode* n) {
          if (n->is_element()) {
            out_.stats_.emplace_back();
            out_.slot_[n->index] = out_.stats_.size();
            return true;
          }
          if ((n->kind == MarkupKind::text || n->kind == MarkupKind::cdata) && n->parent) {
            NodeStats& s = st(n->parent);
            const std::string_view text = n->text;
            bool any = false;
            for (char c : text) {
              if (!is_html_space(static_cast<unsigned char>(c))) {
                any = true;
                break;
              }
            }
            if (!any) return false;
            const std::string f = folded(text);
            s.text += count_code_points(f) + 1;
            s.commas += static_cast<std::size_t>(std::count(f.begin(), f.end(), ','));
            for (std::size_t at = f.find("\xEF\xBC\x8C"); at != std::string::npos;
                 at = f.find("\xEF\xBC\x8C", at + 3))
              ++s.commas;
          }
          return false;
        },
        [&](MarkupNode* n) {
          if (!n->is_element() || n == body_) return;
          NodeStats& s = st(n);
          const std::string_view t = n->name;
          if (t == "a") s.link = s.text;
          if (t == "p") ++s.p;
          if (t == "img") ++s.img;
          if (t == "li") ++s.li;
          if (t == "input") ++s.input;
          if (t == "embed" || t == "object" || t == "iframe") ++s.embed;
          NodeStats& ps = st(n->parent);
          ps.text += s.text;
          ps.link += s.link;
          ps.commas += s.commas;
          ps.p += s.p;
          ps.img += s.img;
          ps.li += s.li;
          ps.input += s.input;
          ps.embed += s.embed;
        });
  }

  static bool has_block_child(const MarkupNode* n) {
    for (const MarkupNode* c = n->first_child; c; c = c->next)
      if (c->is_element() &&
          one_of(c->name, {"p", "div", "section", "article", "table", "ul", "ol", "blockquote",
                           "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dl"}))
        return true;
    return false;
  }

  void init_candidate(MarkupNode* n) {
    NodeStats& s = st(n);
    if (s.candidate) return;
    s.candidate = true;
    const std::string_view t = tag_of(*n);
    double base = 0;
    if (t == "div" || t == "article" || t == "main" || t == "section")
      base = 5;
    else if (t == "pre" || t == "td" || t == "blockquote")
      base = 3;
    else if (one_of(t, {"address", "ol", "ul", "dl", "dd", "dt", "li", "form"}))
      base = -3;
    else if (is_heading_tag(t) || t == "th")
      base = -5;
    if (t == "article") base += 10;
    if (t == "main") base += 5;
    s.score = base + class_weight(*n);
    candidates_.push_back(n);
  }

  void score_paragraphs() {
    std::vector<MarkupNode*> paragraphs;
    traverse(
        body_,
        [&](MarkupNode* n) {
          if (!n->is_element()) return false;
          const std::string_view t = n->name;
          if (t == "p" || t == "pre" || t == "td" ||
              ((t == "div" || t == "section" || t == "font") && !has_block_child(n))) {
            paragraphs.push_back(n);
            return t == "td" || t == "div" || t == "section";
          }
          return true;
        },
        [](MarkupNode*) {});
    for (MarkupNode* p : paragraphs) {
      const NodeStats& ps = st(p);
      if (ps.text < 25 || !p->parent || !p->parent->is_element()) continue;
      const double score = 1.0 + static_cast<double>(ps.commas) +
                           static_cast<double>(std::min<std::size_t>(ps.text / 100, 3));
      MarkupNode* a = p->parent;
      for (int level = 0; a && a->is_element() && level < 5; ++level, a = a->parent) {
        if (a == body_->parent) break;
        init_candidate(a);
        const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
        st(a).score += score / divider;
      }
    }
    for (MarkupNode* c : candidates_) st(c).score *= 1.0 - link_density(c);
  }

  MarkupNode* pick_top() {
    if (candidates_.empty()) return nullptr;
    std::vector<MarkupNode*> sorted = candidates_;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](MarkupNode* a, MarkupNode* b) { return st(a).score > st(b).score; });
    MarkupNode* top = sorted.front();
    const double top_score = st(top).score;
    if (top_score <= 0) return nullptr;
    // Several good candidates under one ancestor: the ancestor is the article (split bodies).
    std::vector<MarkupNode*> alternatives;
    for (std::size_t i = 1; i < sorted.size() && i < 5; ++i)
      if (st(sorted[i]).score / top_score >= 0.75) alternatives.push_back(sorted[i]);
    if (alternatives.size() >= 3) {
      for (MarkupNode* a = top->parent; a && a != body_ && a->is_element(); a = a->parent) {
        int contained = 0;
        for (MarkupNode* alt : alternatives) {
          for (MarkupNode* x = alt; x; x = x->parent)
            if (x == a) {
              ++contained;
              break;
            }
        }
        if (contained >= 3) {
          top = a;
          break;
        }
      }
    }
    init_candidate(top);
    // Climb while the parent keeps a comparable score.
    double last = st(top).score;
    const double threshold = last / 3;
    for (MarkupNode* parent = top->parent; parent && parent != body_ && parent->is_element();
         parent = parent->parent) {
      if (!st(parent).candidate) continue;
      const double ps = st(parent).score;
      if (ps < threshold) break;
      if (ps > last) {
        top = parent;
        break;
      }
      last = ps;
    }
    // A lone child is its parent's whole content.
    while (top->parent && top->parent != body_ && top->parent->is_element()) {
      int elements = 0;
      for (MarkupNode* c = top->parent->first_child; c; c = c->next) elements += c->is_element();
      if (elements != 1) break;
      top = top->parent;
    }
    return top;
  }

  std::vector<MarkupNode*> with_siblings(MarkupNode* top) {
    if (!top->parent || top == body_) return {top};
    const double top_score = st(top).score;
    const double threshold = std::max(10.0, top_score * 0.2);
    const std::string top_class(top->attr_or_empty("class"));
    std::vector<MarkupNode*> out;
    for (MarkupNode* s = top->parent->first_child; s; s = s->next) {
      if (!s->is_element()) continue;
      if (s == top) {
        out.push_back(s);
        continue;
      }
      double bonus = 0;
      if (!top_class.empty() && s->attr_or_empty("class") == top_class) bonus = top_score * 0.2;
      const NodeStats& ss = st(s);
      if (ss.candidate && ss.score + bonus >= threshold) {
        out.push_back(s);
      } else if (s->name == "p") {
        const double ld = link_density(s);
        const std::string text = folded_text(*s);
        const std::size_t len = count_code_points(text);
        if ((len > 80 && ld < 0.25) ||
            (len > 0 && len <= 80 && ld == 0 &&
             (text.back() == '.' || text.find(". ") != std::string::npos)))
          out.push_back(s);
      }
    }
    return out;
  }

  MarkupDocument& doc_;
  MarkupNode* body_;
  bool strip_unlikely_;
  ContentSelection out_;
  NodeStats none_;  // what st() hands out for nodes without numbers; reset on every call
  std::vector<MarkupNode*> candidates_;
};

const NodeStats& ContentSelection::stats(const MarkupNode& node) const {
  static const NodeStats none;
  if (node.index >= slot_.size() || !slot_[node.index]) return none;
  return stats_[slot_[node.index] - 1];
}

double ContentSelection::link_density(const MarkupNode& node) const {
  const NodeStats& s = stats(node);
  return s.text ? static_cast<double>(s.link) / static_cast<double>(s.text) : 0.0;
}

ContentSelection select_content(MarkupDocument& doc, MarkupNode& body, bool strip_unlikely) {
  return ContentScorer(doc, &body, strip_unlikely).run();
}

}  // namespace briefcast
