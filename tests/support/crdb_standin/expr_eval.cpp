#include <charconv>
#include <set>

#include "support/crdb_standin/eval.hpp"
#include "support/crdb_standin/time_text.hpp"

namespace strata::standin {
namespace {

using Kind = Expr::Kind;

const std::set<std::string> kFunctions = {"version", "current_database", "current_user", "session_user",
                                          "now",     "unnest",           "to_regclass",  "coalesce"};

std::optional<double> number(const std::string& text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<long long> integer(const std::string& text) {
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

Value boolean(std::optional<bool> value) {
  if (!value) return {std::nullopt, "BOOL"};
  return {std::string(*value ? "true" : "false"), "BOOL"};
}

std::optional<bool> parse_bool(const Text& text) {
  if (!text) return std::nullopt;
  if (*text == "true" || *text == "t") return true;
  if (*text == "false" || *text == "f") return false;
  throw NoAnswer("'" + *text + "' is used as a boolean");
}

}  // namespace

bool gate_closed(const Context& context, const Session& session) {
  if (!context.release.gate) return false;
  const auto at = session.settings.find(context.release.gate->setting);
  return at != session.settings.end() && at->second && *at->second == "off";
}

void refuse_unsafe(const Context& context) {
  const auto& gate = *context.release.gate;
  fail(gate.sqlstate, gate.message, gate.hint);
}

int compare_text(const Text& a, const Text& b) {
  if (!a || !b) return !a && !b ? 0 : !a ? -1 : 1;
  if (const auto x = number(*a), y = number(*b); x && y) return *x < *y ? -1 : *x > *y ? 1 : 0;
  if (const auto x = parse_timestamptz(*a), y = parse_timestamptz(*b); x && y) return *x < *y ? -1 : *x > *y ? 1 : 0;
  return a->compare(*b) < 0 ? -1 : a->compare(*b) > 0 ? 1 : 0;
}

bool like(std::string_view text, std::string_view pattern) {
  if (pattern.empty()) return text.empty();
  if (pattern[0] == '%') {
    for (size_t skip = 0; skip <= text.size(); ++skip) {
      if (like(text.substr(skip), pattern.substr(1))) return true;
    }
    return false;
  }
  if (text.empty()) return false;
  if (pattern[0] == '\\' && pattern.size() > 1) return text[0] == pattern[1] && like(text.substr(1), pattern.substr(2));
  if (pattern[0] == '_' || pattern[0] == text[0]) return like(text.substr(1), pattern.substr(1));
  return false;
}

Evaluator::Evaluator(const Context& context, const Session& session, const Params& params,
                     const std::vector<SourceData>& sources)
    : context_(context), session_(session), params_(params), sources_(sources) {}

std::pair<size_t, size_t> Evaluator::resolve(const Expr& column) const {
  std::optional<std::pair<size_t, size_t>> found;
  bool qualifier_known = column.qualifier.empty();
  for (size_t s = 0; s < sources_.size(); ++s) {
    if (!column.qualifier.empty() && sources_[s].qualifier != column.qualifier) continue;
    qualifier_known = true;
    for (size_t c = 0; c < sources_[s].columns.size(); ++c) {
      if (sources_[s].columns[c].name != column.name) continue;
      if (found) fail("42702", "column reference \"" + column.name + "\" is ambiguous");
      found = std::pair(s, c);
    }
  }
  if (!qualifier_known) fail("42P01", "no data source matches prefix: " + column.qualifier);
  const std::string shown = column.qualifier.empty() ? column.name : column.qualifier + "." + column.name;
  if (!found) fail("42703", "column \"" + shown + "\" does not exist");
  return *found;
}

void Evaluator::check(const Expr& expr) const {
  if (expr.kind == Kind::Column) resolve(expr);
  if (expr.kind == Kind::Call) {
    if (expr.name.find('.') != std::string::npos) {
      const std::string schema = expr.name.substr(0, expr.name.find('.'));
      const auto& gate = context_.release.gate;
      if (gate && gate_closed(context_, session_)) {
        for (const auto& gated : gate->gated_function_schemas) {
          if (gated == schema) refuse_unsafe(context_);
        }
      }
      throw NoAnswer("no answer is recorded for the function " + expr.name);
    }
    if (!kFunctions.count(expr.name)) throw NoAnswer("no answer is recorded for the function " + expr.name + "()");
  }
  for (const auto& arg : expr.args) check(*arg);
}

std::string Evaluator::type_of(const Expr& expr) const {
  switch (expr.kind) {
    case Kind::Column: {
      const auto [s, c] = resolve(expr);
      return sources_[s].columns[c].type;
    }
    case Kind::Literal:
    case Kind::Cast:
      return expr.type;
    case Kind::Null:
    case Kind::Param:
      return "STRING";
    case Kind::Call:
      if (expr.name == "now") return "TIMESTAMPTZ";
      if (expr.name == "to_regclass") return "REGCLASS";
      if (expr.name == "coalesce" && !expr.args.empty()) return type_of(*expr.args[0]);
      if (expr.name == "unnest" && expr.args.size() == 1) {
        std::string type = type_of(*expr.args[0]);
        return type.size() > 2 && type.substr(type.size() - 2) == "[]" ? type.substr(0, type.size() - 2) : type;
      }
      return "STRING";
    case Kind::Arithmetic:
      return expr.name == "||" ? "STRING" : type_of(*expr.args[0]);
    default:
      return "BOOL";
  }
}

std::optional<bool> Evaluator::truth(const Expr& expr, const RowView& row) const {
  return parse_bool(eval(expr, row).text);
}

Value Evaluator::eval(const Expr& expr, const RowView& row) const {
  switch (expr.kind) {
    case Kind::Column: {
      const auto [s, c] = resolve(expr);
      const Cell& cell = (*row[s])[c];
      if (!cell.present) throw NoAnswer("the state records no value for " + sources_[s].label + "." + expr.name);
      return {cell.value, sources_[s].columns[c].type};
    }
    case Kind::Literal:
      return {expr.name, expr.type};
    case Kind::Null:
      return {std::nullopt, "STRING"};
    case Kind::Param:
      if (expr.param < 1 || static_cast<size_t>(expr.param) > params_.size()) {
        fail("08P01", "no value given for placeholder $" + std::to_string(expr.param));
      }
      return {params_[static_cast<size_t>(expr.param) - 1], "STRING"};
    case Kind::Cast:
      return {eval(*expr.args[0], row).text, expr.type};
    case Kind::Call:
      return call(expr, row);
    case Kind::Not: {
      const auto value = truth(*expr.args[0], row);
      return boolean(value ? std::optional(!*value) : std::nullopt);
    }
    case Kind::And:
    case Kind::Or: {
      const auto a = truth(*expr.args[0], row);
      const auto b = truth(*expr.args[1], row);
      const bool is_and = expr.kind == Kind::And;
      if ((a && *a != is_and) || (b && *b != is_and)) return boolean(!is_and);
      return boolean(a && b ? std::optional(is_and) : std::nullopt);
    }
    case Kind::IsNull:
      return boolean(eval(*expr.args[0], row).text.has_value() == expr.negated);
    case Kind::Compare:
    case Kind::Like:
      return compare(expr, row);
    case Kind::Any:
    case Kind::In:
      return membership(expr, row);
    case Kind::Arithmetic:
      return arithmetic(expr, row);
  }
  throw NoAnswer("an expression the stand-in cannot evaluate");
}

Value Evaluator::call(const Expr& expr, const RowView& row) const {
  const auto& name = expr.name;
  if (name == "version") return {context_.release.version, "STRING"};
  if (name == "current_database") return {session_.database, "STRING"};
  if (name == "current_user" || name == "session_user") return {session_.user, "STRING"};
  if (name == "now") return {format_timestamptz(to_micros(context_.now)), "TIMESTAMPTZ"};
  if (name == "coalesce") {
    for (const auto& arg : expr.args) {
      if (Value value = eval(*arg, row); value.text) return value;
    }
    return {std::nullopt, type_of(expr)};
  }
  if (name == "unnest" && expr.args.size() == 1) return {eval(*expr.args[0], row).text, type_of(*expr.args[0])};
  if (name == "to_regclass" && expr.args.size() == 1) {
    const Text wanted = eval(*expr.args[0], row).text;
    const auto pg_class = context_.state.relations.find("pg_catalog.pg_class");
    if (!wanted || pg_class == context_.state.relations.end()) throw NoAnswer("to_regclass needs the state's pg_class");
    const int relname = pg_class->second.column_index("relname");
    const std::string bare = wanted->substr(wanted->rfind('.') == std::string::npos ? 0 : wanted->rfind('.') + 1);
    for (const auto& rel : pg_class->second.rows) {
      if (relname >= 0 && rel[static_cast<size_t>(relname)] == bare) return {bare, "REGCLASS"};
    }
    return {std::nullopt, "REGCLASS"};
  }
  throw NoAnswer("no answer is recorded for the function " + name + "()");
}

Value Evaluator::compare(const Expr& expr, const RowView& row) const {
  const Value a = eval(*expr.args[0], row);
  const Value b = eval(*expr.args[1], row);
  if (!a.text || !b.text) return boolean(std::nullopt);
  if (expr.kind == Kind::Like) return boolean(like(*a.text, *b.text) != expr.negated);
  const int order = compare_text(a.text, b.text);
  const std::string& op = expr.name;
  return boolean(op == "="    ? order == 0
                 : op == "<>" ? order != 0
                 : op == "<"  ? order < 0
                 : op == "<=" ? order <= 0
                 : op == ">"  ? order > 0
                              : order >= 0);
}

Value Evaluator::membership(const Expr& expr, const RowView& row) const {
  const Value needle = eval(*expr.args[0], row);
  std::vector<Text> candidates;
  if (expr.kind == Kind::Any) {
    if (expr.name != "=") throw NoAnswer("ANY with an operator other than =");
    const Value array = eval(*expr.args[1], row);
    if (!array.text) return boolean(std::nullopt);
    try {
      candidates = parse_text_array(*array.text);
    } catch (const CatalogueError&) {
      fail("22P02", "could not parse \"" + *array.text + "\" as type " + array.type);
    }
  } else {
    for (size_t i = 1; i < expr.args.size(); ++i) candidates.push_back(eval(*expr.args[i], row).text);
  }
  if (!needle.text) return boolean(std::nullopt);
  bool saw_null = false;
  for (const auto& candidate : candidates) {
    if (!candidate) {
      saw_null = true;
    } else if (compare_text(needle.text, candidate) == 0) {
      return boolean(!expr.negated);
    }
  }
  if (saw_null) return boolean(std::nullopt);
  return boolean(expr.negated);
}

Value Evaluator::arithmetic(const Expr& expr, const RowView& row) const {
  const Value a = eval(*expr.args[0], row);
  const Value b = eval(*expr.args[1], row);
  const std::string type = type_of(expr);
  if (!a.text || !b.text) return {std::nullopt, type};
  if (expr.name == "||") return {*a.text + *b.text, type};
  const int sign = expr.name == "-" ? -1 : 1;
  if (a.type == "TIMESTAMPTZ" && b.type == "INTERVAL") {
    const auto base = parse_timestamptz(*a.text);
    const auto delta = parse_interval(*b.text);
    if (!base || !delta) throw NoAnswer("a timestamp or interval the stand-in cannot read: " + *b.text);
    return {format_timestamptz(*base + sign * *delta), "TIMESTAMPTZ"};
  }
  if (const auto x = integer(*a.text), y = integer(*b.text); x && y) return {std::to_string(*x + sign * *y), type};
  throw NoAnswer("arithmetic on " + a.type + " and " + b.type);
}

}  // namespace strata::standin
