// The usual order of a plan's changes, where their dependencies leave it open (priority_of).
#include "engine/plan/dependencies.hpp"

namespace strata::plan_detail {

namespace {

struct Priority {
  int operator()(const CreateSchema&) const { return 0; }
  int operator()(const CreateExtension&) const { return 0; }
  int operator()(const AlterExtension&) const { return 0; }
  int operator()(const DropExtension&) const { return 23; }
  int operator()(const SetPrimaryRegion&) const { return 1; }
  int operator()(const AddRegion&) const { return 2; }
  int operator()(const SetSurvivalGoal&) const { return 3; }
  int operator()(const CreateEnum&) const { return 4; }
  int operator()(const AddEnumValue&) const { return 4; }
  int operator()(const CreateSequence&) const { return 5; }
  int operator()(const AlterSequence&) const { return 5; }
  int operator()(const DropForeignKey&) const { return 6; }
  int operator()(const DropCheck&) const { return 7; }
  int operator()(const DropUnique&) const { return 7; }
  int operator()(const DropIndex&) const { return 7; }
  int operator()(const RenameTable&) const { return 8; }
  int operator()(const RenameColumn&) const { return 9; }
  int operator()(const RenameIndex&) const { return 9; }
  int operator()(const SetIndexVisibility&) const { return 15; }
  int operator()(const CreateTable&) const { return 10; }
  int operator()(const AddColumn&) const { return 11; }
  int operator()(const RecreateEnum&) const { return 12; }
  int operator()(const AlterColumn&) const { return 12; }
  int operator()(const SetPrimaryKey&) const { return 13; }
  int operator()(const DropColumn&) const { return 14; }
  int operator()(const CreateIndex&) const { return 15; }
  int operator()(const AddUnique&) const { return 15; }
  int operator()(const AddCheck&) const { return 16; }
  int operator()(const AddForeignKey&) const { return 17; }
  int operator()(const SetLocality&) const { return 18; }
  int operator()(const SetTableTtl&) const { return 18; }
  int operator()(const SetComment&) const { return 18; }
  int operator()(const DropTable&) const { return 19; }
  int operator()(const DropSequence&) const { return 20; }
  int operator()(const DropEnum&) const { return 20; }
  int operator()(const DropRegion& c) const { return c.primary ? 22 : 21; }
  int operator()(const DropView&) const { return 6; }
  int operator()(const CreateView&) const { return 18; }
  int operator()(const ReplaceView&) const { return 18; }
  // Functions before tables (a default may call one), triggers after them; drops the other way.
  int operator()(const CreateRoutine&) const { return 5; }
  int operator()(const ReplaceRoutine&) const { return 18; }
  int operator()(const DropRoutine&) const { return 20; }
  int operator()(const CreateTrigger&) const { return 18; }
  int operator()(const DropTrigger&) const { return 6; }
};

}  // namespace

int priority_of(const Change& change) {
  return std::visit(Priority{}, change);
}

}  // namespace strata::plan_detail
