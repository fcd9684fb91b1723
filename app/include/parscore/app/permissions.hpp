#pragma once
// What each role may do (docs/accounts.md, "Roles"): the permission table as data. An operation
// asks `grant(role, action)` once, then applies the grant's condition to the object at hand (the
// unit it belongs to, who recorded it, whether it is submitted); no other code decides a
// permission.
#include "parscore/accounts/login.hpp"

namespace parscore::app {

/// One row of the permission table.
enum class Action {
    ManageAccounts,    // accounts and tokens; reading the audit log
    ReadReference,     // units, adopted rulebooks and publications
    ReadEvaluation,    // scores, ranks, explanations, summary and gap of unpublished evaluations
    ReadInspections,   // inspections with their findings, attachments and comments; template; verify
    RecordInspection,  // record an inspection of a kind other than `self`; amend, submit, attach to it
    RecordSelf,        // record the unit's self-assessment; amend, submit, attach to it
    Comment,           // comment on an inspection the account may read
    ReturnOrLock,      // return or lock an inspection
    DraftRules,        // check and test rulebook drafts; what-if diff against a year's evidence
    Administer,        // adopt a rulebook, import CSV, import units, merge, publish
    DraftReport,       // draft the province's yearly report (`parscore report`)
};

/// A role's answer for one action, always within the account's scope.
enum class Grant {
    Denied,
    Granted,               // anything in scope
    OwnUnit,               // only the account's own unit (an agency)
    OwnRecords,            // only inspections the account recorded (an inspector amending)
    OwnUnitOnceSubmitted,  // the own unit's inspections once submitted, and its own self-assessments (an agency
                           // reading)
};

Grant grant(accounts::Role role, Action action);

/// Every action, in the table's order (for tests and for listing an account's rights).
inline constexpr Action kActions[] = {Action::ManageAccounts,  Action::ReadReference,    Action::ReadEvaluation,
                                      Action::ReadInspections, Action::RecordInspection, Action::RecordSelf,
                                      Action::Comment,         Action::ReturnOrLock,     Action::DraftRules,
                                      Action::Administer,      Action::DraftReport};

}  // namespace parscore::app
