#include "migrations/import/tool_history.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "engine/db/connection.hpp"
#include "migrations/import/importer.hpp"
#include "strata/errors.hpp"

namespace strata::migrations::import {

namespace {

std::string field(const pqxx::field& f) {
  return f.is_null() ? std::string() : std::string(f.c_str());
}

bool truth(const pqxx::field& f) {
  const std::string text = field(f);
  return text == "t" || text == "true" || text == "1";
}

// Versions compared as numbers part by part where they are numbers (1.10 after 1.9, 10 after 9).
bool version_less(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
      std::size_t ei = i, ej = j;
      while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei]))) ++ei;
      while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej]))) ++ej;
      const std::string na = a.substr(i, ei - i), nb = b.substr(j, ej - j);
      const std::string ta = na.substr(std::min(na.find_first_not_of('0'), na.size()));
      const std::string tb = nb.substr(std::min(nb.find_first_not_of('0'), nb.size()));
      if (ta.size() != tb.size()) return ta.size() < tb.size();
      if (ta != tb) return ta < tb;
      i = ei;
      j = ej;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

bool same_version(const std::string& a, const std::string& b) {
  return !version_less(a, b) && !version_less(b, a);
}

void read_golang_migrate(Connection& c, const std::string& table, ToolHistory& out) {
  for (const auto& row : c.exec("SELECT version, dirty FROM " + table)) {
    const std::string version = field(row[0]);
    if (version == "-1") continue;  // golang-migrate's "no version"
    out.applied_through = version;
    ToolRecord record{version, true, "", ""};
    if (truth(row[1])) {
      record.problem = fmt::format(
          "golang-migrate marks version {} dirty: it failed half way. Fix the database, "
          "then `migrate force` the version it is really at, and adopt again",
          version);
    }
    out.records.push_back(std::move(record));
  }
}

void read_goose(Connection& c, const std::string& table, ToolHistory& out) {
  std::map<std::string, bool> latest;
  std::vector<std::string> order;
  for (const auto& row : c.exec("SELECT version_id, is_applied FROM " + table + " ORDER BY id")) {
    const std::string version = field(row[0]);
    if (version == "0") continue;  // the row goose writes when it creates its table
    if (latest.count(version) == 0) order.push_back(version);
    latest[version] = truth(row[1]);
  }
  for (const auto& version : order) out.records.push_back({version, latest[version], "", ""});
}

void read_flyway(Connection& c, const std::string& table, ToolHistory& out) {
  std::map<std::string, std::size_t> at;  // version or R:script -> index in records
  for (const auto& row :
       c.exec("SELECT version, type, script, checksum, success FROM " + table + " ORDER BY installed_rank")) {
    const std::string type = field(row[1]);
    std::string version = field(row[0]);
    if (version.empty()) {
      const std::string script = field(row[2]);
      version = "R:" + script.substr(script.find_last_of('/') == std::string::npos ? 0 : script.find_last_of('/') + 1);
    }
    if (type == "SCHEMA" || type == "DELETE") continue;
    if (type == "BASELINE") {
      out.applied_through = version;
      continue;
    }
    ToolRecord record{version, type != "UNDO_SQL", "", field(row[3])};
    if (!truth(row[4])) {
      record.problem = fmt::format(
          "Flyway recorded {} {} as failed: repair it (`flyway repair`) or fix the "
          "database, then adopt again",
          type == "UNDO_SQL" ? "the undo of version" : "version", version);
    }
    if (type == "UNDO_SQL") record.checksum.clear();
    const auto it = at.find(version);
    if (it == at.end()) {
      at[version] = out.records.size();
      out.records.push_back(std::move(record));
    } else {
      out.records[it->second] = std::move(record);
    }
  }
}

void read_dbmate(Connection& c, const std::string& table, ToolHistory& out) {
  for (const auto& row : c.exec("SELECT version FROM " + table + " ORDER BY version"))
    out.records.push_back({field(row[0]), true, "", ""});
}

void read_prisma(Connection& c, const std::string& table, ToolHistory& out) {
  for (const auto& row : c.exec("SELECT migration_name, checksum, finished_at IS NOT NULL, rolled_back_at IS NOT NULL "
                                "FROM " +
                                table + " ORDER BY started_at")) {
    const std::string name = field(row[0]);
    const std::string version = name.substr(0, name.find('_'));
    if (truth(row[3])) continue;  // rolled back: as if never applied
    ToolRecord record{version, truth(row[2]), "", field(row[1])};
    if (!record.applied) {
      record.problem = fmt::format(
          "Prisma recorded migration {} as started and not finished (failed): resolve it "
          "(`prisma migrate resolve`), then adopt again",
          name);
    }
    out.records.push_back(std::move(record));
  }
}

void read_atlas(Connection& c, const std::string& table, ToolHistory& out) {
  for (const auto& row :
       c.exec("SELECT version, type, applied, total, coalesce(error, ''), hash FROM " + table + " ORDER BY version")) {
    const std::string version = field(row[0]);
    const long type = std::stol(field(row[1]));
    if ((type & 1) != 0) {  // RevisionTypeBaseline: the database was at this version already
      out.applied_through = version;
      continue;
    }
    ToolRecord record{version, true, "", field(row[5])};
    const bool resolved = (type & 4) != 0;
    if (!resolved && (!field(row[4]).empty() || field(row[2]) != field(row[3]))) {
      record.problem = fmt::format(
          "Atlas recorded version {} as applied {} of {} statements{}: fix it (`atlas "
          "migrate set` or a fix and `atlas migrate apply`), then adopt again",
          version, field(row[2]), field(row[3]), field(row[4]).empty() ? "" : ", with an error");
    }
    out.records.push_back(std::move(record));
  }
}

}  // namespace

std::string default_history_table(Tool tool) {
  switch (tool) {
    case Tool::GolangMigrate:
    case Tool::Dbmate:
      return "schema_migrations";
    case Tool::Goose:
      return "goose_db_version";
    case Tool::Flyway:
      return "flyway_schema_history";
    case Tool::Prisma:
      return "_prisma_migrations";
    case Tool::Atlas:
      return "atlas_schema_revisions.atlas_schema_revisions";
  }
  return "";
}

ToolHistory read_tool_history(Connection& connection, Tool tool, const std::string& table) {
  ToolHistory out;
  out.table = table.empty() ? default_history_table(tool) : table;
  std::string quoted;
  std::size_t start = 0;
  while (start <= out.table.size()) {
    const std::size_t dot = out.table.find('.', start);
    quoted += (quoted.empty() ? "" : ".") + connection.raw().quote_name(out.table.substr(
                                                start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  try {
    switch (tool) {
      case Tool::GolangMigrate:
        read_golang_migrate(connection, quoted, out);
        break;
      case Tool::Goose:
        read_goose(connection, quoted, out);
        break;
      case Tool::Flyway:
        read_flyway(connection, quoted, out);
        break;
      case Tool::Dbmate:
        read_dbmate(connection, quoted, out);
        break;
      case Tool::Prisma:
        read_prisma(connection, quoted, out);
        break;
      case Tool::Atlas:
        read_atlas(connection, quoted, out);
        break;
    }
  } catch (const DatabaseError& error) {
    throw UsageError(
        fmt::format("cannot read {}'s history from {} on {}: {} (name another table with "
                    "--tool-table)",
                    tool_name(tool), out.table, connection.display_url(), error.what()));
  }
  return out;
}

AdoptPlan plan_adoption(const Directory& directory, Tool tool, const ToolHistory& history) {
  AdoptPlan plan;
  struct Imported {
    const Migration* migration;
    ImportedFrom from;
  };
  std::vector<Imported> imported;
  for (const auto& m : directory.migrations) {
    auto from = imported_from(m.up.text());
    if (!from) continue;
    if (from->tool != tool_name(tool)) {
      plan.refusals.push_back(
          fmt::format("{} was imported from {}, not {}", m.up.file_name, from->tool, tool_name(tool)));
      continue;
    }
    imported.push_back({&m, *from});
  }
  const auto find = [&](const std::string& version) -> const Imported* {
    for (const auto& i : imported) {
      if (i.from.version.starts_with("R:") ? i.from.version == version : same_version(i.from.version, version))
        return &i;
    }
    return nullptr;
  };
  std::set<std::int64_t> applied;
  if (history.applied_through) {
    for (const auto& i : imported) {
      if (!i.from.version.starts_with("R:") && !version_less(*history.applied_through, i.from.version))
        applied.insert(i.migration->version);
    }
    if (!find(*history.applied_through) && tool != Tool::Flyway && tool != Tool::Atlas) {
      plan.refusals.push_back(fmt::format("{} says version {} was applied, but no imported file has that version",
                                          history.table, *history.applied_through));
    }
  }
  for (const auto& record : history.records) {
    if (!record.problem.empty()) plan.refusals.push_back(record.problem);
    if (!record.applied) continue;
    const Imported* match = find(record.version);
    if (match == nullptr) {
      plan.refusals.push_back(
          fmt::format("{} says version {} was applied, but no imported file has that version "
                      "(was it left out of the import?)",
                      history.table, record.version));
      continue;
    }
    if (!record.checksum.empty() && !match->from.checksum.empty() && record.checksum != match->from.checksum) {
      if (record.version.starts_with("R:")) {
        plan.remarks.push_back(fmt::format("{} changed since Flyway last ran it: left pending, strata will run it",
                                           match->migration->up.file_name));
        continue;
      }
      plan.refusals.push_back(
          fmt::format("the checksum {} recorded for version {} is not that of the file it was "
                      "imported from ({}): the file changed after it was applied",
                      record.checksum, record.version, match->from.checksum));
      continue;
    }
    applied.insert(match->migration->version);
  }
  // A gap: an earlier imported migration the tool never applied.
  if (!applied.empty()) {
    for (const auto& i : imported) {
      if (i.migration->version < *applied.rbegin() && applied.count(i.migration->version) == 0)
        plan.remarks.push_back(
            fmt::format("{} was never applied by {} though later ones were: it stays pending (run "
                        "it with `strata migrate up --out-of-order`)",
                        i.migration->up.file_name, tool_name(tool)));
    }
  }
  plan.applied.assign(applied.begin(), applied.end());
  return plan;
}

}  // namespace strata::migrations::import
