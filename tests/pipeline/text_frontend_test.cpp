// The text front end as `say` and `build` use it: a file (plain text, HTML, Markdown) becomes an
// article and then blocks of sentences, each as written and as eSpeak NG will speak it; the title
// first, the voice lexicon last; every unusable input an input error naming the file.
#include "pipeline/text_frontend.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "base/error.hpp"
#include "support/error_capture.hpp"
#include "support/test_support.hpp"

using namespace briefcast;
namespace fs = std::filesystem;
using test::TempDir;

namespace {

// One block of a script as "kind: text -> spoken | text -> spoken".
std::string describe(const ScriptBlock& b) {
  std::string out = std::string(to_string(b.kind)) + ":";
  for (std::size_t i = 0; i < b.sentences.size(); ++i)
    out += (i ? " | " : " ") + b.sentences[i].text + " -> " + b.sentences[i].spoken;
  return out;
}

// Every block the reader gives, described.
std::vector<std::string> read_all(ScriptReader& reader) {
  std::vector<std::string> out;
  while (auto b = reader.next()) out.push_back(describe(*b));
  return out;
}

using Lines = std::vector<std::string>;

// The input error `spec` gives, its temporary folder written as "T".
std::string open_error(const std::string& spec, const TempDir& d) {
  std::string m = test::error_message([&] { open_script(spec, {}); }, ExitCode::input);
  const std::string root = d.path().string();
  for (std::size_t at; (at = m.find(root)) != std::string::npos;) m.replace(at, root.size(), "T");
  return m;
}

}  // namespace

TEST_CASE("text front end: a plain-text file is spoken title first, sentence by sentence",
          "[text]") {
  TempDir d;
  test::write_file(d / "ferry.txt",
                   "Harbour Ferry Returns\n\n"
                   "The ferry returned on Monday. It carried 1,200 passengers.\n\n"
                   "Dr. Lee said it cost $2.5 million.\n");
  const auto reader = open_script((d / "ferry.txt").string(), {});
  CHECK(reader->title() == "Harbour Ferry Returns");
  CHECK(reader->name() == (d / "ferry.txt").string());
  CHECK(reader->warnings().empty());
  CHECK(reader->count_sentences() == 4);
  CHECK(read_all(*reader) ==
        Lines{"heading: Harbour Ferry Returns -> Harbour Ferry Returns",
              "paragraph: The ferry returned on Monday. -> The ferry returned on Monday. | It "
              "carried 1,200 passengers. -> It carried one thousand two hundred passengers.",
              "paragraph: Dr. Lee said it cost $2.5 million. -> Doctor Lee said it cost two point "
              "five million dollars."});
}

TEST_CASE("text front end: blocks keep their index and byte offset in the input", "[text]") {
  TempDir d;
  test::write_file(d / "a.txt", "Rain Expected\n\nForecasters expect rain.\n\nTake care.\n");
  const auto reader = open_script((d / "a.txt").string(), {});
  const auto title = reader->next();
  REQUIRE(title);
  CHECK(title->kind == BlockKind::heading);
  CHECK(title->index == 0);
  const auto first = reader->next();
  REQUIRE(first);
  CHECK(first->index == 0);
  CHECK(first->source_offset == 15);  // after "Rain Expected\n\n"
  const auto second = reader->next();
  REQUIRE(second);
  CHECK(second->index == 1);
  CHECK(second->source_offset == 41);
  CHECK_FALSE(reader->next());
}

TEST_CASE("text front end: an HTML page is spoken from its article, title first", "[text]") {
  TempDir d;
  std::string body;
  for (const char* s : {"The council closed the bridge on Tuesday, citing cracks in two of its "
                        "piers, and said repairs could take until the spring.",
                        "Drivers were asked to use the ring road, which adds about ten minutes, "
                        "while buses will run a shuttle every quarter hour."})
    body += std::string("<p>") + s + "</p>";
  test::write_file(d / "bridge.html",
                   "<!DOCTYPE html><html lang=\"en\"><head><title>Bridge Closed | Valley "
                   "News</title><meta property=\"og:site_name\" content=\"Valley News\"></head>"
                   "<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>"
                   "<h1>Bridge Closed</h1>" +
                       body + "</article><footer>Copyright Valley News</footer></body></html>");
  const auto reader = open_script((d / "bridge.html").string(), {});
  CHECK(reader->title() == "Bridge Closed");
  CHECK(read_all(*reader) ==
        Lines{"heading: Bridge Closed -> Bridge Closed",
              "paragraph: The council closed the bridge on Tuesday, citing cracks in two of its "
              "piers, and said repairs could take until the spring. -> The council closed the "
              "bridge on Tuesday, citing cracks in two of its piers, and said repairs could take "
              "until the spring.",
              "paragraph: Drivers were asked to use the ring road, which adds about ten minutes, "
              "while buses will run a shuttle every quarter hour. -> Drivers were asked to use "
              "the ring road, which adds about ten minutes, while buses will run a shuttle every "
              "quarter hour."});
}

TEST_CASE("text front end: Markdown headings, lists and front matter", "[text]") {
  TempDir d;
  test::write_file(d / "notes.md",
                   "---\ntitle: Budget Vote\n---\n"
                   "# Council meets\n\n"
                   "The council met today.\n\n"
                   "- Roads get *more* money.\n"
                   "- Parks get less.\n");
  const auto reader = open_script((d / "notes.md").string(), {});
  CHECK(reader->title() == "Budget Vote");
  CHECK(read_all(*reader) == Lines{"heading: Budget Vote -> Budget Vote",
                                   "heading: Council meets -> Council meets",
                                   "paragraph: The council met today. -> The council met today.",
                                   "list_item: Roads get more money. -> Roads get more money.",
                                   "list_item: Parks get less. -> Parks get less."});
}

TEST_CASE("text front end: the format comes from the extension, else from the first bytes",
          "[text]") {
  CHECK(detect_format("a.html", "") == InputFormat::html);
  CHECK(detect_format("a.HTM", "") == InputFormat::html);
  CHECK(detect_format("a.md", "<p>markup</p>") == InputFormat::markdown);
  CHECK(detect_format("a.txt", "<!DOCTYPE html>") == InputFormat::text);
  CHECK(detect_format("", "\xEF\xBB\xBF  <!doctype html><html>") == InputFormat::html);
  CHECK(detect_format("", "Intro <p>one</p> and <p>two</p>") == InputFormat::html);
  CHECK(detect_format("", "Notes\n\n## Part two\n") == InputFormat::markdown);
  CHECK(detect_format("", "---\ntitle: x\n---\n") == InputFormat::markdown);
  CHECK(detect_format("", "Just words. # not a heading") == InputFormat::text);
  CHECK(std::string(to_string(InputFormat::markdown)) == "markdown");
}

TEST_CASE("text front end: the lexicon is applied last and wins over normalization", "[text]") {
  ScriptOptions options;
  options.lexicon = {{"Nguyen", "Win"}, {"Acme", "Acme 3000"}, {"BBC", "bee bee see"}};
  const Block block{BlockKind::paragraph, "Dr. Nguyen told the BBC that Acme paid $5.", 0};
  const ScriptBlock b = script_block(block, 3, options);
  CHECK(b.index == 3);
  REQUIRE(b.sentences.size() == 1);
  CHECK(b.sentences[0].text == "Dr. Nguyen told the BBC that Acme paid $5.");
  // Normalized first ("Doctor", "five dollars"); the lexicon's own words and digits are left as
  // the lexicon says ("3000" is not read out as words, "BBC" is not spelled).
  CHECK(b.sentences[0].spoken ==
        "Doctor Win told the bee bee see that Acme 3000 paid five dollars.");
}

TEST_CASE("text front end: a language without rules is spoken as written, lexicon still applied",
          "[text]") {
  ScriptOptions options;
  options.language = "xx";
  options.lexicon = {{"Nguyen", "Win"}};
  const ScriptBlock b =
      script_block({BlockKind::paragraph, "Dr. Nguyen paid $5. Then he left.", 0}, 0, options);
  REQUIRE(b.sentences.size() == 2);
  CHECK(b.sentences[0].spoken == "Dr. Win paid $5.");
  CHECK(b.sentences[1].spoken == "Then he left.");
}

TEST_CASE("text front end: sentences of a block", "[text]") {
  // A heading is one sentence, whatever its dots.
  CHECK(block_sentences({BlockKind::heading, "U.S. Budget. Vote Today", 0}) ==
        Lines{"U.S. Budget. Vote Today"});
  CHECK(block_sentences({BlockKind::paragraph, "Mr. Smith arrived. He sat down.", 0}) ==
        Lines{"Mr. Smith arrived.", "He sat down."});
  // Longer than the limit: split at clause boundaries, in the article's own words.
  CHECK(block_sentences({BlockKind::paragraph,
                         "The council met for six hours on Tuesday; the budget passed by one "
                         "vote after a long debate.",
                         0},
                        60) == Lines{"The council met for six hours on Tuesday;",
                                     "the budget passed by one vote after a long debate."});
}

TEST_CASE("text front end: an in-memory article speaks its title only when asked", "[text]") {
  Article a;
  a.title = "Rates Hold";
  a.blocks = {{BlockKind::paragraph, "The bank held rates at 4%.", 0}};
  const auto with_title = script_from_article(a, {}, "Wire story", true);
  CHECK(with_title->name() == "Wire story");
  CHECK(with_title->count_sentences() == 2);
  CHECK(read_all(*with_title) ==
        Lines{"heading: Rates Hold -> Rates Hold",
              "paragraph: The bank held rates at 4%. -> The bank held rates at four percent."});
  const auto without = script_from_article(a, {}, "Wire story", false);
  CHECK(without->title() == "Rates Hold");
  CHECK(without->count_sentences() == 1);
  CHECK(read_all(*without) ==
        Lines{"paragraph: The bank held rates at 4%. -> The bank held rates at four percent."});
}

TEST_CASE("text front end: repaired bytes are a warning naming the file", "[text]") {
  TempDir d;
  test::write_file(d / "latin1.txt", "Caf\xE9 prices rose sharply this week.\n");
  const auto reader = open_script((d / "latin1.txt").string(), {});
  CHECK(reader->warnings() == Lines{"'" + (d / "latin1.txt").string() +
                                    "': 1 invalid UTF-8 byte(s) repaired (read as Windows-1252)"});
  CHECK(read_all(*reader) == Lines{"paragraph: Café prices rose sharply this week. -> Café "
                                   "prices rose sharply this week."});
}

TEST_CASE("text front end: unusable inputs are input errors naming the file", "[text]") {
  TempDir d;
  fs::create_directory(d / "folder");
  test::write_file(d / "empty.txt", "");
  test::write_file(d / "blank.txt", " \n\t\n");
  test::write_file(d / "binary.txt", std::string("line one\nGIF\0\0", 13));
  test::write_file(d / "menu.html", "<html><body><nav><a href=\"/\">Home</a></nav></body></html>");
  CHECK(open_error((d / "missing.txt").string(), d) ==
        "'T/missing.txt': cannot read: No such file or directory");
  CHECK(open_error((d / "folder").string(), d) == "'T/folder': cannot read: is a folder");
  CHECK(open_error((d / "empty.txt").string(), d) ==
        "'T/empty.txt': no text to speak (empty or only whitespace)");
  CHECK(open_error((d / "blank.txt").string(), d) ==
        "'T/blank.txt': no text to speak (empty or only whitespace)");
  CHECK(open_error((d / "binary.txt").string(), d) ==
        "'T/binary.txt': binary file (NUL byte on line 2)");
  CHECK(open_error((d / "menu.html").string(), d) == "'T/menu.html': no article text found");
}

TEST_CASE("text front end: a plain-text file too large to hold is streamed without a title",
          "[text]") {
  TempDir d;
  {
    std::ofstream big(d / "big.txt", std::ios::binary);
    big << "Long Report\n\n";
    const std::string paragraph = "Rain fell on the town for 3 days.\n\n";
    for (std::size_t n = 0; n <= kMaxWholeArticleBytes; n += paragraph.size()) big << paragraph;
  }
  REQUIRE(fs::file_size(d / "big.txt") > kMaxWholeArticleBytes);
  const auto reader = open_script((d / "big.txt").string(), {});
  CHECK(reader->title().empty());  // no title detection in a stream: its first line is read
  const auto first = reader->next();
  REQUIRE(first);
  CHECK(describe(*first) == "paragraph: Long Report -> Long Report");
  const auto second = reader->next();
  REQUIRE(second);
  CHECK(describe(*second) ==
        "paragraph: Rain fell on the town for 3 days. -> Rain fell on the town for three days.");
}

TEST_CASE("text front end: news-page clutter is not spoken, and each drop is counted", "[text]") {
  TempDir d;
  test::write_file(d / "page.html", R"(<html><body><article><h1>Bridge vote passes</h1>
<p class="byline">By Jane Doe</p>
<figure><img src="a.jpg"><figcaption>The bridge at dusk. Photo: John Roe/Getty Images</figcaption></figure>
<p>LONDON (Reuters) - The council voted on Monday to fund the new bridge across the river.</p>
<p>Advertisement</p>
<p>Continue reading the main story</p>
<p>The mayor, Jane SmithJane Smith, said the vote was historic. (Graphic: Bridge costs)</p>
<p>Image 1 of 4</p>
<p>Work will start in spring, officials said, adding that tolls would be low.</p>
<p>Reporting by Tom Lee; Editing by Ann Poe</p>
<p>Sam Kim contributed to this report.</p>
</article></body></html>)");
  ScriptOptions o;
  o.language = "en-US";
  auto reader = open_script((d / "page.html").string(), o);
  std::vector<std::string> spoken;
  while (auto b = reader->next())
    for (auto& s : b->sentences) spoken.push_back(s.spoken);
  CHECK(spoken ==
        std::vector<std::string>{
            "Bridge vote passes",
            "LONDON, The council voted on Monday to fund the new bridge across the river.",
            "The mayor, Jane Smith, said the vote was historic.",
            "Work will start in spring, officials said, adding that tolls would be low."});
  // "Advertisement" is already left out by the HTML extractor; the other four are counted.
  CHECK(reader->dropped().size() == 4);
  // Scraped plain text: a previous/next link is dropped with the headline under it.
  test::write_file(d / "scraped.txt",
                   "Bridge Vote\n\nBridge Vote\n\nThe council voted on Monday to fund the new "
                   "bridge across the river, ending a debate that had lasted a decade.\n\n"
                   "Previous article\nFloods hit the north\n\nNext article\nRain returns\n");
  Article a = read_article((d / "scraped.txt").string());
  REQUIRE(a.blocks.size() == 1);
  CHECK(a.dropped.size() == 5);
}
