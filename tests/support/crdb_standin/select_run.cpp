#include <algorithm>
#include <functional>

#include "support/crdb_standin/show.hpp"

namespace strata::standin {
namespace {

using Kind = Expr::Kind;

// The catalogue's key for a relation name as written: unqualified names resolve in pg_catalog,
// then public (CockroachDB's search path); a database prefix must be the current database.
std::string relation_key(const Context& context, const Session& session, const std::string& written) {
  const auto dots = std::count(written.begin(), written.end(), '.');
  if (dots == 2) {
    const std::string database = written.substr(0, written.find('.'));
    if (database != session.database) throw NoAnswer("a relation of another database: " + written);
    return written.substr(written.find('.') + 1);
  }
  if (dots == 1) return written;
  for (const char* schema : {"pg_catalog.", "public."}) {
    if (context.release.relation(schema + written)) return schema + written;
  }
  return "public." + written;
}

SourceData relation_source(const Context& context, const Session& session, const Source& source) {
  const std::string key = relation_key(context, session, source.relation);
  const Relation* relation = context.release.relation(key);
  if (!relation) fail("42P01", "relation \"" + source.relation + "\" does not exist");
  if (relation->unsafe_internal && gate_closed(context, session)) refuse_unsafe(context);
  SourceData data;
  data.qualifier = source.alias.empty() ? key.substr(key.rfind('.') + 1) : source.alias;
  data.label = key;
  data.columns = relation->columns;
  const auto state = context.state.relations.find(key);
  if (state == context.state.relations.end()) {
    data.no_rows_reason = "the state records no rows for " + key;
    return data;
  }
  std::vector<int> map;
  for (const auto& column : relation->columns) map.push_back(state->second.column_index(column.name));
  data.rows.emplace();
  for (const auto& row : state->second.rows) {
    Cells cells;
    for (int at : map) cells.push_back(at < 0 ? Cell{false, std::nullopt} : Cell{true, row[static_cast<size_t>(at)]});
    data.rows->push_back(std::move(cells));
  }
  return data;
}

SourceData show_source(const Context& context, const Session& session, const Source& source) {
  const auto table = run_show(context, session, tokenize(source.show));
  if (!table) throw NoAnswer("no SHOW form of the catalogue matches [" + source.show + "]");
  SourceData data;
  data.qualifier = source.alias;
  data.label = "[" + table->form + "]";
  data.columns = table->columns;
  data.rows.emplace();
  for (const auto& row : table->rows) {
    Cells cells;
    for (const auto& value : row) cells.push_back({true, value});
    data.rows->push_back(std::move(cells));
  }
  return data;
}

bool is_unnest(const SelectItem& item) {
  return item.expr && item.expr->kind == Kind::Call && item.expr->name == "unnest";
}

class SelectRun {
 public:
  SelectRun(const Context& context, const Session& session, const Select& select, const Params& params)
      : select_(select), sources_(build(context, session)), eval_(context, session, params, sources_) {}

  Answer run() {
    check();
    Answer answer;
    answer.returns_rows = true;
    describe(answer);
    if (select_.limit && *select_.limit == 0) {
      answer.tag = "SELECT 0";
      return answer;
    }
    for (const auto& source : sources_) {
      if (!source.rows) throw NoAnswer(source.no_rows_reason);
    }
    RowView row(sources_.size(), nullptr);
    walk(0, row);
    finish(answer);
    return answer;
  }

 private:
  std::vector<SourceData> build(const Context& context, const Session& session) const {
    std::vector<SourceData> sources;
    for (const auto& source : select_.from) {
      sources.push_back(source.show.empty() ? relation_source(context, session, source)
                                            : show_source(context, session, source));
      sources.back().on = source.on;
    }
    return sources;
  }

  const SelectItem* alias_item(const Expr& expr) const {
    if (expr.kind != Kind::Column || !expr.qualifier.empty()) return nullptr;
    for (const auto& item : select_.items) {
      if (!item.alias.empty() && item.alias == expr.name) return &item;
    }
    return nullptr;
  }

  void check() const {
    for (const auto& item : select_.items) {
      if (item.expr) eval_.check(*item.expr);
      if (item.star && select_.from.empty()) fail("42602", "cannot use \"*\" without a FROM clause");
      if (!item.star_qualifier.empty() && std::none_of(sources_.begin(), sources_.end(), [&](const auto& s) {
            return s.qualifier == item.star_qualifier;
          })) {
        fail("42P01", "no data source matches pattern: " + item.star_qualifier + ".*");
      }
    }
    for (const auto& source : sources_) {
      if (source.on) eval_.check(*source.on);
    }
    if (select_.where) eval_.check(*select_.where);
    for (const auto& key : select_.order) {
      if (!alias_item(*key.expr) && key.expr->kind != Kind::Literal) eval_.check(*key.expr);
    }
    if (std::count_if(select_.items.begin(), select_.items.end(), is_unnest) > 1) throw NoAnswer("two unnest() items");
  }

  void describe(Answer& answer) const {
    for (const auto& item : select_.items) {
      if (!item.star) {
        answer.columns.push_back(
            {item.alias.empty() ? default_column_name(*item.expr) : item.alias, eval_.type_of(*item.expr)});
        continue;
      }
      for (const auto& source : sources_) {
        if (!item.star_qualifier.empty() && source.qualifier != item.star_qualifier) continue;
        answer.columns.insert(answer.columns.end(), source.columns.begin(), source.columns.end());
      }
    }
  }

  void walk(size_t level, RowView& row) {
    if (level == sources_.size()) {
      if (!select_.where || eval_.truth(*select_.where, row).value_or(false)) take(row);
      return;
    }
    for (const auto& cells : *sources_[level].rows) {
      row[level] = &cells;
      if (sources_[level].on && !eval_.truth(*sources_[level].on, row).value_or(false)) continue;
      walk(level + 1, row);
    }
  }

  void take(const RowView& row) {
    Row projected;
    for (const auto& item : select_.items) {
      if (!item.star) {
        projected.push_back(eval_.eval(*item.expr, row).text);
        continue;
      }
      for (size_t s = 0; s < sources_.size(); ++s) {
        if (!item.star_qualifier.empty() && sources_[s].qualifier != item.star_qualifier) continue;
        for (size_t c = 0; c < row[s]->size(); ++c) {
          if (!(*row[s])[c].present) throw NoAnswer("the state records no value for " + sources_[s].label + ".*");
          projected.push_back((*row[s])[c].value);
        }
      }
    }
    Row keys;
    for (const auto& key : select_.order) keys.push_back(order_value(*key.expr, row, projected));
    taken_.push_back({std::move(keys), std::move(projected)});
  }

  Text order_value(const Expr& expr, const RowView& row, const Row& projected) const {
    if (expr.kind == Kind::Literal && expr.type == "INT8") {
      const size_t position = std::stoul(expr.name);
      if (position < 1 || position > projected.size())
        fail("42P10", "ORDER BY position " + expr.name + " is not in select list");
      return projected[position - 1];
    }
    if (const SelectItem* item = alias_item(expr)) return eval_.eval(*item->expr, row).text;
    return eval_.eval(expr, row).text;
  }

  void finish(Answer& answer) {
    std::stable_sort(taken_.begin(), taken_.end(), [&](const auto& a, const auto& b) {
      for (size_t k = 0; k < select_.order.size(); ++k) {
        const int order = compare_text(a.first[k], b.first[k]);
        if (order != 0) return select_.order[k].descending ? order > 0 : order < 0;
      }
      return false;
    });
    const auto unnest = std::find_if(select_.items.begin(), select_.items.end(), is_unnest);
    for (auto& [keys, row] : taken_) {
      if (select_.limit && answer.rows.size() >= static_cast<size_t>(*select_.limit)) break;
      if (unnest == select_.items.end()) {
        answer.rows.push_back(std::move(row));
        continue;
      }
      const size_t at = static_cast<size_t>(unnest - select_.items.begin());
      if (!row[at]) continue;
      for (auto& element : parse_text_array(*row[at])) {
        Row expanded = row;
        expanded[at] = std::move(element);
        answer.rows.push_back(std::move(expanded));
      }
    }
    answer.tag = "SELECT " + std::to_string(answer.rows.size());
  }

  const Select& select_;
  std::vector<SourceData> sources_;
  Evaluator eval_;
  std::vector<std::pair<Row, Row>> taken_;
};

}  // namespace

Answer run_select(const Context& context, const Session& session, const Select& select, const Params& params) {
  return SelectRun(context, session, select, params).run();
}

}  // namespace strata::standin
