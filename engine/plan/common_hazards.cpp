#include "engine/plan/common_hazards.hpp"

#include <fmt/format.h>

#include "engine/model/quote.hpp"

namespace strata {

namespace {

struct Common {
  std::vector<Hazard> out;

  void operator()(const DropTable& c) {
    out.push_back({HazardKind::DataLoss, "drops table " + to_string(c.table.name) + " and its rows"});
  }
  void operator()(const DropColumn& c) {
    out.push_back({HazardKind::DataLoss, fmt::format("drops column {} of {} and its values", quote_ident(c.column.name),
                                                     to_string(c.table))});
  }
  void operator()(const AddColumn& c) {
    const Column& col = c.column;
    if (!col.nullable && !col.default_expr && !col.identity && !col.generated) {
      out.push_back({HazardKind::NotNullWithoutDefault,
                     fmt::format("column {} is NOT NULL without a default: fails if {} has rows", quote_ident(col.name),
                                 to_string(c.table))});
    }
  }
  template <typename Other>
  void operator()(const Other&) {}
};

}  // namespace

std::vector<Hazard> common_hazards(const Change& change) {
  Common common;
  std::visit(common, change);
  return std::move(common.out);
}

}  // namespace strata
