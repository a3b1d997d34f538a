// What each change creates, needs, lets go of and removes: the planner turns these into the
// edges of its dependency graph.
//
//   creates R  -> before every change that uses R
//   releases R -> before the change that removes R
//   removes R  -> before a change that creates R again (drop, then create under the same name);
//                 a change that removes and creates R itself rebuilds R in place: it has no such
//                 edge, and takes `uses R` to come after what creates R
//
// A unique key over some columns (is_key_resource) is not a name: when one change removes it and
// another creates it anew, the new key comes first and the old one goes after it, so that the
// columns stay unique throughout, unless the two changes also share a name.
#pragma once

#include <string>
#include <vector>

#include "strata/change.hpp"

namespace strata::plan_detail {

struct Resources {
  std::vector<std::string> creates;
  std::vector<std::string> uses;
  std::vector<std::string> releases;
  std::vector<std::string> removes;
};

Resources resources_of(const Change& change);

bool is_key_resource(const std::string& resource);

// The tie-break between changes that do not depend on each other: lower runs first. Encodes
// the usual order (namespaces and types, drops of constraints, renames, creates, alters, adds of
// constraints, drops of tables, types and regions), so that plans read naturally and are stable.
int priority_of(const Change& change);

}  // namespace strata::plan_detail
