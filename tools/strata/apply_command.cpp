
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "strata/apply.hpp"
#include "strata/declared_schema.hpp"
#include "strata/errors.hpp"
#include "tools/strata/commands.hpp"
#include "tools/strata/confirm.hpp"
#include "tools/strata/failure.hpp"
#include "tools/strata/progress.hpp"
#include "tools/strata/run_args.hpp"
#include "tools/strata/schema_args.hpp"

namespace strata::cli {

std::string render_plan(const Plan& plan, const std::string& format);

namespace {

struct ApplyArgs {
  RunArgs run;
  std::vector<std::string> schema_paths;
  std::string dialect;
  bool dry_run = false;
  bool auto_approve = false;
  std::vector<std::string> allowed;
  std::string format = "text";
};

std::set<HazardKind> parse_hazards(const std::vector<std::string>& names) {
  std::set<HazardKind> kinds;
  for (const auto& list : names) {
    std::stringstream items(list);
    std::string name;
    while (std::getline(items, name, ',')) {
      if (name.empty()) continue;
      if (name == "all") {
        for (auto kind : all_hazard_kinds()) kinds.insert(kind);
        continue;
      }
      const auto kind = hazard_from_name(name);
      if (!kind) {
        std::vector<std::string_view> known;
        for (auto k : all_hazard_kinds()) known.push_back(hazard_name(k));
        throw UsageError(
            fmt::format("unknown hazard '{}' in --allow-hazards; known: {}, all", name, fmt::join(known, ", ")));
      }
      kinds.insert(*kind);
    }
  }
  return kinds;
}

bool ask(const Plan& plan) {
  return ask_yes(fmt::format("\nApply these {} step{}?", plan.steps.size(), plan.steps.size() == 1 ? "" : "s"));
}

// The document `apply --format json` prints: the plan's JSON with what became of it.
nlohmann::json apply_document(const Plan& plan, bool dry_run, bool applied) {
  nlohmann::json document = nlohmann::json::parse(plan_to_json(plan));
  document["dry_run"] = dry_run;
  document["applied"] = applied;
  return document;
}

void print_json(const nlohmann::json& document) {
  std::cout << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n" << std::flush;
}

int run_apply(const ApplyArgs& args) {
  // With --format json or sql, standard output holds the document or the script and nothing else.
  const bool json = args.format == "json";
  const bool text = args.format == "text";
  const ConnectionArgs& connection = args.run.connection;
  const Schema declared = load_schema_paths(args.schema_paths, args.dialect, [&connection] {
    return server_dialect_name(require_url(connection.url), connection.options());
  });
  ApplyOptions options;
  options.allowed_hazards = parse_hazards(args.allowed);
  options.dry_run = args.dry_run;
  options.run = args.run.settings();
  ProgressPrinter progress;
  options.observer = &progress;
  if (!args.dry_run && !args.auto_approve && !on_terminal()) {
    throw UsageError(
        "standard input is not a terminal, so strata cannot ask before applying: pass --auto-approve "
        "(or --dry-run to see the plan)");
  }
  options.confirm = [&](const Plan& plan) {
    if (json) json_so_far() = apply_document(plan, false, false);
    if (!json) std::cout << render_plan(plan, args.format) << std::flush;
    if (args.auto_approve) return true;
    if (json) std::cerr << plan_to_text(plan) << std::flush;  // the person asked sees the plan
    return ask(plan);
  };
  const ApplyResult result = apply_schema(require_url(args.run.connection.url), declared, options);
  if (result.plan.empty() || args.dry_run) {
    if (json) {
      print_json(apply_document(result.plan, args.dry_run, false));
    } else {
      std::cout << (result.plan.empty() ? plan_to_text(result.plan) : render_plan(result.plan, args.format))
                << std::flush;
    }
    if (args.dry_run && !result.plan.empty()) (text ? std::cout : std::cerr) << "\nDry run: nothing was changed.\n";
    return 0;
  }
  if (!result.confirmed) throw FindingsError("not applied: the plan was not confirmed, and nothing was changed");
  if (json) print_json(apply_document(result.plan, false, true));
  std::cerr << fmt::format("Applied {} step{}; the database matches the declared schema.\n", result.plan.steps.size(),
                           result.plan.steps.size() == 1 ? "" : "s");
  return 0;
}

}  // namespace

void add_apply_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<ApplyArgs>();
  const ProjectConfig& config = project_config();
  args->allowed = config.allow_hazards;
  auto* cmd = app.add_subcommand("apply", "Change the database into the declared schema");
  cmd->footer(
      "Takes strata's lock, plans, refuses hazards that are not allowed, asks for confirmation on a\n"
      "terminal, runs the steps in order, then reads the schema again and fails if it still differs.\n"
      "A step that fails stops the run with the statement and the server's message; running apply\n"
      "again continues from there. Hazards: data-loss, table-rewrite, blocking-lock, index-build,\n"
      "constraint-validation, not-null-without-default, enum-value-removal, view-readers,\n"
      "view-refresh, routine-callers, trigger-dropped, primary-key-change, regional-by-row,\n"
      "region-drop, query-plans (or all);\n"
      "--allow-hazards replaces strata.yaml's allow_hazards.\n"
      "Ctrl-C (SIGINT) or SIGTERM stops after the running step (exit 130/143); a second signal at once.\n"
      "Example: strata apply --schema schema/ --allow-hazards index-build --auto-approve");
  add_run_options(*cmd, args->run);
  add_schema_paths_option(*cmd, args->schema_paths);
  cmd->add_option("--dialect", args->dialect, "The SQL of .sql schema files (default: the server's)")
      ->check(CLI::IsMember({"postgres", "cockroachdb"}));
  cmd->add_flag("--dry-run", args->dry_run, "Plan and check hazards, change nothing");
  cmd->add_option("--allow-hazards", args->allowed,
                  "Hazard kinds to accept, comma-separated (e.g. data-loss,index-build)")
      ->delimiter(',');
  cmd->add_flag("--auto-approve", args->auto_approve, "Do not ask for confirmation (needed when not on a terminal)");
  cmd->add_option("--format", args->format, "How to print the plan")
      ->check(CLI::IsMember({"text", "sql", "json"}))
      ->capture_default_str();
  cmd->callback([args, &run] { run = [args] { return run_apply(*args); }; });
}

}  // namespace strata::cli
