#include "parscore/app/access.hpp"

#include "parscore/app/store.hpp"
#include "parscore/core/utf8.hpp"

namespace parscore::app {

namespace ins = parscore::inspections;

namespace {

/// What an action does, as a refusal names it.
core::Text action_text(Action action) {
    switch (action) {
        case Action::ManageAccounts: return core::T_("manage accounts and tokens or read the audit log");
        case Action::ReadReference: return core::T_("read units, adopted rulebooks and publications");
        case Action::ReadEvaluation: return core::T_("read scores, ranks and explanations of unpublished evaluations");
        case Action::ReadInspections: return core::T_("read inspections");
        case Action::RecordInspection: return core::T_("record, amend, submit or attach to inspections");
        case Action::RecordSelf: return core::T_("record, amend, submit or attach to self-assessments");
        case Action::Comment: return core::T_("comment on inspections");
        case Action::ReturnOrLock: return core::T_("return or lock inspections");
        case Action::DraftRules: return core::T_("check and test rulebook drafts");
        case Action::Administer: return core::T_("adopt rulebooks, import, merge or publish");
        case Action::DraftReport: return core::T_("draft the province's yearly report");
    }
    return core::T_("do this");
}

Error own_unit_only(const ins::Account& account) {
    std::string unit;
    if (account.scope) unit = *account.scope;
    return Error(ErrorKind::Forbidden, core::T_("account '{login}' ({role}) acts only on its own unit '{unit}'",
                                                {{"login", account.login}, {"role", account.role}, {"unit", unit}}));
}

}  // namespace

Error unknown_inspection(std::string_view id) {
    return Error(ErrorKind::NotFound, core::T_("unknown inspection '{id}'", {{"id", core::sanitize_utf8(id)}}));
}

Error unknown_unit(std::string_view id) {
    return Error(ErrorKind::NotFound, core::T_("unknown unit '{id}'", {{"id", core::sanitize_utf8(id)}}));
}

void require_without_store(const StoreRequest& request, Action action) {
    if (request.actor.kind == Actor::Kind::SystemUser) return;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::ReadOnly);
        Access::of(request, store).require(action);
    });
}

Access::Access(const ins::Store* store, std::optional<ins::Account> account)
    : store_(store), account_(std::move(account)) {
    if (account_) role_ = accounts::parse_role(account_->role);
}

Access Access::of(const Request& request, ins::Store& store) {
    if (request.actor.kind == Actor::Kind::SystemUser) return Access(&store, std::nullopt);
    std::optional<ins::Account> account = store.find_account(request.actor.name);
    // Unknown and disabled read alike: the answer does not tell which logins exist.
    if (!account || account->disabled || !accounts::parse_role(account->role)) {
        throw Error(ErrorKind::Forbidden, core::T_("no active account '{login}' in this database",
                                                   {{"login", core::sanitize_utf8(request.actor.name)}}));
    }
    store.audit_as(ins::AuditContext{account->login, request.actor.address});
    return Access(&store, std::move(account));
}

bool Access::allows(Action action) const { return !role_ || grant(*role_, action) != Grant::Denied; }

Grant Access::require(Action action) const {
    if (!role_) return Grant::Granted;
    const Grant g = grant(*role_, action);
    if (g == Grant::Denied) {
        throw Error(ErrorKind::Forbidden, core::T_("account '{login}' ({role}) may not {action}",
                                                   {{"login", account_->login},
                                                    {"role", account_->role},
                                                    core::part("action", action_text(action))}));
    }
    return g;
}

void Access::require_everywhere(Action action) const {
    require(action);
    if (account_ && account_->scope) {
        throw Error(ErrorKind::Forbidden,
                    core::T_("account '{login}' is limited to unit '{unit}'; this covers the whole database and needs "
                             "an account without a scope",
                             {{"login", account_->login}, {"unit", *account_->scope}}));
    }
}

const std::map<std::string, std::optional<std::string>, std::less<>>& Access::parents() const {
    if (!parents_) {
        parents_.emplace();
        for (const ins::UnitInfo& u : store_->units()) parents_->emplace(u.id, u.parent);
    }
    return *parents_;
}

bool Access::in_scope(std::string_view unit) const {
    if (!account_ || !account_->scope) return true;
    const auto& all = parents();
    std::string_view at = unit;
    // A parent cycle cannot be stored (units import refuses one); the bound guards anyway.
    for (std::size_t steps = 0; steps <= all.size(); ++steps) {
        if (at == *account_->scope) return true;
        auto it = all.find(at);
        if (it == all.end() || !it->second) return false;
        at = *it->second;
    }
    return false;
}

std::vector<std::string> Access::units_in_scope() const {
    if (!account_ || !account_->scope) return store_->unit_ids();  // every unit: no parents to walk
    std::vector<std::string> ids;
    for (const auto& [id, parent] : parents()) {
        if (in_scope(id)) ids.push_back(id);
    }
    return ids;  // a std::map iterates in byte order
}

std::optional<std::vector<ins::UnitInfo>> Access::units_to_choose(
    std::size_t most, const std::function<bool(const ins::UnitInfo&)>& keep) const {
    const bool scoped = account_ && account_->scope;
    if (!scoped && store_->unit_count() > most) return std::nullopt;
    std::vector<ins::UnitInfo> units = store_->units();  // by id
    std::erase_if(units, [&](const ins::UnitInfo& u) { return !in_scope(u.id) || (keep && !keep(u)); });
    if (units.size() > most) return std::nullopt;
    return units;
}

ins::KnownUnits Access::known_units() const {
    return ins::KnownUnits(
        [this](std::string_view id) {
            if (!account_ || !account_->scope) return store_->find_unit(id).has_value();
            return parents().count(id) > 0 && in_scope(id);
        },
        [this] { return units_in_scope(); });
}

void Access::require_on_unit(Action action, std::string_view unit) const {
    if (!in_scope(unit)) throw unknown_unit(unit);
    const Grant g = require(action);
    if ((g == Grant::OwnUnit || g == Grant::OwnUnitOnceSubmitted) && unit != account_->scope) {
        throw own_unit_only(*account_);
    }
}

bool Access::may_read(const ins::InspectionSummary& inspection) const {
    if (!account_) return true;
    if (!in_scope(inspection.unit)) return false;
    switch (grant(*role_, Action::ReadInspections)) {
        case Grant::Denied: return false;
        case Grant::OwnUnitOnceSubmitted:
            // An agency sees its own self-assessment at every step (it writes it), and its unit's
            // inspections once they are submitted.
            return inspection.unit == account_->scope &&
                   (inspection.kind == ins::InspectionKind::Self || inspection.status == ins::Status::Submitted ||
                    inspection.status == ins::Status::Locked);
        case Grant::OwnUnit: return inspection.unit == account_->scope;
        case Grant::Granted:
        case Grant::OwnRecords: return true;
    }
    return false;
}

Action Access::recording_action(ins::InspectionKind kind) {
    return kind == ins::InspectionKind::Self ? Action::RecordSelf : Action::RecordInspection;
}

void Access::require_on_inspection(Action action, const ins::InspectionSummary& inspection) const {
    if (!may_read(inspection)) throw unknown_inspection(inspection.id);
    if (!account_) return;
    const Grant g = require(action);
    const bool own_unit = inspection.unit == account_->scope;
    const bool own_record = inspection.recorded_by == account_->login;
    const bool allowed = g == Grant::Granted || (g == Grant::OwnUnit && own_unit) ||
                         (g == Grant::OwnRecords && own_record) ||
                         (g == Grant::OwnUnitOnceSubmitted && own_unit);  // may_read held
    if (allowed) return;
    if (g != Grant::OwnRecords) throw own_unit_only(*account_);
    throw Error(ErrorKind::Forbidden,
                core::T_("account '{login}' ({role}) acts only on inspections it recorded; {id} was recorded by {by}",
                         {{"login", account_->login},
                          {"role", account_->role},
                          {"id", inspection.id},
                          {"by", inspection.recorded_by}}));
}

}  // namespace parscore::app
