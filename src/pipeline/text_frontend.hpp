#pragma once
// The text front end as one call per use: read an input (file or standard input), recognise its
// format, clean it into an Article, then turn each block into the sentences eSpeak NG will speak.
//
//   bytes ──> charset → UTF-8 ──> HTML extractor | Markdown | scraped-text cleaner ──> Article
//   Article block ──> Unicode tidy ──> sentence split (article's own words) ──> spoken form
//                 ──> voice lexicon (last) ──> ScriptSentence
//
// Only this file knows the order of the text stages (STYLE.md: stages never call each other).

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/article.hpp"
#include "text/script.hpp"
#include "voice/voice_profile.hpp"

namespace briefcast {

enum class InputFormat { text, markdown, html };
const char* to_string(InputFormat format);  // "text", "markdown", "html"
// "text", "markdown" or "html" (the --format values); nullopt for anything else.
std::optional<InputFormat> parse_input_format(std::string_view name);

// One dropped line for --verbose: `dropped line 3: "Share this" (boilerplate)`, or without a
// line number for a block of an HTML or Markdown page: `dropped: "Advertisement" (reading
// prompt)`.
std::string describe(const DroppedLine& dropped);

// The format of an input: by extension (.txt, .md/.markdown, .html/.htm/.xhtml) and otherwise,
// e.g. for standard input, by sniffing its first bytes for HTML markup (a document, or a closing
// tag of a common element in a fragment) or Markdown headings.
InputFormat detect_format(const std::string& name, std::string_view head);

// Inputs larger than this are plain text streamed paragraph by paragraph (no boilerplate
// removal, which needs the whole page); smaller ones are read whole and cleaned.
inline constexpr std::size_t kMaxWholeArticleBytes = 16u << 20;

// Cleans `bytes` of the given format into an Article. `name` is the file or URL for messages;
// `charset` the declared one (HTTP header), if any. Throws Error(ExitCode::input) when nothing
// speakable is left ("'<name>': no article text found"). When cleaning dropped lines
// (Article::dropped), one warning says how many: "'<name>': dropped N lines as boilerplate (see
// --verbose)".
Article article_from_bytes(std::string_view bytes, InputFormat format, const std::string& name,
                           std::string_view charset = {});

// Reads and cleans FILE, "-" (standard input) or an http(s) URL. Throws Error(ExitCode::input)
// naming the file when it is missing, a folder or unreadable ("cannot read: <reason>", see
// read_file_bytes), binary (NUL bytes), empty or without article text. A URL is fetched with
// fetch_url's default limits (as the daily build fetches article pages) and read by its
// Content-Type (HTML, Markdown, plain text; none: detected): fetch_url's Error(ExitCode::network)
// passes through; another type is Error(ExitCode::input) "'URL': not a web page or text
// (Content-Type T)". `format` overrides detect_format and the Content-Type (--format).
Article read_article(const std::string& spec, std::optional<InputFormat> format = std::nullopt);

// The language an article is written in: the one it declares (HTML lang, JSON-LD inLanguage,
// Content-Language, feed language) or, when it declares none, guess_language over its title and
// text. `source` says which: "declared", "guessed", or "" when neither gives one (tag empty).
struct ArticleLanguage {
  std::string tag;     // BCP 47, e.g. "fr" or "pt-BR"; "" unknown
  std::string source;  // "declared", "guessed" or ""
};
ArticleLanguage article_language(const Article& article);

// The voice for an article when none was asked for: voice_for_language over article_language in
// `voices_dir`, else `fallback`. `note`, when given, receives one line for --verbose: "voice
// fr-news (fr-fr) for language fr (declared by the input)".
VoiceProfile voice_for_article(const Article& article, const std::filesystem::path& voices_dir,
                               const VoiceProfile& fallback, std::string* note = nullptr);

// True when open_script would stream `spec` paragraph by paragraph (a plain-text file larger
// than kMaxWholeArticleBytes) instead of reading it whole.
bool streams_input(const std::string& spec, std::optional<InputFormat> format = std::nullopt);

// How sentences become speech.
struct ScriptOptions {
  std::string language = "en";  // normalization rules (BCP 47 primary tag)
  std::string source_language;  // what the input declares ("en-GB"): its numeric date order
  // Voice lexicon, applied last; its words are left alone by normalization so the lexicon wins.
  std::vector<std::pair<std::string, std::string>> lexicon;
  std::size_t max_sentence_bytes = 300;  // longer sentences are split at clause boundaries
};

// Sentences of one block, in the article's own words (no normalization).
std::vector<std::string> block_sentences(const Block& block, std::size_t max_sentence_bytes = 300);

// Segments and normalizes one block.
ScriptBlock script_block(const Block& block, std::size_t index, const ScriptOptions& options);

// Opens FILE, "-" or an http(s) URL; the article's title is spoken first, as a heading. Throws like
// read_article; a streamed file fails on its first block.
std::unique_ptr<ScriptReader> open_script(const std::string& spec, const ScriptOptions& options,
                                          std::optional<InputFormat> format = std::nullopt);
// An in-memory article (the daily briefing's stories); `speak_title` speaks the title first.
std::unique_ptr<ScriptReader> script_from_article(Article article, const ScriptOptions& options,
                                                  std::string name, bool speak_title);

}  // namespace briefcast
