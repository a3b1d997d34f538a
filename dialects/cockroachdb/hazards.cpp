// What each change risks on CockroachDB. Schema changes are online (no table-wide blocking
// locks), but backfills still copy data, and multi-region changes move it.
#include <algorithm>

#include <fmt/format.h>

#include "dialects/cockroachdb/cockroach_dialect.hpp"
#include "dialects/cockroachdb/column_type_change.hpp"
#include "engine/model/quote.hpp"
#include "engine/model/row_ttl.hpp"
#include "engine/model/type_name.hpp"
#include "engine/model/visibility.hpp"
#include "engine/plan/common_hazards.hpp"
#include "engine/plan/type_change.hpp"
#include "strata/plan.hpp"

namespace strata::cockroachdb {

namespace {

std::string table(const QualifiedName& name) {
  return to_string(name);
}

bool has_setting(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// "not written for 10 minutes" / "once expire_at < now() holds": when the TTL job deletes a row.
std::string expiry_words(const std::map<std::string, std::string>& ttl) {
  std::vector<std::string> rules;
  if (const auto it = ttl.find(std::string(kTtlExpireAfter)); it != ttl.end()) {
    rules.push_back("not written for " + it->second);
  }
  if (const auto it = ttl.find(std::string(kTtlExpirationExpression)); it != ttl.end()) {
    rules.push_back("whose " + it->second + " has passed");
  }
  return fmt::format("{}", fmt::join(rules, " or "));
}

bool is_row_level(const std::optional<Locality>& locality) {
  return locality && locality->kind == LocalityKind::RegionalByRow;
}

struct Risks {
  std::vector<Hazard> out;
  Version version;

  void add(HazardKind kind, std::string reason) { out.push_back({kind, std::move(reason)}); }

  void operator()(const AddColumn& c) {
    const Column& col = c.column;
    if (col.default_expr || col.identity || (col.generated && col.generated->kind == GeneratedKind::Stored)) {
      add(HazardKind::TableRewrite,
          fmt::format("a backfill writes {} into every row of {}", quote_ident(col.name), table(c.table)));
    }
  }
  void operator()(const AlterColumn& c) {
    if ((c.what & (kColumnType | kColumnCollation)) != 0) {
      const TypeChange change = classify_type_change(canonical_model_type(c.from.type, IntWidth::Eight),
                                                     canonical_model_type(c.to.type, IntWidth::Eight));
      if (!change.lossless) {
        add(HazardKind::DataLoss, fmt::format("{} changes from {} to {}: values may not fit or may fail to convert",
                                              quote_ident(c.to.name), c.from.type, c.to.type));
      }
      if (!converts_in_place(c.from.type, c.to.type)) {
        add(HazardKind::TableRewrite, fmt::format("converting {} rewrites {}", quote_ident(c.to.name), table(c.table)));
      }
    }
    if ((c.what & kColumnNullability) != 0 && !c.to.nullable) {
      add(HazardKind::ConstraintValidation,
          fmt::format("SET NOT NULL checks every row of {} (fails on a NULL)", table(c.table)));
    }
  }
  void operator()(const SetPrimaryKey& c) {
    add(HazardKind::PrimaryKeyChange,
        "changing the primary key rebuilds " + table(c.table) + " and its indexes on the new key");
    add(HazardKind::TableRewrite, "every row of " + table(c.table) + " is rewritten");
  }
  void operator()(const CreateIndex& c) {
    if (c.table_is_new) return;
    add(HazardKind::IndexBuild,
        fmt::format("builds index {} over the rows of {} (a backfill job)", quote_ident(c.index.name), table(c.table)));
  }
  void operator()(const AddUnique& c) {
    if (c.unique.without_index) {
      add(HazardKind::ConstraintValidation,
          fmt::format("{} is validated against every row of {}; then every write of ({}) looks for a duplicate, "
                      "a scan of the table unless an index starts with those columns",
                      quote_ident(c.unique.name), table(c.table), fmt::join(c.unique.columns, ", ")));
      return;
    }
    add(HazardKind::IndexBuild,
        fmt::format("builds the index of {} over the rows of {}", quote_ident(c.unique.name), table(c.table)));
  }
  void operator()(const AddForeignKey& c) {
    if (c.table_is_new) return;
    add(HazardKind::ConstraintValidation, fmt::format("foreign key {} is validated against every row of {}",
                                                      quote_ident(c.foreign_key.name), table(c.table)));
  }
  void operator()(const AddCheck& c) {
    add(HazardKind::ConstraintValidation,
        fmt::format("check {} is validated against every row of {}", quote_ident(c.check.name), table(c.table)));
  }
  void operator()(const RecreateEnum& c) {
    add(HazardKind::EnumValueRemoval,
        fmt::format("values of enum {} are dropped: fails while a row holds one", table(c.to.name)));
  }
  void operator()(const SetLocality& c) {
    if (is_row_level(c.from) != is_row_level(c.to)) {
      add(HazardKind::RegionalByRow,
          fmt::format("{} {} REGIONAL BY ROW: every row and index is rewritten and partitioned by region{}",
                      table(c.table), is_row_level(c.to) ? "becomes" : "stops being",
                      has(version, Feature::OnlineRegionalByRow)
                          ? ""
                          : fmt::format("; on {}, UPDATE and DELETE on it can fail while it converts "
                                        "(cockroachdb/cockroach#150945)",
                                        to_string(version))));
      add(HazardKind::TableRewrite, "every row of " + table(c.table) + " is rewritten");
    }
  }
  void operator()(const DropRegion& c) {
    add(HazardKind::RegionDrop, fmt::format("data homed in region {} moves to other regions; rows of REGIONAL BY ROW "
                                            "tables still in it make the drop fail",
                                            quote_ident(c.region)));
  }
  void operator()(const SetTableTtl& c) {
    const std::string hidden = "the hidden column crdb_internal_expiration";
    if (!c.to.empty() && (has_setting(c.set, kTtlExpireAfter) || has_setting(c.set, kTtlExpirationExpression))) {
      add(HazardKind::DataLoss,
          fmt::format("the TTL job deletes the rows of {} {}, on its schedule", table(c.table), expiry_words(c.to)));
    }
    if (has_setting(c.set, kTtlExpireAfter) && c.from.count(std::string(kTtlExpireAfter)) == 0) {
      add(HazardKind::TableRewrite, fmt::format("a backfill writes {} into every row of {}", hidden, table(c.table)));
    }
    const bool drops_column =
        c.from.count(std::string(kTtlExpireAfter)) > 0 && (c.to.empty() || has_setting(c.reset, kTtlExpireAfter));
    if (drops_column) {
      add(HazardKind::TableRewrite, fmt::format("{} is dropped from every row of {}", hidden, table(c.table)));
    }
  }
  void operator()(const SetIndexVisibility& c) {
    if (c.to >= c.from) return;
    add(HazardKind::QueryPlans,
        fmt::format("index {} of {} becomes {}: queries planned with it may fall back to slower plans",
                    quote_ident(c.index), table(c.table), visibility_words(c.to)));
  }
  template <typename Other>
  void operator()(const Other&) {}
};

}  // namespace

std::vector<Hazard> CockroachDialect::hazards(const Change& change) const {
  Risks risks{common_hazards(change), version_};
  std::visit(risks, change);
  return std::move(risks.out);
}

}  // namespace strata::cockroachdb
