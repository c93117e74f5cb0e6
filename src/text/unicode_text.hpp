#pragma once
// Unicode clean-up of UTF-8 text before the speech engine sees it (pure functions).
//
// eSpeak NG reads many symbols aloud by name ("bullet", "right double quotation mark",
// "trade mark") and pauses oddly at invisible characters; tidy_unicode() leaves only what a
// listener should hear. Only this module includes <utf8proc.h>.

#include <string>
#include <string_view>

namespace briefcast {

// Returns `utf8` tidied for speech. Never throws; any byte string is accepted.
//  - invalid UTF-8 sequences, C0/C1 control characters, U+FFFD and private-use code points are
//    dropped;
//  - HTML character references are decoded: numeric (&#8217; &#x2014;, with the Windows-1252
//    reading of &#128;..&#159; that browsers use) and the common named ones (&amp; &nbsp;
//    &mdash; &eacute; ...); unknown references are left as written;
//  - the result is NFC-composed (utf8proc);
//  - curly and angle quotes become ' and "; primes likewise; ellipsis "…" becomes "...";
//  - en/figure dashes between digits become "-" without spaces ("2010–2015" -> "2010-2015");
//    an unspaced en dash between letters becomes "-" ("London–Paris"); em dashes, spaced en
//    dashes and horizontal bars become a comma pause (", ") between words, or a space next to
//    other punctuation or at either end; minus signs and Unicode hyphens become "-";
//  - non-breaking and other wide spaces become a space; zero-width characters, soft hyphens,
//    variation selectors and tag characters are removed;
//  - bullets (• ‣ ⁃ ∙ ▪ ● ◦ ■ and middle dot when not between letters), arrows, emoji,
//    pictographs, dingbats, ™ ℠ ® and daggers are removed; © is kept (read as "copyright");
//  - ligatures (ﬁ ﬂ ...) and full-width ASCII forms become plain ASCII letters;
//  - all whitespace, line breaks included, is folded to single spaces and the ends are trimmed.
//
// With Typography::keep the article's own typography stays: curly and angle quotes, primes,
// ellipses, dashes and Unicode hyphens are left as written (what `sentences` shows); everything
// else is tidied as above. Tidying that result again for speech gives the same text as tidying
// the original for speech.
enum class Typography { speech, keep };
std::string tidy_unicode(std::string_view utf8, Typography typography = Typography::speech);

// True when `utf8` begins with an uppercase or titlecase letter (Unicode categories Lu, Lt).
// False for empty or invalid input.
bool starts_with_uppercase(std::string_view utf8);

}  // namespace briefcast
