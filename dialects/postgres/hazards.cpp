// What each change risks on PostgreSQL.
#include <fmt/format.h>

#include "dialects/postgres/postgres_dialect.hpp"
#include "engine/model/quote.hpp"
#include "engine/model/type_name.hpp"
#include "engine/plan/common_hazards.hpp"
#include "engine/plan/type_change.hpp"
#include "strata/plan.hpp"

namespace strata::postgres {

namespace {

std::string table(const QualifiedName& name) {
  return to_string(name);
}

struct Risks {
  std::vector<Hazard> out;

  void add(HazardKind kind, std::string reason) { out.push_back({kind, std::move(reason)}); }

  void operator()(const DropView& c) {
    add(HazardKind::ViewReaders,
        fmt::format("drops {}view {}: queries that read it fail until it is created again (if the plan does), "
                    "and what strata does not manage on it goes with it (grants){}",
                    c.view.materialized ? "materialized " : "", table(c.view.name),
                    c.view.materialized ? "; only its declared indexes are built again" : ""));
  }
  void operator()(const CreateView& c) {
    if (!c.view.materialized) return;
    add(HazardKind::ViewRefresh,
        fmt::format("fills materialized view {} by running its whole query, which reads every row it selects",
                    table(c.view.name)));
  }
  void operator()(const DropRoutine& c) {
    add(HazardKind::RoutineCallers,
        fmt::format("drops {} {}: what calls it (queries, defaults, other functions) fails until it is created "
                    "again (if the plan does), and grants on it go with it",
                    c.routine.procedure ? "procedure" : "function", c.routine.identity));
  }
  void operator()(const DropTrigger& c) {
    add(HazardKind::TriggerDropped,
        fmt::format("drops trigger {} on {}: writes to the table no longer run it, or, if the plan creates it "
                    "again, writes between the two steps do not; DROP TRIGGER takes an ACCESS EXCLUSIVE lock",
                    quote_ident(c.trigger.name), table(c.trigger.table)));
  }
  void operator()(const DropExtension& c) {
    add(HazardKind::DataLoss,
        fmt::format("drops extension {} with the functions, types and operators it provides, and any tables of "
                    "its own; PostgreSQL refuses while a column, default or index still uses them",
                    quote_ident(c.extension.name)));
  }
  void operator()(const AlterExtension& c) {
    if (!updates_version(c)) return;
    add(HazardKind::BlockingLock,
        fmt::format("updates extension {} from {} to {}: its update script runs, with the locks its statements "
                    "take on the objects the extension provides",
                    quote_ident(c.to.name), c.from.version, c.to.version));
  }
  void operator()(const AddColumn& c) {
    const Column& col = c.column;
    if (col.generated || (col.default_expr && is_volatile_default(*col.default_expr)) || col.identity) {
      add(HazardKind::TableRewrite,
          fmt::format("every row of {} gets a value of its own for {}: the table is rewritten", table(c.table),
                      quote_ident(col.name)));
      add(HazardKind::BlockingLock, "the rewrite holds an ACCESS EXCLUSIVE lock on " + table(c.table));
    }
  }
  void operator()(const AlterColumn& c) {
    const std::string column = quote_ident(c.to.name);
    if ((c.what & (kColumnType | kColumnCollation)) != 0) {
      const TypeChange change =
          classify_type_change(canonical_type(c.from.type, IntWidth::Four), canonical_type(c.to.type, IntWidth::Four));
      if (!change.lossless) {
        add(HazardKind::DataLoss, fmt::format("{} changes from {} to {}: values may not fit or may fail to convert",
                                              column, c.from.type, c.to.type));
      }
      if (!change.in_place || (c.what & kColumnCollation) != 0) {
        add(HazardKind::TableRewrite, fmt::format("converting {} rewrites {} and its indexes", column, table(c.table)));
        add(HazardKind::BlockingLock, "the rewrite holds an ACCESS EXCLUSIVE lock on " + table(c.table));
      }
    }
    if ((c.what & kColumnNullability) != 0 && !c.to.nullable) {
      // Without a rewrite, the rows are checked by validating a CHECK (… IS NOT NULL): writes go on.
      add(HazardKind::ConstraintValidation,
          fmt::format("NOT NULL checks every row of {} (fails if {} holds NULLs)", table(c.table), column));
    }
  }
  void operator()(const SetPrimaryKey& c) {
    if (!c.to) return;
    add(HazardKind::IndexBuild,
        "builds the primary key index over the rows of " + table(c.table) + " (CONCURRENTLY: writes go on)");
  }
  void operator()(const CreateIndex& c) {
    if (c.table_is_new) return;
    add(HazardKind::IndexBuild, fmt::format("builds index {} over the rows of {} (CONCURRENTLY: writes go on)",
                                            quote_ident(c.index.name), table(c.table)));
  }
  void operator()(const AddUnique& c) {
    add(HazardKind::IndexBuild, fmt::format("builds the index of {} over the rows of {} (CONCURRENTLY: writes go on)",
                                            quote_ident(c.unique.name), table(c.table)));
  }
  void operator()(const AddForeignKey& c) {
    if (c.table_is_new) return;
    add(HazardKind::ConstraintValidation,
        fmt::format("VALIDATE CONSTRAINT {} checks every row of {}", quote_ident(c.foreign_key.name), table(c.table)));
  }
  void operator()(const AddCheck& c) {
    add(HazardKind::ConstraintValidation,
        fmt::format("VALIDATE CONSTRAINT {} checks every row of {}", quote_ident(c.check.name), table(c.table)));
  }
  void operator()(const RecreateEnum& c) {
    add(HazardKind::EnumValueRemoval, fmt::format("enum {} loses or reorders values: columns holding a removed value "
                                                  "fail the conversion",
                                                  table(c.to.name)));
    if (!c.uses.empty()) {
      add(HazardKind::TableRewrite, fmt::format("{} column(s) are converted to the rebuilt type", c.uses.size()));
      add(HazardKind::BlockingLock, "each conversion holds an ACCESS EXCLUSIVE lock on its table");
    }
  }
  template <typename Other>
  void operator()(const Other&) {}
};

}  // namespace

std::vector<Hazard> PostgresDialect::hazards(const Change& change) const {
  Risks risks{common_hazards(change)};
  std::visit(risks, change);
  return std::move(risks.out);
}

}  // namespace strata::postgres
