#include "pipeline/text_frontend.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "base/error.hpp"
#include "base/file_read.hpp"
#include "base/strings.hpp"
#include "extract/html_extractor.hpp"
#include "extract/html_text.hpp"
#include "extract/markdown.hpp"
#include "extract/news_clutter.hpp"
#include "extract/scraped_cleaner.hpp"
#include "markup/markup_tree.hpp"
#include "net/http_fetch.hpp"
#include "net/url_tools.hpp"
#include "spoken/lexicon.hpp"
#include "spoken/normalizer.hpp"
#include "text/language_guess.hpp"
#include "text/long_sentence.hpp"
#include "text/segmenter.hpp"
#include "text/text_encoding.hpp"
#include "text/text_source.hpp"
#include "text/unicode_text.hpp"
#include "voice/voice_profile.hpp"

namespace briefcast {

namespace fs = std::filesystem;

namespace {

std::string display_name(const std::string& spec) { return spec == "-" ? "<stdin>" : spec; }

// Reads a whole input: a file (read_file_bytes' errors), or standard input up to 256 MB.
std::string read_all(const std::string& spec) {
  if (spec == "-") {
    std::string data;
    constexpr std::size_t kMaxStdin = 256u << 20;
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
      data.append(buf, n);
      if (data.size() > kMaxStdin)
        throw Error(ExitCode::input, "'<stdin>': larger than 256 MB; save it to a file first");
    }
    return data;
  }
  return read_file_bytes(spec);
}

bool is_blank(std::string_view s) { return trim(s).empty(); }

NormalizerConfig normalizer_for(const ScriptOptions& o) {
  NormalizerConfig c;
  c.language = o.language;  // "en-US": the region picks the voice's number style
  c.source_language = o.source_language;
  for (auto& [word, say] : o.lexicon) c.keep_words.push_back(word);
  return c;
}

bool has_rules(const std::string& language) { return has_normalization_rules(language); }

ScriptOptions with_source(ScriptOptions o, const std::string& language) {
  if (o.source_language.empty()) o.source_language = language;
  return o;
}

// A cleaned article held in memory.
class ArticleScript : public ScriptReader {
 public:
  ArticleScript(Article a, ScriptOptions o, std::string name, bool speak_title)
      : article_(std::move(a)),
        options_(with_source(std::move(o), article_.language)),
        name_(std::move(name)),
        // A one-paragraph input is its own title: spoken once.
        title_pending_(speak_title && !article_.title.empty() &&
                       (article_.blocks.empty() || article_.blocks[0].text != article_.title)) {}
  std::optional<ScriptBlock> next() override {
    if (title_pending_) {
      title_pending_ = false;
      ScriptBlock b = script_block(Block{BlockKind::heading, article_.title, 0}, 0, options_);
      if (!b.sentences.empty()) return b;
    }
    while (next_ < article_.blocks.size()) {
      std::size_t i = next_++;
      ScriptBlock b = script_block(article_.blocks[i], i, options_);
      if (!b.sentences.empty()) return b;
    }
    return std::nullopt;
  }
  const std::string& title() const override { return article_.title; }
  const std::string& author() const override { return article_.author; }
  const std::string& name() const override { return name_; }
  std::vector<std::string> warnings() const override { return article_.warnings; }
  std::vector<DroppedLine> dropped() const override { return article_.dropped; }
  std::optional<std::size_t> count_sentences() override {
    std::size_t n = title_pending_ ? 1 : 0;
    for (auto& b : article_.blocks) n += block_sentences(b, options_.max_sentence_bytes).size();
    return n;
  }

 private:
  Article article_;
  ScriptOptions options_;
  std::string name_;
  std::size_t next_ = 0;
  bool title_pending_ = false;
};

// A large plain-text file, one paragraph at a time (memory stays flat).
class StreamedTextScript : public ScriptReader {
 public:
  StreamedTextScript(const std::string& spec, ScriptOptions o)
      : spec_(spec), source_(spec), options_(std::move(o)) {}
  std::optional<ScriptBlock> next() override {
    while (auto p = source_.next_paragraph()) {
      Block b{BlockKind::paragraph, tidy_unicode(*p, Typography::keep), 0};
      ScriptBlock s = script_block(b, index_++, options_);
      if (!s.sentences.empty()) return s;
    }
    return std::nullopt;
  }
  const std::string& title() const override { return title_; }
  const std::string& name() const override { return source_.name(); }
  std::vector<std::string> warnings() const override {
    if (source_.repaired_bytes() == 0) return {};
    return {"'" + source_.name() + "': " + std::to_string(source_.repaired_bytes()) +
            " invalid UTF-8 byte(s) repaired (read as Windows-1252)"};
  }
  std::optional<std::size_t> count_sentences() override {
    std::size_t n = 0;
    TextSource again(spec_);
    while (auto p = again.next_paragraph())
      n += block_sentences(Block{BlockKind::paragraph, tidy_unicode(*p, Typography::keep), 0},
                           options_.max_sentence_bytes)
               .size();
    return n;
  }

 private:
  std::string spec_;
  TextSource source_;
  ScriptOptions options_;
  std::string title_;
  std::size_t index_ = 0;
};

}  // namespace

const char* to_string(InputFormat format) {
  switch (format) {
    case InputFormat::text:
      return "text";
    case InputFormat::markdown:
      return "markdown";
    case InputFormat::html:
      return "html";
  }
  return "text";
}

InputFormat detect_format(const std::string& name, std::string_view head) {
  std::string ext = lower_ascii(fs::path(name).extension().string());
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputFormat::html;
  if (ext == ".md" || ext == ".markdown") return InputFormat::markdown;
  if (ext == ".txt" || ext == ".text") return InputFormat::text;
  // Sniff: markup near the start means HTML.
  std::string start = lower_ascii(head.substr(0, 4096));
  std::size_t lead = start.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (lead != std::string::npos) {
    std::string_view s(start);
    s.remove_prefix(lead);
    for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<article",
                                 "<?xml version", "<!--", "<div", "<p>", "<p "})
      if (s.substr(0, tag.size()) == tag) return InputFormat::html;
  }
  if (start.find("<p>") != std::string::npos && start.find("</p>") != std::string::npos)
    return InputFormat::html;
  // Inline markup in a fragment ("Hello <b>world</b> again"): a closing tag of a common element.
  for (std::string_view tag : {"</b>", "</i>", "</em>", "</strong>", "</a>", "</span>", "</p>",
                               "</div>", "</h1>", "</h2>", "</li>", "</blockquote>"})
    if (start.find(tag) != std::string::npos) return InputFormat::html;
  // Markdown: an ATX heading on a line of its own or front matter.
  if (start.rfind("---\n", 0) == 0 || start.rfind("# ", 0) == 0 ||
      start.find("\n# ") != std::string::npos || start.find("\n## ") != std::string::npos)
    return InputFormat::markdown;
  return InputFormat::text;
}

Article article_from_bytes(std::string_view bytes, InputFormat format, const std::string& name,
                           std::string_view charset) {
  const bool utf16 = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                           (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  if (std::size_t nul = bytes.find('\0'); nul != std::string_view::npos && !utf16) {
    auto line = std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(nul), '\n');
    throw Error(ExitCode::input,
                "'" + name + "': binary file (NUL byte on line " + std::to_string(line + 1) + ")");
  }
  if (is_blank(bytes))
    throw Error(ExitCode::input, "'" + name + "': no text to speak (empty or only whitespace)");
  Article a;
  bool page_furniture = format != InputFormat::text;  // plain text: only when scraped
  if (format == InputFormat::html) {
    try {
      a = extract_html(bytes, name, charset);
    } catch (const Error& e) {
      // A fragment ("Hello <b>world</b> again", no <html>/<body>) has no article to select:
      // its text is the body. A whole page without article text stays an error.
      std::string start = lower_ascii(bytes.substr(0, 4096));
      bool page = start.find("<html") != std::string::npos ||
                  start.find("<body") != std::string::npos ||
                  start.find("<head") != std::string::npos;
      if (e.code() != ExitCode::input || page) throw;
      MarkupDocument doc = parse_html(to_utf8(bytes, charset, nullptr), name);
      std::string text = doc.root() ? folded_text(*doc.root()) : "";
      if (is_blank(text)) throw;
      a.blocks.push_back(Block{BlockKind::paragraph, text, 0});
    }
  } else {
    std::vector<std::string> warnings;
    std::string text;
    if (charset.empty() && !utf16) {
      // Plain UTF-8 expected; stray bytes are almost always Windows-1252.
      text.assign(bytes);
      if (std::size_t n = clean_plain_text(text))
        warnings.push_back(std::to_string(n) +
                           " invalid UTF-8 byte(s) repaired (read as Windows-1252)");
    } else {
      text = to_utf8(bytes, charset, &warnings);
    }
    a = format == InputFormat::markdown ? parse_markdown(text) : clean_scraped_text(text);
    if (format == InputFormat::text) page_furniture = shows_scrape_signs(text);
    for (auto& w : warnings) a.warnings.push_back("'" + name + "': " + w);
  }
  // Tidy every block; drop blocks left empty.
  // The article keeps its own typography (quotes, dashes); script_block tidies each sentence
  // for speech.
  a.title = tidy_unicode(a.title, Typography::keep);
  std::vector<Block> kept;
  for (auto& b : a.blocks) {
    b.text = tidy_unicode(b.text, Typography::keep);
    if (page_furniture) {
      // News furniture of every format: reading prompts, credit lines, media captions.
      if (auto reason = news_furniture(b.text)) {
        a.dropped.push_back({0, b.text, *reason});
        continue;
      }
      b.text = strip_inline_clutter(b.text);
    }
    if (!is_blank(b.text)) kept.push_back(std::move(b));
  }
  a.blocks = std::move(kept);
  if (a.blocks.empty()) throw Error(ExitCode::input, "'" + name + "': no article text found");
  if (!a.dropped.empty())
    a.warnings.push_back("'" + name + "': dropped " + std::to_string(a.dropped.size()) +
                         (a.dropped.size() == 1 ? " line" : " lines") +
                         " as boilerplate (see --verbose)");
  return a;
}

namespace {

// An http(s) input, fetched with the limits and errors of the daily build's article pages
// (FetchOptions' defaults): the Content-Type picks the reader, a body of another type is refused.
Article fetch_article(const std::string& url, std::optional<InputFormat> forced) {
  FetchOptions fo;
  // The user typed this URL: a page on their own network is theirs to read (the private-address
  // rule guards the daily build against links found in feeds).
  fo.allow_private = true;
  fo.accept = "text/html, application/xhtml+xml, text/markdown;q=0.9, text/plain;q=0.8, */*;q=0.5";
  FetchResult page = fetch_url(url, fo);
  const std::string& mime = page.mime_type;
  InputFormat format;
  if (forced)
    format = *forced;
  else if (mime == "text/html" || mime == "application/xhtml+xml")
    format = InputFormat::html;
  else if (mime == "text/markdown")
    format = InputFormat::markdown;
  else if (mime == "text/plain")
    format = InputFormat::text;
  else if (mime.empty())
    format = detect_format(url, page.body);
  else
    throw Error(ExitCode::input,
                "'" + url + "': not a web page or text (Content-Type " + page.content_type + ")");
  return article_from_bytes(page.body, format, url, page.charset);
}

}  // namespace

std::optional<InputFormat> parse_input_format(std::string_view name) {
  if (name == "text") return InputFormat::text;
  if (name == "markdown") return InputFormat::markdown;
  if (name == "html") return InputFormat::html;
  return std::nullopt;
}

std::string describe(const DroppedLine& d) {
  std::string where = d.line ? "dropped line " + std::to_string(d.line) : std::string("dropped");
  return where + ": \"" + d.text + "\" (" + d.reason + ")";
}

Article read_article(const std::string& spec, std::optional<InputFormat> format) {
  if (is_http_url(spec)) return fetch_article(spec, format);
  std::string bytes = read_all(spec);
  const std::string name = display_name(spec);
  return article_from_bytes(bytes, format ? *format : detect_format(spec == "-" ? "" : spec, bytes),
                            name);
}

std::vector<std::string> block_sentences(const Block& block, std::size_t max_sentence_bytes) {
  std::vector<std::string> out;
  if (block.kind == BlockKind::heading) {
    out.push_back(block.text);
    return out;
  }
  for (auto& s : split_sentences(block.text))
    for (auto& piece : split_long_sentence(s, max_sentence_bytes)) out.push_back(piece);
  return out;
}

ScriptBlock script_block(const Block& block, std::size_t index, const ScriptOptions& options) {
  ScriptBlock out;
  out.kind = block.kind;
  out.index = index;
  out.source_offset = block.source_offset;
  const bool normalize = has_rules(options.language);
  NormalizerConfig config;
  if (normalize) config = normalizer_for(options);
  for (auto& text : block_sentences(block, options.max_sentence_bytes)) {
    ScriptSentence s;
    s.text = text;
    const std::string tidy = tidy_unicode(text);  // quotes straightened, dashes as pauses
    s.spoken = normalize ? to_spoken(tidy, config) : tidy;
    s.spoken = apply_lexicon(s.spoken, options.lexicon);
    if (!is_blank(s.spoken)) out.sentences.push_back(std::move(s));
  }
  return out;
}

ArticleLanguage article_language(const Article& article) {
  if (!article.language.empty()) return {article.language, "declared"};
  std::string text = article.title;
  for (auto& b : article.blocks) {
    if (text.size() > 64 * 1024) break;
    text += "\n" + b.text;
  }
  std::string guess = guess_language(text);
  return {guess, guess.empty() ? "" : "guessed"};
}

VoiceProfile voice_for_article(const Article& article, const fs::path& voices_dir,
                               const VoiceProfile& fallback, std::string* note) {
  const ArticleLanguage lang = article_language(article);
  std::optional<VoiceProfile> chosen = voice_for_language(lang.tag, voices_dir, fallback);
  VoiceProfile v = chosen.value_or(fallback);
  if (note) {
    *note =
        "voice " + v.name + " (" + v.espeak_voice + ") for language " +
        (lang.tag.empty() ? std::string("unknown")
                          : lang.tag + (lang.source == "declared" ? " (declared by the input)"
                                                                  : " (guessed from the text)"));
    if (!lang.tag.empty() && !chosen) *note += ": no voice speaks it, using the default";
  }
  return v;
}

bool streams_input(const std::string& spec, std::optional<InputFormat> format) {
  if (spec == "-" || is_http_url(spec) || (format && *format != InputFormat::text)) return false;
  std::error_code ec;
  auto status = fs::status(spec, ec);
  return !ec && fs::is_regular_file(status) && fs::file_size(spec, ec) > kMaxWholeArticleBytes &&
         detect_format(spec, {}) == InputFormat::text;
}

std::unique_ptr<ScriptReader> open_script(const std::string& spec, const ScriptOptions& options,
                                          std::optional<InputFormat> format) {
  if (streams_input(spec, format)) return std::make_unique<StreamedTextScript>(spec, options);
  Article a = read_article(spec, format);
  return std::make_unique<ArticleScript>(std::move(a), options, display_name(spec), true);
}

std::unique_ptr<ScriptReader> script_from_article(Article article, const ScriptOptions& options,
                                                  std::string name, bool speak_title) {
  return std::make_unique<ArticleScript>(std::move(article), options, std::move(name), speak_title);
}

}  // namespace briefcast
