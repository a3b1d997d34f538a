#include <fmt/format.h>

#include "tools/strata/commands.hpp"
#include "tools/strata/output.hpp"

#include "strata/compare.hpp"
#include "strata/errors.hpp"
#include "strata/redact.hpp"

namespace strata::cli {

std::string render_plan(const Plan& plan, const std::string& format);

namespace {

struct DiffArgs {
  std::vector<std::string> from;
  std::vector<std::string> to;
  std::string dialect;
  std::string format = "text";
  std::string output;
  ConnectionArgs connection;  // the timeouts; the URLs are --from and --to
};

bool is_url(const std::string& value) {
  return value.find("://") != std::string::npos;
}

// --from or --to: one database URL, or declared-schema paths.
SchemaSource source_of(const std::vector<std::string>& values, const char* option) {
  std::size_t urls = 0;
  for (const auto& value : values) urls += is_url(value) ? 1 : 0;
  if (urls == 0) return SchemaSource::declared(values);
  if (values.size() == 1) return SchemaSource::database(values.front());
  throw UsageError(fmt::format("{} takes one database URL, or declared-schema paths, not both or two URLs", option));
}

std::string describe(const SchemaSource& source) {
  return source.is_database() ? redact_url(source.url) : fmt::format("{}", fmt::join(source.paths, ", "));
}

}  // namespace

void add_diff_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<DiffArgs>();
  auto* cmd = app.add_subcommand("diff",
                                 "Compare two schemas: two databases, a database and a declared schema, or two "
                                 "declared schemas");
  cmd->footer(
      "Prints the steps that would turn --from into --to, made by the planner of `strata plan` (same\n"
      "steps, same hazards). Changes nothing. Each side is a database URL (postgresql://, postgres://,\n"
      "cockroachdb://) or declared-schema files and directories. Two databases are read at the same\n"
      "time on two connections, every user schema but strata's own tables; a database compared with a\n"
      "declared schema is read as `strata plan` reads it. Exit code 0 when they are the same, 1 when\n"
      "they differ. Examples:\n"
      "  strata diff --from postgresql://app@staging/shop --to postgresql://app@prod/shop\n"
      "  strata diff --from \"$DATABASE_URL\" --to schema/ --format sql\n"
      "  strata diff --from old/schema.yaml --to schema/ --dialect cockroachdb");
  cmd->add_option("--from", args->from, "What is changed: a database URL, or declared-schema files or directories")
      ->required();
  cmd->add_option("--to", args->to, "What it would become: a database URL, or declared-schema files or directories")
      ->required();
  cmd->add_option("--dialect", args->dialect,
                  "Two declared schemas: the dialect to compare and plan in (default: "
                  "postgres); with a database it must be the server's")
      ->check(CLI::IsMember({"postgres", "cockroachdb"}));
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "sql", "json"}))
      ->capture_default_str();
  add_output_option(*cmd, args->output);
  add_timeout_options(*cmd, args->connection);
  cmd->callback([args, &run] {
    run = [args] {
      const SchemaSource from = source_of(args->from, "--from");
      const SchemaSource to = source_of(args->to, "--to");
      const Plan plan = compare_schemas(from, to, CompareOptions{args->connection.options(), args->dialect});
      std::string text = render_plan(plan, args->format);
      if (plan.empty() && args->format == "text") {
        text = fmt::format("No differences: {} and {} have the same schema.\n", describe(from), describe(to));
      }
      write_output(text, args->output);
      return static_cast<int>(plan.empty() ? ExitCode::Ok : ExitCode::Findings);
    };
  });
}

}  // namespace strata::cli
