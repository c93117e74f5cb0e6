// `briefcast clean|sentences|script FILE|-`: what the text front end makes of an input, so users
// and tests can see exactly what will be spoken.

#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>

#include "base/data_dir.hpp"
#include "base/error.hpp"
#include "cli/cli_commands.hpp"
#include "pipeline/text_frontend.hpp"
#include "voice/voice_profile.hpp"

namespace briefcast {

namespace fs = std::filesystem;

namespace {

enum class View { clean, sentences, script };

struct TextFlags {
  std::string input;
  std::string voice;  // empty: the voice of the article's language
  bool json = false;
  bool verbose = false;
  std::string format;  // "" sniffs
};

ScriptOptions options_for(const std::string& voice) {
  ScriptOptions o;
  if (auto profile = find_voice_profile(voice, default_voices_dir())) {
    o.language = profile->language;
    o.lexicon = profile->lexicon;
  } else {
    o.language = voice;  // a raw eSpeak NG voice name: its language, no lexicon
  }
  return o;
}

// Without --voice: the voice of the article's language (the default voice when unknown).
ScriptOptions options_for_article(const Article& article, bool verbose, std::ostream& err) {
  const fs::path dir = default_voices_dir();
  const VoiceProfile fallback = find_voice_profile("en-us-news", dir).value_or(VoiceProfile{});
  std::string note;
  const VoiceProfile voice = voice_for_article(article, dir, fallback, &note);
  if (verbose) err << "briefcast: " << note << "\n";
  ScriptOptions o;
  o.language = voice.language;
  o.lexicon = voice.lexicon;
  return o;
}

int run_view(View view, const TextFlags& f, CliStreams io) {
  Article article =
      read_article(f.input, f.format.empty() ? std::nullopt : parse_input_format(f.format));
  if (f.verbose)
    for (auto& d : article.dropped) io.err << "briefcast: " << describe(d) << "\n";
  for (auto& w : article.warnings) io.err << "briefcast: warning: " << w << "\n";
  using nlohmann::json;
  if (view == View::clean) {
    if (!f.json) {
      io.out << render_clean_text(article);
      return 0;
    }
    json blocks = json::array();
    for (std::size_t i = 0; i < article.blocks.size(); ++i) {
      auto& b = article.blocks[i];
      blocks.push_back({{"index", i},
                        {"kind", to_string(b.kind)},
                        {"text", b.text},
                        {"source_offset", b.source_offset}});
    }
    json j = {{"title", article.title},
              {"author", article.author},
              {"date", article.date},
              {"language", article.language},
              {"canonical_url", article.canonical_url},
              {"site_name", article.site_name},
              {"blocks", blocks},
              {"warnings", article.warnings}};
    io.out << j.dump(2) << "\n";
    return 0;
  }
  ScriptOptions options =
      f.voice.empty() ? options_for_article(article, f.verbose, io.err) : options_for(f.voice);
  std::string title = article.title;
  auto reader = script_from_article(std::move(article), options, f.input, true);
  json sentences = json::array();
  while (auto block = reader->next()) {
    for (auto& s : block->sentences) {
      if (!f.json) {
        io.out << (view == View::script ? s.spoken : s.text) << "\n";
        continue;
      }
      json j = {{"block", block->index},
                {"kind", to_string(block->kind)},
                {"source_offset", block->source_offset},
                {"text", s.text}};
      if (view == View::script) j["spoken"] = s.spoken;
      sentences.push_back(j);
    }
  }
  if (f.json) io.out << json{{"title", title}, {"sentences", sentences}}.dump(2) << "\n";
  return 0;
}

void add_view(CLI::App& app, CliStreams io, SubcommandList& commands, View view, const char* name,
              const char* help) {
  auto flags = std::make_shared<TextFlags>();
  auto* cmd = app.add_subcommand(name, help);
  cmd->add_option("INPUT", flags->input, "Article: .txt, .md, .html file, or - for standard input")
      ->required();
  cmd->add_flag("--json", flags->json, "Structured output (kind, block index, source offsets)");
  cmd->add_option("--format", flags->format, "Input format, instead of sniffing the input")
      ->check(CLI::IsMember({"text", "markdown", "html"}));
  cmd->add_flag("--verbose", flags->verbose, "List each input line left out, with its reason");
  if (view == View::script)
    cmd->add_option("-v,--voice", flags->voice,
                    "Voice profile whose language and lexicon apply [default: the article's "
                    "language (declared or guessed), else en-us-news]");
  commands.push_back({cmd, [view, flags, io] { return run_view(view, *flags, io); }});
}

}  // namespace

void add_text_commands(CLI::App& app, CliStreams io, SubcommandList& commands) {
  add_view(app, io, commands, View::clean, "clean",
           "Print the cleaned article: title, blank line, paragraphs separated by blank lines");
  add_view(app, io, commands, View::sentences, "sentences",
           "Print one sentence per line, in the article's own words");
  add_view(app, io, commands, View::script, "script",
           "Print one spoken sentence per line: exactly the text handed to eSpeak NG");
}

}  // namespace briefcast
