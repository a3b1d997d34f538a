#include "engine/expr/rewrite.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string_view>
#include <utility>

namespace strata::expr {

namespace {

bool is_number(const Node& node) {
  return node.kind == Kind::Literal && node.literal == LiteralKind::Number;
}

bool is_string(const Node& node) {
  return node.kind == Kind::Literal && node.literal == LiteralKind::String;
}

// A constant for the cast-stripping rule: a literal, a signed number, or a non-empty ARRAY[…] of those.
bool is_literal(const Node& node) {
  switch (node.kind) {
    case Kind::Literal:
      return true;
    case Kind::Unary:
      return (node.text == "-" || node.text == "+") && is_number(node.children[0]);
    case Kind::Array:
      return !node.children.empty() && std::all_of(node.children.begin(), node.children.end(), is_literal);
    default:
      return false;
  }
}

// Functions whose result a server annotates with a cast to the same type (CockroachDB: now():::TIMESTAMPTZ).
std::string_view result_type(std::string_view function) {
  static constexpr std::pair<std::string_view, std::string_view> kResults[] = {
      {"now", "timestamptz"},
      {"current_timestamp", "timestamptz"},
      {"transaction_timestamp", "timestamptz"},
      {"statement_timestamp", "timestamptz"},
      {"clock_timestamp", "timestamptz"},
      {"localtimestamp", "timestamp"},
      {"current_date", "date"},
      {"current_time", "timetz"},
      {"localtime", "time"},
      {"gen_random_uuid", "uuid"},
      {"uuid_generate_v4", "uuid"},
      {"unique_rowid", "bigint"},
  };
  for (const auto& [name, type] : kResults) {
    if (name == function) return type;
  }
  return {};
}

bool returns_own_type(const Node& node, std::string_view type) {
  if (node.kind == Kind::KeywordValue) return result_type(node.text) == type;
  if (node.kind == Kind::Call && node.names.size() == 1 && !node.star && !node.distinct) {
    return result_type(node.names.front()) == type;
  }
  return false;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// digits[.digits] or .digits, then an optional exponent: the shape of a numeric literal.
bool is_decimal_text(std::string_view text) {
  const std::size_t e = text.find_first_of("eE");
  std::string_view mantissa = text.substr(0, e);
  if (e != std::string_view::npos) {
    std::string_view exponent = text.substr(e + 1);
    if (!exponent.empty() && (exponent.front() == '+' || exponent.front() == '-')) exponent.remove_prefix(1);
    if (!all_digits(exponent)) return false;
  }
  const std::size_t dot = mantissa.find('.');
  if (dot == std::string_view::npos) return all_digits(mantissa);
  const std::string_view whole = mantissa.substr(0, dot);
  const std::string_view fraction = mantissa.substr(dot + 1);
  return (whole.empty() || all_digits(whole)) && (fraction.empty() || all_digits(fraction)) &&
         !(whole.empty() && fraction.empty());
}

// '-1'::integer is how PostgreSQL prints the default -1: a numeric string cast to a numeric type
// becomes the number.
void string_to_number(Node& literal, std::string_view type) {
  const bool integer = type == "integer" || type == "bigint" || type == "smallint";
  const bool decimal =
      type == "numeric" || type.starts_with("numeric(") || type == "real" || type == "double precision";
  std::string_view text = literal.text;
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  if (!(integer ? all_digits(text) : decimal && is_decimal_text(text))) return;
  std::string number(text);
  for (char& c : number) c = c == 'E' ? 'e' : c;
  Node value = make_literal(LiteralKind::Number, std::move(number));
  if (!negative) {
    literal = std::move(value);
    return;
  }
  std::vector<Node> operand;
  operand.push_back(std::move(value));
  literal = make_node(Kind::Unary, std::move(operand), "-");
}

void replace_with_child(Node& node, std::size_t index) {
  Node child = std::move(node.children[index]);
  node = std::move(child);
}

void rewrite_cast(Node& node) {
  Node& operand = node.children[0];
  const std::string& type = node.text;
  if (is_literal(operand)) {
    if (is_string(operand)) string_to_number(operand, type);
    if (is_string(operand)) {
      if (auto text = datetime_literal(operand.text, type)) operand.text = std::move(*text);
    }
  } else if (!(operand.kind == Kind::Column && (type == "text" || type == "varchar")) &&
             !returns_own_type(operand, type)) {
    return;
  }
  replace_with_child(node, 0);
}

void rewrite_call(Node& node) {
  if (node.names.size() == 2 && node.names.front() == "pg_catalog") node.names.erase(node.names.begin());
  if (node.names.size() != 1 || node.star || node.distinct) return;
  const std::string name = node.names.front();
  std::vector<Node>& args = node.children;
  const auto become = [&node](Kind kind, std::string text = {}) {
    node.kind = kind;
    node.names.clear();
    node.text = std::move(text);
  };
  if (name == "nextval" && args.size() == 1 && is_string(args[0]) && args[0].text.starts_with("public.")) {
    args[0].text.erase(0, 7);
  } else if (name == "substring" && (args.size() == 2 || args.size() == 3)) {
    become(Kind::Substring);
  } else if (name == "position" && args.size() == 2) {  // position(haystack, needle)
    std::swap(args[0], args[1]);
    become(Kind::Position);
  } else if ((name == "btrim" || name == "ltrim" || name == "rtrim") && (args.size() == 1 || args.size() == 2)) {
    become(Kind::Trim, name == "btrim" ? "BOTH" : name == "ltrim" ? "LEADING" : "TRAILING");
  } else if (name == "overlay" && (args.size() == 3 || args.size() == 4)) {
    become(Kind::Overlay);
  }
}

void rewrite_binary(Node& node) {
  const std::string& op = node.text;
  const char* like = op == "~~"     ? "LIKE"
                     : op == "!~~"  ? "NOT LIKE"
                     : op == "~~*"  ? "ILIKE"
                     : op == "!~~*" ? "NOT ILIKE"
                                    : nullptr;
  if (like == nullptr) return;
  node.kind = Kind::Like;
  node.text = like;
}

// x = ANY (ARRAY[a, b]) is PostgreSQL's spelling of x IN (a, b); x <> ALL (…) of x NOT IN (…).
void rewrite_any_all(Node& node) {
  const Node& array = node.children[1];
  const bool in = node.text == "=" && !node.all;
  const bool not_in = node.text == "<>" && node.all;
  if (node.raw_list || (!in && !not_in) || array.kind != Kind::Array || array.children.empty()) return;
  if (std::any_of(array.children.begin(), array.children.end(), [](const Node& e) { return e.kind == Kind::Array; })) {
    return;  // ANY over a multi-dimensional array compares the elements, not the sub-arrays
  }
  Node list = make_node(Kind::InList);
  list.negated = not_in;
  list.children.push_back(std::move(node.children[0]));
  for (Node& item : node.children[1].children) list.children.push_back(std::move(item));
  node = std::move(list);
}

// PostgreSQL turns x IN (a) into x = a.
void rewrite_in_list(Node& node) {
  if (node.raw_list || node.children.size() != 2) return;
  node.kind = Kind::Binary;
  node.text = node.negated ? "<>" : "=";
  node.negated = false;
}

// The numeric types and the date/time types, each in the order PostgreSQL coerces implicitly
// (a type to any later one of its list), as {list, position}.
std::optional<std::pair<int, int>> coercion_rank(std::string_view type) {
  static constexpr std::string_view kNumbers[] = {"smallint", "integer", "bigint",
                                                  "numeric",  "real",    "double precision"};
  static constexpr std::string_view kTimes[] = {"date", "timestamp", "timestamptz"};
  for (int i = 0; i < static_cast<int>(std::size(kNumbers)); ++i) {
    if (kNumbers[i] == type) return std::pair{0, i};
  }
  for (int i = 0; i < static_cast<int>(std::size(kTimes)); ++i) {
    if (kTimes[i] == type) return std::pair{1, i};
  }
  return std::nullopt;
}

// numeric(10,2) -> numeric
std::string_view base_type(std::string_view type) {
  return type.substr(0, type.find('('));
}

bool is_arithmetic_or_comparison(std::string_view op) {
  static constexpr std::string_view kOperators[] = {"+",  "-",  "*", "/", "%",  "^", "=",
                                                    "<>", "!=", "<", ">", "<=", ">="};
  return std::find(std::begin(kOperators), std::end(kOperators), op) != std::end(kOperators);
}

const std::string* column_type(const Node& node, const ColumnTypes& columns) {
  if (node.kind != Kind::Column || node.names.size() != 1) return nullptr;
  const auto it = columns.find(node.names.front());
  return it == columns.end() ? nullptr : &it->second;
}

// The type of `node` where it is plain to see (a column, a cast, a number, arithmetic on operands
// of one type), without modifiers; empty when it is not.
std::string type_of(const Node& node, const ColumnTypes& columns) {
  switch (node.kind) {
    case Kind::Column: {
      const std::string* type = column_type(node, columns);
      return type == nullptr ? std::string() : std::string(base_type(*type));
    }
    case Kind::Cast:
      return node.text;
    case Kind::Literal:
      if (!is_number(node)) return {};
      if (!all_digits(node.text)) return "numeric";
      return node.text.size() < 10 || (node.text.size() == 10 && node.text <= "2147483647") ? "integer" : "bigint";
    case Kind::Unary:
      return type_of(node.children[0], columns);
    case Kind::Binary: {
      if (!is_arithmetic_or_comparison(node.text)) return {};
      std::string left = type_of(node.children[0], columns);
      return left == type_of(node.children[1], columns) ? left : std::string();
    }
    default:
      return {};
  }
}

// (qty)::numeric * price, with qty an integer and price numeric: PostgreSQL's spelling of qty *
// price. Only a column coerced up its own list to exactly the other operand's type loses its cast.
void drop_implicit_casts(Node& node, const ColumnTypes& columns) {
  if (!is_arithmetic_or_comparison(node.text)) return;
  // created_at > '2020-01-01': the server prints the literal as a value of the column's type.
  for (std::size_t side = 0; side < 2; ++side) {
    if (!is_string(node.children[side])) continue;
    if (auto text = datetime_literal(node.children[side].text, type_of(node.children[1 - side], columns))) {
      node.children[side].text = std::move(*text);
    }
  }
  for (std::size_t side = 0; side < 2; ++side) {
    Node& cast = node.children[side];
    if (cast.kind != Kind::Cast) continue;
    const std::string* type = column_type(cast.children[0], columns);
    if (type == nullptr) continue;
    const auto from = coercion_rank(base_type(*type));
    const auto to = coercion_rank(cast.text);
    if (!from || !to || from->first != to->first || to->second <= from->second) continue;
    if (type_of(node.children[1 - side], columns) != cast.text) continue;
    replace_with_child(cast, 0);
  }
}

void flatten(Node& node) {
  std::vector<Node> flat;
  for (Node& child : node.children) {
    if (child.kind == node.kind) {
      for (Node& grandchild : child.children) flat.push_back(std::move(grandchild));
    } else {
      flat.push_back(std::move(child));
    }
  }
  node.children = std::move(flat);
}

}  // namespace

void canonicalize(Node& node, const ColumnTypes* columns) {
  for (Node& child : node.children) canonicalize(child, columns);
  switch (node.kind) {
    case Kind::Cast:
      rewrite_cast(node);
      return;
    case Kind::Call:
      rewrite_call(node);
      return;
    case Kind::Binary:
      if (columns != nullptr) drop_implicit_casts(node, *columns);
      rewrite_binary(node);
      return;
    case Kind::AnyAll:
      rewrite_any_all(node);
      if (node.kind == Kind::InList) rewrite_in_list(node);
      return;
    case Kind::InList:
      rewrite_in_list(node);
      return;
    case Kind::And:
    case Kind::Or:
      flatten(node);
      return;
    default:
      return;
  }
}

}  // namespace strata::expr
