// CREATE DATABASE and ALTER DATABASE: the multi-region settings (primary region, regions,
// survival goal). Other database options are read and left out.
#include <algorithm>

#include <fmt/format.h>

#include "dialects/cockroachdb/ddl/context.hpp"

namespace strata::cockroachdb {

namespace {

std::string region_name(Cursor& cursor) {
  if (cursor.peek().kind == TokenKind::String) return cursor.expect_string("a region");
  return cursor.expect_name("a region name");
}

void add_region(Database& database, const std::string& region) {
  auto& regions = database.regions;
  if (std::find(regions.begin(), regions.end(), region) == regions.end()) {
    regions.insert(std::upper_bound(regions.begin(), regions.end(), region), region);
  }
}

void set_primary_region(Database& database, const std::string& region) {
  database.primary_region = region;
  add_region(database, region);
}

SurvivalGoal parse_survival_goal(Cursor& cursor) {
  cursor.accept_symbol("=");
  SurvivalGoal goal = SurvivalGoal::Zone;
  if (cursor.accept("region")) {
    goal = SurvivalGoal::Region;
  } else if (!cursor.accept("zone")) {
    cursor.fail("REGION or ZONE after SURVIVE");
  }
  cursor.expect("failure");
  return goal;
}

void skip_placement(Context& context, Cursor& cursor, const std::string& database) {
  if (!cursor.accept("restricted") && !cursor.accept("default")) cursor.fail("RESTRICTED or DEFAULT after PLACEMENT");
  context.note(NoteKind::Placement, fmt::format("database {}: PLACEMENT", database));
}

// An option such as ENCODING = 'UTF8', OWNER = x, CONNECTION LIMIT = 3: read and left out.
bool skip_plain_option(Cursor& cursor) {
  if (cursor.accept("encoding") || cursor.accept("template") || cursor.accept("lc_collate") ||
      cursor.accept("lc_ctype") || cursor.accept("owner") || cursor.accept_words({"connection", "limit"})) {
    cursor.accept_symbol("=");
    if (cursor.peek().kind == TokenKind::String || cursor.peek().kind == TokenKind::Number) {
      cursor.next();
    } else if (cursor.is_symbol("-")) {
      cursor.expect_integer("a number");
    } else {
      cursor.expect_name("an option value");
    }
    return true;
  }
  return false;
}

}  // namespace

void create_database(Context& context, Cursor& cursor) {
  const bool if_not_exists = cursor.accept_words({"if", "not", "exists"});
  const std::string name = cursor.expect_name("a database name");
  if (context.find_database(name) != nullptr) {
    if (!if_not_exists) cursor.fail_statement(fmt::format("database {} already exists", name));
    cursor.rest();
    return;
  }
  Database database;
  database.name = name;
  cursor.accept("with");
  while (!cursor.at_end()) {
    if (cursor.accept_words({"primary", "region"})) {
      cursor.accept_symbol("=");
      set_primary_region(database, region_name(cursor));
    } else if (cursor.accept("regions")) {
      cursor.accept_symbol("=");
      do {
        add_region(database, region_name(cursor));
      } while (cursor.accept_symbol(","));
    } else if (cursor.accept("survive")) {
      database.survival_goal = parse_survival_goal(cursor);
    } else if (cursor.accept("placement")) {
      skip_placement(context, cursor, name);
    } else if (!skip_plain_option(cursor)) {
      cursor.fail("PRIMARY REGION, REGIONS, SURVIVE, PLACEMENT or a database option");
    }
  }
  if (!database.regions.empty() && database.primary_region.empty()) {
    cursor.fail_statement("REGIONS needs a PRIMARY REGION");
  }
  if (database.survival_goal && database.primary_region.empty()) {
    cursor.fail_statement("SURVIVE needs a PRIMARY REGION");
  }
  context.add_database(name) = database;
}

void alter_database(Context& context, Cursor& cursor) {
  const std::string name = cursor.expect_name("a database name");
  Database* database = context.find_database(name);
  if (database == nullptr) database = &context.add_database(name);
  if (cursor.accept_words({"add", "region"})) {
    const bool if_not_exists = cursor.accept_words({"if", "not", "exists"});
    const std::string region = region_name(cursor);
    if (database->primary_region.empty()) cursor.fail_statement("ADD REGION needs a PRIMARY REGION first");
    const bool present =
        std::find(database->regions.begin(), database->regions.end(), region) != database->regions.end();
    if (present && !if_not_exists) cursor.fail_statement(fmt::format("region {} is already a database region", region));
    add_region(*database, region);
  } else if (cursor.accept_words({"drop", "region"})) {
    const bool if_exists = cursor.accept_words({"if", "exists"});
    const std::string region = region_name(cursor);
    const bool removed = std::erase(database->regions, region) > 0;
    if (!removed && !if_exists) cursor.fail_statement(fmt::format("region {} is not a database region", region));
    if (region == database->primary_region) {
      if (!database->regions.empty()) {
        database->regions.push_back(region);
        std::sort(database->regions.begin(), database->regions.end());
        cursor.fail_statement("the primary region can be dropped only when it is the last region");
      }
      database->primary_region.clear();
      database->survival_goal.reset();
    }
  } else if (cursor.accept_words({"set", "primary", "region"}) || cursor.accept_words({"primary", "region"})) {
    cursor.accept_symbol("=");
    set_primary_region(*database, region_name(cursor));
  } else if (cursor.accept("survive")) {
    database->survival_goal = parse_survival_goal(cursor);
  } else if (cursor.accept("placement")) {
    skip_placement(context, cursor, name);
  } else {
    context.note(NoteKind::NonSchemaStatement, fmt::format("ALTER DATABASE {} {}", name, cursor.rest()));
  }
}

}  // namespace strata::cockroachdb
