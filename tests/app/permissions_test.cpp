// The permission table of docs/accounts.md, cell by cell: a change to a role's rights changes
// this table and the documentation together.
#include <gtest/gtest.h>

#include "parscore/app/permissions.hpp"

namespace parscore::app {
namespace {

using accounts::Role;
using G = Grant;
constexpr G N = G::Denied;
constexpr G Y = G::Granted;

struct Row {
    Action action;
    G admin, office, author, inspector, agency;
};

// clang-format off
constexpr Row kTable[] = {
    //                                 admin office author inspector agency
    {Action::ManageAccounts,           Y,    N,     N,     N,        N},
    {Action::ReadReference,            Y,    Y,     Y,     Y,        Y},
    {Action::ReadEvaluation,           Y,    Y,     Y,     N,        G::OwnUnit},
    {Action::ReadInspections,          Y,    Y,     Y,     Y,        G::OwnUnitOnceSubmitted},
    {Action::RecordInspection,         Y,    Y,     N,     G::OwnRecords, N},
    {Action::RecordSelf,               Y,    Y,     N,     N,        G::OwnUnit},
    {Action::Comment,                  Y,    Y,     Y,     Y,        Y},
    {Action::ReturnOrLock,             Y,    Y,     N,     N,        N},
    {Action::DraftRules,               Y,    Y,     Y,     N,        N},
    {Action::Administer,               Y,    Y,     N,     N,        N},
    {Action::DraftReport,              Y,    Y,     N,     N,        N},
};
// clang-format on

TEST(Permissions, EveryCellOfTheTable) {
    ASSERT_EQ(std::size(kTable), std::size(kActions));
    for (std::size_t i = 0; i < std::size(kTable); ++i) {
        const Row& row = kTable[i];
        EXPECT_EQ(row.action, kActions[i]);
        SCOPED_TRACE(static_cast<int>(row.action));
        EXPECT_EQ(grant(Role::admin, row.action), row.admin);
        EXPECT_EQ(grant(Role::office, row.action), row.office);
        EXPECT_EQ(grant(Role::author, row.action), row.author);
        EXPECT_EQ(grant(Role::inspector, row.action), row.inspector);
        EXPECT_EQ(grant(Role::agency, row.action), row.agency);
    }
}

}  // namespace
}  // namespace parscore::app
