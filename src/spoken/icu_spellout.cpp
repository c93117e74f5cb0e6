#include "spoken/icu_spellout.hpp"

#include <unicode/fieldpos.h>
#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>

namespace briefcast::spoken {

namespace {

// One formatter per locale and thread: ICU formatters are not documented as safe to share.
const icu::RuleBasedNumberFormat* formatter(const std::string& locale) {
  thread_local std::map<std::string, std::unique_ptr<icu::RuleBasedNumberFormat>> cache;
  auto it = cache.find(locale);
  if (it != cache.end()) return it->second.get();
  UErrorCode status = U_ZERO_ERROR;
  auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT,
                                                        icu::Locale(locale.c_str()), status);
  if (U_FAILURE(status)) f.reset();
  return (cache[locale] = std::move(f)).get();
}

}  // namespace

std::optional<std::string> icu_spell(const std::string& locale, const std::string& rule_set,
                                     std::int64_t n) {
  const icu::RuleBasedNumberFormat* f = formatter(locale);
  if (!f) return std::nullopt;
  icu::UnicodeString out;
  icu::FieldPosition pos;
  UErrorCode status = U_ZERO_ERROR;
  f->format(n, icu::UnicodeString::fromUTF8(rule_set), out, pos, status);
  if (U_FAILURE(status)) return std::nullopt;
  out.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x00AD)), icu::UnicodeString());
  std::string s;
  out.toUTF8String(s);
  return s;
}

std::vector<std::string> icu_rule_sets(const std::string& locale) {
  std::vector<std::string> names;
  const icu::RuleBasedNumberFormat* f = formatter(locale);
  if (!f) return names;
  for (int32_t i = 0; i < f->getNumberOfRuleSetNames(); ++i) {
    std::string s;
    f->getRuleSetName(i).toUTF8String(s);
    names.push_back(s);
  }
  return names;
}

}  // namespace briefcast::spoken
