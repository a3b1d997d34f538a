#include <fmt/format.h>

#include "engine/model/quote.hpp"
#include "engine/model/visibility.hpp"
#include "strata/change.hpp"

namespace strata {

namespace {

std::string name(const QualifiedName& n) {
  return n.schema == "public" ? quote_ident(n.name) : quote_qualified(n.schema, n.name);
}

std::string column_changes(std::uint32_t what) {
  std::vector<std::string> parts;
  if (what & kColumnType) parts.emplace_back("type");
  if (what & kColumnNullability) parts.emplace_back("nullability");
  if (what & kColumnDefault) parts.emplace_back("default");
  if (what & kColumnIdentity) parts.emplace_back("identity");
  if (what & kColumnCollation) parts.emplace_back("collation");
  if (what & kColumnHidden) parts.emplace_back("visibility");
  if (what & kColumnOnUpdate) parts.emplace_back("on update");
  if (what & kColumnFamily) parts.emplace_back("family");
  if (what & kColumnGenerated) parts.emplace_back("expression");
  return fmt::format("{}", fmt::join(parts, ", "));
}

// " (and its sequence s)" for what a drop takes with it.
std::string with(const std::vector<QualifiedName>& sequences) {
  if (sequences.empty()) return "";
  std::vector<std::string> names;
  for (const auto& s : sequences) names.push_back(name(s));
  return fmt::format(" (and its sequence{} {})", sequences.size() == 1 ? "" : "s", fmt::join(names, ", "));
}

struct Describe {
  std::string operator()(const CreateSchema& c) const { return "create schema " + quote_ident(c.name); }
  std::string operator()(const CreateExtension& c) const { return "create extension " + quote_ident(c.extension.name); }
  std::string operator()(const DropExtension& c) const { return "drop extension " + quote_ident(c.extension.name); }
  std::string operator()(const AlterExtension& c) const {
    std::string out = "alter extension " + quote_ident(c.to.name);
    if (c.from.schema != c.to.schema) out += " (move to schema " + quote_ident(c.to.schema) + ")";
    if (updates_version(c)) {
      out += " (update " + c.from.version + " to " + c.to.version + ")";
    }
    return out;
  }
  std::string operator()(const CreateView& c) const { return "create " + view(c.view); }
  std::string operator()(const DropView& c) const { return "drop " + view(c.view); }
  std::string operator()(const ReplaceView& c) const { return "replace the query of " + view(c.to); }
  std::string operator()(const CreateRoutine& c) const { return "create " + routine(c.routine); }
  std::string operator()(const DropRoutine& c) const { return "drop " + routine(c.routine); }
  std::string operator()(const ReplaceRoutine& c) const { return "replace " + routine(c.to); }
  static std::string routine(const Routine& r) {
    return (r.procedure ? "procedure " : "function ") + (r.identity.empty() ? name(r.name) : r.identity);
  }
  std::string operator()(const CreateTrigger& c) const { return "create " + trigger(c.trigger); }
  std::string operator()(const DropTrigger& c) const { return "drop " + trigger(c.trigger); }
  static std::string trigger(const Trigger& t) { return "trigger " + quote_ident(t.name) + " on " + name(t.table); }
  static std::string view(const View& v) { return (v.materialized ? "materialized view " : "view ") + name(v.name); }
  std::string operator()(const CreateEnum& c) const { return "create enum " + name(c.value.name); }
  std::string operator()(const DropEnum& c) const { return "drop enum " + name(c.value.name); }
  std::string operator()(const AddEnumValue& c) const {
    return fmt::format("add value {} to enum {}", quote_literal(c.value), name(c.name));
  }
  std::string operator()(const RecreateEnum& c) const {
    return fmt::format("rebuild enum {} (values removed or reordered)", name(c.to.name));
  }
  std::string operator()(const CreateSequence& c) const { return "create sequence " + name(c.sequence.name); }
  std::string operator()(const DropSequence& c) const { return "drop sequence " + name(c.sequence.name); }
  std::string operator()(const AlterSequence& c) const {
    if (c.disown && c.from == c.to) {
      return fmt::format("detach sequence {} from column {} of table {}, which is dropped", name(c.to.name),
                         quote_ident(c.from.owned_by->column), name(c.from.owned_by->table));
    }
    return "alter sequence " + name(c.to.name);
  }
  std::string operator()(const CreateTable& c) const { return "create table " + name(c.table.name); }
  std::string operator()(const DropTable& c) const {
    return "drop table " + name(c.table.name) + with(c.owned_sequences);
  }
  std::string operator()(const RenameTable& c) const {
    return fmt::format("rename table {} to {}", name(c.from), quote_ident(c.to.name));
  }
  std::string operator()(const AddColumn& c) const {
    return fmt::format("add column {} to table {}", quote_ident(c.column.name), name(c.table));
  }
  std::string operator()(const DropColumn& c) const {
    return fmt::format("drop column {} from table {}{}", quote_ident(c.column.name), name(c.table),
                       with(c.owned_sequences));
  }
  std::string operator()(const RenameColumn& c) const {
    return fmt::format("rename column {} of table {} to {}", quote_ident(c.from), name(c.table), quote_ident(c.to));
  }
  std::string operator()(const AlterColumn& c) const {
    return fmt::format("change {} of column {} of table {}", column_changes(c.what), quote_ident(c.to.name),
                       name(c.table));
  }
  std::string operator()(const SetPrimaryKey& c) const {
    if (!c.to) return "drop the primary key of table " + name(c.table);
    return fmt::format("{} the primary key of table {}", c.from ? "change" : "add", name(c.table));
  }
  std::string operator()(const CreateIndex& c) const {
    return fmt::format("create index {} on table {}", quote_ident(c.index.name), name(c.table));
  }
  std::string operator()(const DropIndex& c) const {
    return fmt::format("drop index {} of table {}", quote_ident(c.index.name), name(c.table));
  }
  std::string operator()(const RenameIndex& c) const {
    return fmt::format("rename index {} of table {} to {}", quote_ident(c.from), name(c.table), quote_ident(c.to));
  }
  std::string operator()(const SetIndexVisibility& c) const {
    return fmt::format("make index {} of table {} {}", quote_ident(c.index), name(c.table), visibility_words(c.to));
  }
  std::string operator()(const AddUnique& c) const {
    return fmt::format("add unique constraint {} to table {}", quote_ident(c.unique.name), name(c.table));
  }
  std::string operator()(const DropUnique& c) const {
    return fmt::format("drop unique constraint {} of table {}", quote_ident(c.unique.name), name(c.table));
  }
  std::string operator()(const AddForeignKey& c) const {
    return fmt::format("add foreign key {} to table {}", quote_ident(c.foreign_key.name), name(c.table));
  }
  std::string operator()(const DropForeignKey& c) const {
    return fmt::format("drop foreign key {} of table {}", quote_ident(c.foreign_key.name), name(c.table));
  }
  std::string operator()(const AddCheck& c) const {
    return fmt::format("add check {} to table {}", quote_ident(c.check.name), name(c.table));
  }
  std::string operator()(const DropCheck& c) const {
    return fmt::format("drop check {} of table {}", quote_ident(c.check.name), name(c.table));
  }
  std::string operator()(const AddRegion& c) const { return "add region " + quote_ident(c.region); }
  std::string operator()(const DropRegion& c) const { return "drop region " + quote_ident(c.region); }
  std::string operator()(const SetPrimaryRegion& c) const { return "set the primary region to " + quote_ident(c.to); }
  std::string operator()(const SetSurvivalGoal& c) const { return fmt::format("survive {} failure", to_string(c.to)); }
  std::string operator()(const SetLocality& c) const {
    return fmt::format("set the locality of table {} to {}", name(c.table),
                       c.to ? std::string(to_string(c.to->kind)) : "the default");
  }
  std::string operator()(const SetTableTtl& c) const {
    if (c.to.empty()) return "remove the row-level TTL of table " + name(c.table);
    return fmt::format("{} the row-level TTL of table {}", c.from.empty() ? "set" : "change", name(c.table));
  }
  std::string operator()(const SetComment& c) const {
    const std::string what =
        c.object.empty() ? fmt::format("{} {}", to_string(c.on), name(c.table))
                         : fmt::format("{} {} of table {}", to_string(c.on), quote_ident(c.object), name(c.table));
    return fmt::format("{} the comment on {}", !c.to ? "remove" : c.from ? "change" : "set", what);
  }
};

}  // namespace

std::string describe(const Change& change) {
  return std::visit(Describe{}, change);
}

}  // namespace strata
