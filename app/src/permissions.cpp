#include "parscore/app/permissions.hpp"

namespace parscore::app {

namespace {

using accounts::Role;

// The rows an inspector may act on: what it recorded itself; admin and office: all in scope.
Grant record_inspection(Role role) {
    switch (role) {
        case Role::admin:
        case Role::office: return Grant::Granted;
        case Role::inspector: return Grant::OwnRecords;
        case Role::author:
        case Role::agency: return Grant::Denied;
    }
    return Grant::Denied;
}

Grant record_self(Role role) {
    switch (role) {
        case Role::admin:
        case Role::office: return Grant::Granted;
        case Role::agency: return Grant::OwnUnit;
        case Role::author:
        case Role::inspector: return Grant::Denied;
    }
    return Grant::Denied;
}

bool office_or_admin(Role role) { return role == Role::admin || role == Role::office; }

}  // namespace

Grant grant(Role role, Action action) {
    const auto yes_if = [](bool allowed) { return allowed ? Grant::Granted : Grant::Denied; };
    switch (action) {
        case Action::ManageAccounts: return yes_if(role == Role::admin);
        case Action::ReadReference:
        case Action::Comment: return Grant::Granted;
        case Action::ReadEvaluation:
            if (role == Role::agency) return Grant::OwnUnit;
            return yes_if(role != Role::inspector);
        case Action::ReadInspections: return role == Role::agency ? Grant::OwnUnitOnceSubmitted : Grant::Granted;
        case Action::RecordInspection: return record_inspection(role);
        case Action::RecordSelf: return record_self(role);
        case Action::ReturnOrLock:
        case Action::Administer:
        case Action::DraftReport: return yes_if(office_or_admin(role));
        case Action::DraftRules: return yes_if(office_or_admin(role) || role == Role::author);
    }
    return Grant::Denied;
}

}  // namespace parscore::app
