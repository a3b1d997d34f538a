#include "support/crdb_standin/sql_select.hpp"

#include <set>

namespace strata::standin {
namespace {

using Kind = Expr::Kind;

// Words that end an expression or a select item rather than naming a column.
const std::set<std::string> kReserved = {
    "all",    "and",   "any",   "as",       "asc",     "by",     "desc",  "false", "for",    "from",  "full",
    "in",     "inner", "is",    "join",     "left",    "like",   "limit", "not",   "null",   "on",    "or",
    "order",  "outer", "right", "select",   "true",    "update", "where", "group", "having", "union", "with",
    "offset", "cross", "ilike", "distinct", "between", "case",   "when",  "then",  "else",   "end",   "array",
};

ExprPtr make(Kind kind, std::vector<ExprPtr> args = {}, std::string name = "") {
  auto expr = std::make_shared<Expr>();
  expr->kind = kind;
  expr->args = std::move(args);
  expr->name = std::move(name);
  return expr;
}

class Parser {
 public:
  explicit Parser(const std::vector<Token>& tokens) : tokens_(tokens) {}

  Select select() {
    expect_word("SELECT");
    if (peek_word("DISTINCT")) throw Unsupported("SELECT DISTINCT");
    Select out;
    do out.items.push_back(item());
    while (accept_punct(','));
    if (accept_word("FROM")) from(out);
    if (accept_word("WHERE")) out.where = expression();
    if (accept_word("ORDER")) order(out);
    if (accept_word("LIMIT")) out.limit = std::stoll(take(TokenKind::Number).text);
    if (accept_word("FOR")) {
      expect_word("UPDATE");
      out.for_update = true;
    }
    if (at_ != tokens_.size()) throw Unsupported("unexpected '" + tokens_[at_].text + "'");
    return out;
  }

 private:
  // ---- token helpers
  const Token* peek(size_t ahead = 0) const { return at_ + ahead < tokens_.size() ? &tokens_[at_ + ahead] : nullptr; }
  bool peek_word(std::string_view word, size_t ahead = 0) const { return peek(ahead) && peek(ahead)->is(word); }
  bool peek_punct(char c, size_t ahead = 0) const { return peek(ahead) && peek(ahead)->is_punct(c); }
  bool accept_word(std::string_view word) { return peek_word(word) ? (++at_, true) : false; }
  bool accept_punct(char c) { return peek_punct(c) ? (++at_, true) : false; }
  void expect_word(std::string_view word) {
    if (!accept_word(word)) throw Unsupported("expected " + std::string(word));
  }
  void expect_punct(char c) {
    if (!accept_punct(c)) throw Unsupported(std::string("expected '") + c + "'");
  }
  const Token& take(TokenKind kind) {
    if (!peek() || peek()->kind != kind) throw Unsupported("unexpected end or token");
    return tokens_[at_++];
  }
  bool name_ahead(size_t ahead = 0) const {
    const Token* token = peek(ahead);
    return token &&
           (token->kind == TokenKind::QuotedName || (token->kind == TokenKind::Word && !kReserved.count(token->name)));
  }
  std::string name() {
    if (!name_ahead()) throw Unsupported("expected a name");
    return tokens_[at_++].name;
  }

  // ---- clauses
  SelectItem item() {
    SelectItem out;
    if (peek() && peek()->is_op("*")) {
      ++at_;
      out.star = true;
      return out;
    }
    if (name_ahead() && peek_punct('.', 1) && peek(2) && peek(2)->is_op("*")) {
      out.star_qualifier = name();
      at_ += 2;
      out.star = true;
      return out;
    }
    out.expr = expression();
    if (accept_word("AS")) {
      out.alias = name();
    } else if (name_ahead()) {
      out.alias = name();
    }
    return out;
  }

  Source source() {
    Source out;
    if (accept_punct('[')) {
      int depth = 1;
      for (; peek(); ++at_) {
        if (peek()->is_punct('[')) ++depth;
        if (peek()->is_punct(']') && --depth == 0) break;
        out.show += (out.show.empty() ? "" : " ") + peek()->text;
      }
      expect_punct(']');
      if (out.show.empty() || !tokenize(out.show).front().is("SHOW")) throw Unsupported("[ ] that is not a SHOW");
    } else {
      out.relation = name();
      if (accept_punct('.')) out.relation += "." + name();
      if (accept_punct('.')) out.relation += "." + name();
    }
    if (accept_word("AS")) {
      out.alias = name();
    } else if (name_ahead()) {
      out.alias = name();
    }
    return out;
  }

  void from(Select& out) {
    out.from.push_back(source());
    for (;;) {
      if (accept_punct(',')) throw Unsupported("FROM a, b");
      accept_word("INNER");
      if (!accept_word("JOIN")) return;
      Source joined = source();
      expect_word("ON");
      joined.on = expression();
      out.from.push_back(std::move(joined));
    }
  }

  void order(Select& out) {
    expect_word("BY");
    do {
      OrderKey key{expression(), false};
      if (accept_word("DESC")) {
        key.descending = true;
      } else {
        accept_word("ASC");
      }
      if (peek_word("NULLS")) throw Unsupported("NULLS FIRST/LAST");
      out.order.push_back(std::move(key));
    } while (accept_punct(','));
  }

  // ---- expressions, loosest binding first
  ExprPtr expression() {
    ExprPtr left = conjunction();
    while (accept_word("OR")) left = make(Kind::Or, {left, conjunction()});
    return left;
  }

  ExprPtr conjunction() {
    ExprPtr left = negation();
    while (accept_word("AND")) left = make(Kind::And, {left, negation()});
    return left;
  }

  ExprPtr negation() {
    if (accept_word("NOT")) return make(Kind::Not, {negation()});
    return comparison();
  }

  ExprPtr comparison() {
    ExprPtr left = additive();
    const Token* token = peek();
    if (!token) return left;
    static const std::set<std::string> kCompare = {"=", "<>", "!=", "<", "<=", ">", ">="};
    if (token->kind == TokenKind::Operator && kCompare.count(token->text)) {
      const std::string op = tokens_[at_++].text == "!=" ? "<>" : tokens_[at_ - 1].text;
      if (accept_word("ANY")) {
        expect_punct('(');
        ExprPtr array = expression();
        expect_punct(')');
        return make(Kind::Any, {left, array}, op);
      }
      return make(Kind::Compare, {left, additive()}, op);
    }
    if (accept_word("IS")) {
      auto expr = make(Kind::IsNull, {left});
      std::const_pointer_cast<Expr>(expr)->negated = accept_word("NOT");
      expect_word("NULL");
      return expr;
    }
    const bool negated = peek_word("NOT") && (peek_word("IN", 1) || peek_word("LIKE", 1)) && (++at_, true);
    if (accept_word("IN")) return in_list(left, negated);
    if (accept_word("LIKE")) {
      auto expr = make(Kind::Like, {left, additive()});
      std::const_pointer_cast<Expr>(expr)->negated = negated;
      return expr;
    }
    if (negated) throw Unsupported("NOT after an expression");
    return left;
  }

  ExprPtr in_list(ExprPtr left, bool negated) {
    expect_punct('(');
    if (peek_word("SELECT")) throw Unsupported("IN (SELECT …)");
    std::vector<ExprPtr> args{std::move(left)};
    do args.push_back(additive());
    while (accept_punct(','));
    expect_punct(')');
    auto expr = make(Kind::In, std::move(args));
    std::const_pointer_cast<Expr>(expr)->negated = negated;
    return expr;
  }

  ExprPtr additive() {
    ExprPtr left = cast();
    while (peek() && (peek()->is_op("+") || peek()->is_op("-") || peek()->is_op("||"))) {
      const std::string op = tokens_[at_++].text;
      left = make(Kind::Arithmetic, {left, cast()}, op);
    }
    return left;
  }

  ExprPtr cast() {
    ExprPtr expr = primary();
    while (peek() && peek()->kind == TokenKind::Cast) {
      ++at_;
      auto node = make(Kind::Cast, {expr});
      std::string type = to_upper(take(TokenKind::Word).text);
      if (accept_punct('[')) {
        expect_punct(']');
        type += "[]";
      }
      std::const_pointer_cast<Expr>(node)->type = type;
      expr = node;
    }
    return expr;
  }

  ExprPtr literal(std::string text, std::string type) {
    auto expr = make(Kind::Literal, {}, std::move(text));
    std::const_pointer_cast<Expr>(expr)->type = std::move(type);
    return expr;
  }

  ExprPtr primary() {
    const Token* token = peek();
    if (!token) throw Unsupported("unexpected end");
    if (token->kind == TokenKind::String) {
      ++at_;
      return literal(token->name, "STRING");
    }
    if (token->kind == TokenKind::Number) {
      ++at_;
      return literal(token->text, token->text.find_first_of(".eE") == std::string::npos ? "INT8" : "DECIMAL");
    }
    if (token->is_op("-") && peek(1) && peek(1)->kind == TokenKind::Number) {
      const std::string digits = peek(1)->text;
      at_ += 2;
      return literal("-" + digits, digits.find_first_of(".eE") == std::string::npos ? "INT8" : "DECIMAL");
    }
    if (token->kind == TokenKind::Param) {
      ++at_;
      auto expr = make(Kind::Param);
      std::const_pointer_cast<Expr>(expr)->param = token->number;
      return expr;
    }
    if (accept_word("NULL")) return make(Kind::Null);
    if (accept_word("TRUE")) return literal("true", "BOOL");
    if (accept_word("FALSE")) return literal("false", "BOOL");
    if (accept_punct('(')) {
      if (peek_word("SELECT")) throw Unsupported("subquery");
      ExprPtr inner = expression();
      expect_punct(')');
      return inner;
    }
    if (peek_word("CURRENT_USER") || peek_word("SESSION_USER")) {
      const std::string which = tokens_[at_++].name;
      if (accept_punct('(')) expect_punct(')');
      return make(Kind::Call, {}, which);
    }
    return name_or_call();
  }

  ExprPtr name_or_call() {
    std::string first = name();
    std::string second;
    if (peek_punct('.') && name_ahead(1)) {
      ++at_;
      second = name();
    }
    if (accept_punct('(')) {
      std::vector<ExprPtr> args;
      if (!accept_punct(')')) {
        if (peek_word("DISTINCT") || (peek() && peek()->is_op("*"))) throw Unsupported("aggregate call");
        do args.push_back(expression());
        while (accept_punct(','));
        expect_punct(')');
      }
      return make(Kind::Call, std::move(args), second.empty() ? first : first + "." + second);
    }
    if (peek_punct('.')) throw Unsupported("a name with three parts");
    auto expr = make(Kind::Column, {}, second.empty() ? first : second);
    if (!second.empty()) std::const_pointer_cast<Expr>(expr)->qualifier = first;
    return expr;
  }

  const std::vector<Token>& tokens_;
  size_t at_ = 0;
};

}  // namespace

Select parse_select(const std::vector<Token>& tokens) {
  return Parser(tokens).select();
}

std::string default_column_name(const Expr& expr) {
  switch (expr.kind) {
    case Kind::Column:
      return expr.name;
    case Kind::Cast:
      return default_column_name(*expr.args[0]);
    case Kind::Call: {
      const auto dot = expr.name.rfind('.');
      return dot == std::string::npos ? expr.name : expr.name.substr(dot + 1);
    }
    default:
      return "?column?";
  }
}

}  // namespace strata::standin
