// The expression cases the canonical-form tests share: declared and server spellings of the
// same expression, with the canonical string each must come out as (tests/unit/expression_cases.cpp).
#pragma once

#include <string>
#include <vector>

namespace strata::expr_cases {

// Spellings that must all canonicalise to `canonical`.
struct Case {
  std::string canonical;
  std::vector<std::string> spellings;
};

extern const std::vector<Case> kServerPairs;
extern const std::vector<Case> kTokens;
extern const std::vector<Case> kWhitespace;
extern const std::vector<Case> kParentheses;
extern const std::vector<Case> kOtherOperators;
extern const std::vector<Case> kCastsAndTypeNames;
extern const std::vector<Case> kCastsDroppedForComparison;
extern const std::vector<Case> kNegativeNumbers;
extern const std::vector<Case> kInLists;
extern const std::vector<Case> kBetween;
extern const std::vector<Case> kLikeOperators;
extern const std::vector<Case> kCallsAndSpecialForms;
extern const std::vector<Case> kTokenForm;

// Every spelling and canonical string above (for the properties that hold on any input).
std::vector<std::string> all_inputs();

}  // namespace strata::expr_cases
