// make_plan(): changes -> a dependency graph (Boost.Graph) -> a topological order with a fixed
// tie-break -> steps with their SQL and hazards.
#include <algorithm>
#include <map>
#include <queue>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>
#include <boost/graph/adjacency_list.hpp>

#include "engine/plan/dependencies.hpp"
#include "strata/diff.hpp"
#include "strata/errors.hpp"
#include "strata/plan.hpp"

namespace strata {

namespace {

using Graph = boost::adjacency_list<boost::setS, boost::vecS, boost::bidirectionalS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

Graph dependency_graph(const ChangeSet& changes) {
  Graph graph(changes.size());
  struct Roles {
    std::vector<std::size_t> creators, users, releasers, removers;
  };
  std::unordered_map<std::string, Roles> roles;
  std::vector<plan_detail::Resources> resources;
  resources.reserve(changes.size());
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const auto& r = resources.emplace_back(plan_detail::resources_of(changes[i]));
    for (const auto& key : r.creates) roles[key].creators.push_back(i);
    for (const auto& key : r.uses) roles[key].users.push_back(i);
    for (const auto& key : r.releases) roles[key].releasers.push_back(i);
    for (const auto& key : r.removes) roles[key].removers.push_back(i);
  }
  auto edge = [&](std::size_t before, std::size_t after) {
    if (before != after) boost::add_edge(before, after, graph);
  };
  // True when `remover` frees a name that `creator` takes.
  auto share_name = [&](std::size_t remover, std::size_t creator) {
    for (const auto& removed : resources[remover].removes) {
      if (plan_detail::is_key_resource(removed)) continue;
      const auto& created = resources[creator].creates;
      if (std::find(created.begin(), created.end(), removed) != created.end()) return true;
    }
    return false;
  };
  for (const auto& [key, role] : roles) {
    for (auto a : role.creators) {
      for (auto u : role.users) edge(a, u);
    }
    for (auto r : role.releasers) {
      for (auto d : role.removers) edge(r, d);
    }
    const bool key_resource = plan_detail::is_key_resource(key);
    for (auto d : role.removers) {
      if (std::find(role.creators.begin(), role.creators.end(), d) != role.creators.end()) continue;  // in place
      for (auto a : role.creators) {
        if (key_resource && !share_name(d, a)) {
          edge(a, d);  // the replacement key first
        } else {
          edge(d, a);
        }
      }
    }
  }
  return graph;
}

// Kahn's algorithm, always taking the ready change with the lowest (priority, position).
std::vector<std::size_t> ordered(const ChangeSet& changes, const Graph& graph) {
  using Key = std::tuple<int, std::size_t>;
  std::priority_queue<Key, std::vector<Key>, std::greater<>> ready;
  std::vector<std::size_t> waiting(changes.size());
  for (std::size_t v = 0; v < changes.size(); ++v) {
    waiting[v] = boost::in_degree(v, graph);
    if (waiting[v] == 0) ready.emplace(plan_detail::priority_of(changes[v]), v);
  }
  std::vector<std::size_t> order;
  order.reserve(changes.size());
  while (!ready.empty()) {
    const auto v = std::get<1>(ready.top());
    ready.pop();
    order.push_back(v);
    for (auto [e, end] = boost::out_edges(v, graph); e != end; ++e) {
      const Vertex next = boost::target(*e, graph);
      if (--waiting[next] == 0) ready.emplace(plan_detail::priority_of(changes[next]), next);
    }
  }
  if (order.size() != changes.size()) {
    std::string stuck;
    for (std::size_t v = 0; v < changes.size(); ++v) {
      if (waiting[v] > 0) stuck += "\n  " + describe(changes[v]);
    }
    throw PlanError("these changes depend on each other in a cycle and cannot be ordered:" + stuck);
  }
  return order;
}

}  // namespace

Plan make_plan(const ChangeSet& changes, const Dialect& dialect) {
  Plan plan;
  plan.dialect = std::string(dialect.name());
  const Graph graph = dependency_graph(changes);
  for (const std::size_t index : ordered(changes, graph)) {
    const Change& change = changes[index];
    ChangeSql sql = dialect.emit(change);
    if (sql.statements.empty()) continue;
    plan.steps.push_back(Step{describe(change), std::move(sql.statements), dialect.hazards(change), sql.transactional});
  }
  return plan;
}

Plan plan_changes(const Schema& live, const Schema& declared, const Dialect& dialect) {
  dialect.check(live, declared);
  return make_plan(diff(live, declared, dialect), dialect);
}

std::vector<std::string> create_statements(const Schema& schema, const Dialect& dialect) {
  std::vector<std::string> out;
  for (auto& step : plan_changes(Schema{}, schema, dialect).steps) {
    for (auto& statement : step.statements) out.push_back(std::move(statement));
  }
  return out;
}

std::set<HazardKind> Plan::hazard_kinds() const {
  std::set<HazardKind> kinds;
  for (const auto& step : steps) {
    for (const auto& hazard : step.hazards) kinds.insert(hazard.kind);
  }
  return kinds;
}

}  // namespace strata
