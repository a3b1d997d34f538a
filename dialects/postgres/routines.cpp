#include "dialects/postgres/routines.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "dialects/postgres/sql/pg_parser.hpp"
#include "dialects/postgres/views.hpp"
#include "engine/model/quote.hpp"
#include "engine/sql/scanner.hpp"
#include "strata/errors.hpp"

namespace strata::postgres {

namespace {

using Json = nlohmann::json;

// A parse tree in the form it is compared in: without "location" fields, and with every constant
// as its text (the server prints `-1` as '-1'::integer and SET values as strings). `loose`, for
// expressions the server prints back (a trigger's WHEN, an argument's DEFAULT): a cast over a
// constant or a column is its operand, and IN, LIKE and BETWEEN are the operators the server
// prints them as (= ANY (ARRAY[…]), ~~, >= AND <=).
class Stripper {
 public:
  Stripper(std::string_view text, std::size_t base, bool loose) : text_(text), base_(base), loose_(loose) {}

  Json operator()(const Json& node) const {
    if (node.is_array()) {
      Json out = Json::array();
      for (const auto& item : node) out.push_back((*this)(item));
      return out;
    }
    if (!node.is_object()) return node;
    if (node.size() == 1 && node.contains("A_Const")) return constant(node["A_Const"]);
    if (loose_ && node.size() == 1 && node.contains("TypeCast")) {
      const Json& cast = node["TypeCast"];
      Json arg = (*this)(cast.value("arg", Json::object()));
      // Casts over casts too; over a column, only to a type the server casts to on its own.
      const bool column = arg.contains("ColumnRef") && implicit_target(cast.value("typeName", Json::object()));
      if (arg.contains("const") || arg.contains("A_ArrayExpr") || column) return arg;
    }
    if (loose_ && node.size() == 1 && node.contains("BoolExpr")) return flattened(node);
    if (loose_ && node.size() == 1 && node.contains("A_Expr")) {
      if (auto printed = as_printed(node["A_Expr"])) return (*this)(*printed);
    }
    Json out = Json::object();
    for (const auto& [key, value] : node.items()) {
      if (key != "location") out[key] = (*this)(value);
    }
    return out;
  }

 private:
  // (a AND b) AND c is a AND b AND c: the server prints BETWEEN as a nested AND.
  Json flattened(const Json& node) const {
    Json out = Json::object();
    for (const auto& [key, value] : node["BoolExpr"].items()) {
      if (key != "location" && key != "args") out[key] = value;
    }
    const std::string boolop = out.value("boolop", "");
    Json args = Json::array();
    for (const auto& arg : node["BoolExpr"].value("args", Json::array())) {
      Json stripped = (*this)(arg);
      if (boolop != "NOT_EXPR" && stripped.contains("BoolExpr") && stripped["BoolExpr"].value("boolop", "") == boolop) {
        for (auto& inner : stripped["BoolExpr"]["args"]) args.push_back(std::move(inner));
      } else {
        args.push_back(std::move(stripped));
      }
    }
    out["args"] = std::move(args);
    return Json{{"BoolExpr", std::move(out)}};
  }

  // A constant: its text, and (unless loose: the server prints 1 as '1'::integer) its kind; NULL
  // is neither. libpg_query's JSON leaves out an integer of 0, and a negative one: it is read back
  // from the text at its location (a minus, blanks, digits).
  Json constant(const Json& c) const {
    if (c.value("isnull", false)) return Json{{"null", true}};
    std::string kind = "s";
    std::string text;
    if (c.contains("sval")) {
      text = c["sval"].value("sval", "");
    } else if (c.contains("fval")) {
      kind = "n";
      text = c["fval"].value("fval", "");
    } else if (c.contains("bsval")) {
      kind = "b";
      text = c["bsval"].value("bsval", "");
    } else if (c.contains("boolval")) {
      kind = "t";
      text = c["boolval"].value("boolval", false) ? "true" : "false";
    } else if (c.contains("ival")) {
      kind = "n";
      text =
          c["ival"].contains("ival") ? std::to_string(c["ival"].value("ival", 0)) : integer_at(c.value("location", 0));
    }
    Json out = {{"const", text}};
    if (!loose_) out["kind"] = kind;
    return out;
  }

  std::string integer_at(int location) const {
    std::size_t at = base_ + static_cast<std::size_t>(std::max(location, 0));
    std::string out;
    if (at < text_.size() && text_[at] == '-') {
      out = "-";
      for (++at; at < text_.size() && std::isspace(static_cast<unsigned char>(text_[at]));) ++at;
    }
    for (; at < text_.size() && std::isdigit(static_cast<unsigned char>(text_[at])); ++at) out += text_[at];
    return out.empty() || out == "-" ? "0" : out;
  }

  // The types PostgreSQL casts a column to when it prints a comparison (varchar to text, an
  // integer to numeric or bigint…): a cast to another is the user's, and kept.
  static bool implicit_target(const Json& type) {
    static const std::set<std::string> kTargets = {"text",   "numeric", "int8",    "int4",        "float8",
                                                   "float4", "bpchar",  "varchar", "timestamptz", "anyelement"};
    const auto parts = names_of(type.value("names", Json::array()));
    return !parts.empty() && kTargets.count(parts.back()) > 0 && !type.contains("arrayBounds");
  }

  static Json op(const std::string& name, Json left, Json right, const char* kind = "AEXPR_OP") {
    return {{"A_Expr",
             {{"kind", kind},
              {"name", Json::array({Json{{"String", {{"sval", name}}}}})},
              {"lexpr", std::move(left)},
              {"rexpr", std::move(right)}}}};
  }

  static std::optional<Json> as_printed(const Json& e) {
    const std::string kind = e.value("kind", "");
    const std::vector<std::string> name = names_of(e.value("name", Json::array()));
    const std::string op_name = name.empty() ? "" : name.back();
    const Json left = e.value("lexpr", Json::object());
    const Json right = e.value("rexpr", Json::object());
    const Json items = right.contains("List") ? right["List"].value("items", Json::array()) : Json::array();
    if (kind == "AEXPR_IN" && items.size() == 1) return op(op_name, left, items[0]);  // printed so
    if (kind == "AEXPR_IN") {
      return op(op_name, left, Json{{"A_ArrayExpr", {{"elements", items}}}},
                op_name == "=" ? "AEXPR_OP_ANY" : "AEXPR_OP_ALL");
    }
    if (kind == "AEXPR_LIKE" || kind == "AEXPR_ILIKE") return op(op_name, left, right);
    if (kind == "AEXPR_BETWEEN" && items.size() == 2) {
      return Json{
          {"BoolExpr",
           {{"boolop", "AND_EXPR"}, {"args", Json::array({op(">=", left, items[0]), op("<=", left, items[1])})}}}};
    }
    if (kind == "AEXPR_NOT_BETWEEN" && items.size() == 2) {
      return Json{{"BoolExpr",
                   {{"boolop", "OR_EXPR"}, {"args", Json::array({op("<", left, items[0]), op(">", left, items[1])})}}}};
    }

    return std::nullopt;
  }

  static std::vector<std::string> names_of(const Json& list) {
    std::vector<std::string> out;
    for (const auto& item : list) out.push_back(item.contains("String") ? item["String"].value("sval", "") : "");
    return out;
  }

  std::string_view text_;
  std::size_t base_;
  bool loose_;
};

std::vector<std::string> names(const Json& list) {
  std::vector<std::string> out;
  for (const auto& item : list) out.push_back(item.contains("String") ? item["String"].value("sval", "") : "");
  return out;
}

QualifiedName qualified(const Json& list) {
  const auto parts = names(list);
  if (parts.size() == 1) return {"public", parts[0]};
  if (parts.size() == 2) return {parts[0], parts[1]};
  return {"", parts.empty() ? "" : parts.back()};  // a database-qualified name: not the server's to print
}

std::string qualified_text(const QualifiedName& name) {
  return name.schema + "." + name.name;
}

// A part of a type's name, quoted only where it must be (type names are mostly keywords).
std::string type_part(const std::string& name) {
  const bool plain = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) &&
                     std::all_of(name.begin(), name.end(),
                                 [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
  return plain ? name : quote_ident(name);
}

// A type as compared: the grammar has already made `integer` and `int` one (`int4`); what is left
// is the qualification the server prints or omits, and modifiers, which arguments do not keep.
std::string type_text(const Json& type, bool quoted = false) {
  auto parts = names(type.value("names", Json::array()));
  if (parts.size() == 2 && (parts[0] == "pg_catalog" || parts[0] == "public")) parts.erase(parts.begin());
  for (auto& part : parts) part = quoted ? quote_ident(part) : type_part(part);
  std::string out = fmt::format("{}", fmt::join(parts, "."));
  if (type.value("pct_type", false)) out += "%TYPE";
  for (std::size_t i = 0; i < type.value("arrayBounds", Json::array()).size(); ++i) out += "[]";
  if (type.value("setof", false)) out = "SETOF " + out;
  return out;
}

// A user type a type name may be (builtins are in pg_catalog, or match nothing the plan creates).
void add_type(const Json& type, std::vector<QualifiedName>& out) {
  const auto parts = names(type.value("names", Json::array()));
  if (parts.empty() || parts[0] == "pg_catalog") return;
  out.push_back(parts.size() == 1 ? QualifiedName{"public", parts[0]} : QualifiedName{parts[0], parts.back()});
}

std::string param_mode(const Json& param) {
  static const std::map<std::string, std::string> kModes = {
      {"FUNC_PARAM_IN", "in"},       {"FUNC_PARAM_DEFAULT", "in"},  {"FUNC_PARAM_OUT", "out"},
      {"FUNC_PARAM_INOUT", "inout"}, {"FUNC_PARAM_TABLE", "table"}, {"FUNC_PARAM_VARIADIC", "variadic"}};
  const auto it = kModes.find(param.value("mode", "FUNC_PARAM_IN"));
  return it == kModes.end() ? "in" : it->second;
}

double number(const Json& arg) {
  if (arg.contains("Integer")) return arg["Integer"].value("ival", 0);
  if (arg.contains("Float")) return std::strtod(arg["Float"].value("fval", "0").c_str(), nullptr);
  return -1;
}

bool flag(const Json& arg) {
  return arg.contains("Boolean") && arg["Boolean"].value("boolval", false);
}

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// CREATE FUNCTION's options, without those at their defaults (which the server does not print).
Json routine_options(const Json& list, bool has_sql_body, const Stripper& exact, const Stripper& loose) {
  Json out = Json::object();
  out["language"] = has_sql_body ? "sql" : "";
  for (const auto& item : list) {
    const Json& def = item.value("DefElem", Json::object());
    const std::string name = def.value("defname", "");
    const Json arg = def.value("arg", Json::object());
    if (name == "as") {
      out["as"] = names(arg.contains("List") ? arg["List"].value("items", Json::array()) : Json::array({arg}));
    } else if (name == "language" || name == "volatility" || name == "parallel") {
      out[name] = lower(arg.contains("String") ? arg["String"].value("sval", "") : "");
    } else if (name == "strict" || name == "security" || name == "leakproof" || name == "window") {
      if (flag(arg)) out[name] = true;
    } else if (name == "cost" || name == "rows") {
      out[name] = number(arg);
    } else if (name == "set") {
      out["set"].push_back(loose(arg));  // the server prints each value as a string
    } else {
      out[name] = exact(arg);
    }
  }
  if (out.value("volatility", "") == "volatile") out.erase("volatility");
  if (out.value("parallel", "") == "unsafe") out.erase("parallel");
  const std::string language = out["language"];
  const double default_cost = language == "c" || language == "internal" ? 1 : 100;
  if (out.contains("cost") && out["cost"].get<double>() == default_cost) out.erase("cost");
  if (out.contains("rows") && out["rows"].get<double>() == 1000) out.erase("rows");
  return out;
}

// The relations a SQL-language body reads, with the columns it names (PostgreSQL resolves them
// when it creates the function).
std::vector<ViewRead> body_reads(const Json& stmt, const Json& options) {
  if (options.value("language", "") != "sql") return {};
  if (stmt.contains("sql_body")) return view_reads_in(stmt["sql_body"]);
  std::vector<ViewRead> out;
  for (const auto& body : options.value("as", Json::array())) {
    for (auto& read : view_reads(body.get<std::string>())) out.push_back(std::move(read));
  }
  return out;
}

// The columns of its table a trigger names: UPDATE OF, and OLD.x / NEW.x in WHEN.
void trigger_columns(const Json& node, std::set<std::string>& out) {
  if (node.is_array()) {
    for (const auto& item : node) trigger_columns(item, out);
  } else if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "ColumnRef" && value.is_object()) {
        const auto fields = names(value.value("fields", Json::array()));
        if (fields.size() == 2 && (fields[0] == "old" || fields[0] == "new")) out.insert(fields[1]);
      }
      trigger_columns(value, out);
    }
  }
}

struct Statement {
  Json node;
  std::size_t base = 0;  // where its "location" fields count from
};

std::optional<Statement> one_statement(const std::string& definition, const std::string& kind, std::string& problem) {
  const sql::ParsedFile parsed = sql::parse_file(definition);
  if (!parsed.failures.empty()) {
    problem = "PostgreSQL's parser refuses it: " + parsed.failures.front().message;
    return std::nullopt;
  }
  if (parsed.statements.size() != 1 || !parsed.statements.front().node.contains(kind)) {
    problem = parsed.statements.size() == 1 ? "it is another kind of statement"
                                            : fmt::format("{} statements", parsed.statements.size());
    return std::nullopt;
  }
  return Statement{parsed.statements.front().node[kind], parsed.statements.front().base};
}

}  // namespace

std::optional<std::string> read_definition(Routine& routine) {
  std::string problem;
  const auto parsed = one_statement(routine.definition, "CreateFunctionStmt", problem);
  if (!parsed) return problem;
  const Json* stmt = &parsed->node;
  const Stripper exact(routine.definition, parsed->base, false);
  const Stripper loose(routine.definition, parsed->base, true);
  routine.procedure = stmt->value("is_procedure", false);
  routine.name = qualified(stmt->value("funcname", Json::array()));
  routine.types.clear();
  Json params = Json::array();
  Json shape = Json::array();
  std::vector<std::string> identity;
  std::vector<std::string> arguments;  // as DROP names them: quoted where a name is a keyword ("char")
  std::vector<std::string> outputs;
  for (const auto& item : stmt->value("parameters", Json::array())) {
    const Json& p = item.value("FunctionParameter", Json::object());
    const std::string mode = param_mode(p);
    const Json type = p.value("argType", Json::object());
    add_type(type, routine.types);
    Json param = {{"mode", mode}, {"name", p.value("name", "")}, {"type", type_text(type)}};
    shape.push_back(param);
    shape.back()["default"] = p.contains("defexpr");
    if (p.contains("defexpr")) param["default"] = loose(p["defexpr"]);
    params.push_back(std::move(param));
    if (mode == "in" || mode == "inout" || mode == "variadic" || (routine.procedure && mode == "out")) {
      identity.push_back(type_text(type));
      arguments.push_back(type_text(type, true));
    }
    if (mode == "out" || mode == "inout") outputs.push_back(type_text(type));
  }
  std::string returns;
  if (stmt->contains("returnType")) {
    add_type((*stmt)["returnType"], routine.types);
    returns = type_text((*stmt)["returnType"]);
  } else if (!routine.procedure && !outputs.empty()) {
    returns = outputs.size() == 1 ? outputs.front() : "record";  // as the server prints it
  }
  const Json options = routine_options(stmt->value("options", Json::array()), stmt->contains("sql_body"), exact, loose);
  routine.identity = fmt::format("{}({})", qualified_text(routine.name), fmt::join(identity, ", "));
  routine.arguments = fmt::format("{}", fmt::join(arguments, ", "));
  const std::string kind = routine.procedure ? "procedure" : "function";
  routine.signature = Json{{"kind", kind}, {"params", shape}, {"returns", returns}}.dump();
  Json compared = {{"kind", kind}, {"params", params}, {"returns", returns}, {"options", options}};
  if (stmt->contains("sql_body")) compared["body"] = exact((*stmt)["sql_body"]);
  routine.compared = compared.dump();
  routine.reads = body_reads(*stmt, options);
  routine.atomic_body = stmt->contains("sql_body");
  return std::nullopt;
}

std::optional<std::string> read_definition(Trigger& trigger) {
  std::string problem;
  const auto parsed = one_statement(trigger.definition, "CreateTrigStmt", problem);
  if (!parsed) return problem;
  const Json* stmt = &parsed->node;
  Json compared = Stripper(trigger.definition, parsed->base, true)(*stmt);
  std::set<std::string> columns;
  trigger_columns(stmt->value("whenClause", Json::object()), columns);
  for (const auto& column : names(stmt->value("columns", Json::array()))) columns.insert(column);
  trigger.columns.assign(columns.begin(), columns.end());
  compared.erase("replace");
  const Json relation = stmt->value("relation", Json::object());
  const std::string schema = relation.value("schemaname", "");
  trigger.table = {schema.empty() ? "public" : schema, relation.value("relname", "")};
  trigger.name = stmt->value("trigname", "");
  trigger.function = qualified(stmt->value("funcname", Json::array()));
  compared["relation"] = qualified_text(trigger.table);
  compared["funcname"] = qualified_text(trigger.function);
  if (stmt->contains("constrrel")) {
    const Json& other = (*stmt)["constrrel"];
    const std::string other_schema = other.value("schemaname", "");
    compared["constrrel"] = (other_schema.empty() ? "public" : other_schema) + "." + other.value("relname", "");
  }
  trigger.compared = compared.dump();
  return std::nullopt;
}

RoutineReference routine_reference(const Json& object, const std::string& default_schema) {
  auto parts = names(object.value("objname", Json::array()));
  QualifiedName name = qualified(object.value("objname", Json::array()));
  if (parts.size() == 1) name.schema = default_schema;
  RoutineReference ref;
  ref.prefix = qualified_text(name) + "(";
  if (object.value("args_unspecified", false)) return ref;
  std::vector<std::string> types;
  for (const auto& arg : object.value("objargs", Json::array())) types.push_back(type_text(arg.value("TypeName", arg)));
  ref.identity = fmt::format("{}{})", ref.prefix, fmt::join(types, ", "));
  return ref;
}

std::string as_statement(const std::string& definition) {
  const auto tokens = strata::sql::scan(definition, {.grammar = {}, .comments = true});
  const bool line_comment_last =
      !tokens.empty() && tokens.back().kind == strata::sql::TokenKind::Comment && tokens.back().text.starts_with("--");
  return line_comment_last ? definition + "\n" : definition;
}

std::string or_replace(const std::string& definition) {
  const auto tokens = strata::sql::scan(definition);
  if (tokens.size() < 2 || tokens[0].text != "create" || tokens[1].text == "or") return definition;
  const bool lower = definition[tokens[0].begin] == 'c';  // in the case the statement is written in
  return definition.substr(0, tokens[0].end) + (lower ? " or replace" : " OR REPLACE") +
         definition.substr(tokens[0].end);
}

void check_routines(const Schema& declared) {
  std::map<std::string, std::string> seen;
  for (Routine routine : declared.routines) {
    if (auto problem = read_definition(routine)) {
      throw PlanError(
          fmt::format("{}: expected a CREATE FUNCTION or CREATE PROCEDURE statement: {}", routine.origin, *problem));
    }
    if (routine.signature.find("%TYPE") != std::string::npos) {
      throw PlanError(
          fmt::format("{}: {} {}: expected argument and result types, found a %TYPE reference (the "
                      "server keeps the type it stands for: write that type)",
                      routine.origin, routine.procedure ? "procedure" : "function", routine.identity));
    }
    const auto [it, fresh] = seen.emplace(routine.identity, routine.origin);
    if (!fresh) {
      throw PlanError(fmt::format("{}: {} {} is declared twice (also at {})", routine.origin,
                                  routine.procedure ? "procedure" : "function", routine.identity, it->second));
    }
  }
  seen.clear();
  for (Trigger trigger : declared.triggers) {
    if (auto problem = read_definition(trigger)) {
      throw PlanError(fmt::format("{}: expected a CREATE TRIGGER statement: {}", trigger.origin, *problem));
    }
    const std::string key = trigger.name + " on " + qualified_text(trigger.table);
    const auto [it, fresh] = seen.emplace(key, trigger.origin);
    if (!fresh) {
      throw PlanError(fmt::format("{}: trigger {} is declared twice (also at {})", trigger.origin, key, it->second));
    }
  }
}

void read_routines(const pqxx::result& rows, Schema& schema) {
  for (const auto& row : rows) {
    std::string definition = row[1].c_str();
    while (!definition.empty() && std::isspace(static_cast<unsigned char>(definition.back()))) definition.pop_back();
    if (std::string_view(row[0].c_str()) == "t") {
      schema.triggers.emplace_back().definition = std::move(definition);
    } else {
      schema.routines.emplace_back().definition = std::move(definition);
    }
  }
}

}  // namespace strata::postgres
