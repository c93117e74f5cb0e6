#pragma once
// Numbers spelled by ICU's rule-based number formatting (RuleBasedNumberFormat, URBNF_SPELLOUT):
// the one place that includes ICU. A locale's rule sets are named like
// "%spellout-cardinal-feminine", "%spellout-ordinal-n" or "%spellout-numbering-year"
// (`icu_rule_sets` lists them).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace briefcast::spoken {

// `n` in words by the rule set `rule_set` of `locale` ("fr", "de", "es"), UTF-8, with ICU's soft
// hyphens (U+00AD) removed: ("fr", "%spellout-cardinal-feminine", 21) -> "vingt-et-une". nullopt
// when ICU has no such locale or rule set. Never throws. Formatters are kept per thread.
std::optional<std::string> icu_spell(const std::string& locale, const std::string& rule_set,
                                     std::int64_t n);

// The spellout rule sets ICU has for `locale` (empty when it has none).
std::vector<std::string> icu_rule_sets(const std::string& locale);

}  // namespace briefcast::spoken
