#pragma once
// What one request's actor may do in one open database: the permission table (permissions.hpp)
// applied to the objects at hand — units within the account's scope, inspections it recorded or
// may read (docs/accounts.md, "Roles"). Every operation builds one Access right after opening the
// store and asks it before it reads or changes anything; nothing else decides a permission.
//
// What lies outside an account's scope, or is an inspection it may not read, is reported exactly
// as a missing one ("unknown unit", "unknown inspection"), never as forbidden, so that an account
// learns nothing about what it cannot see. Forbidden (exit 1) is for an action on something the
// account can see.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/accounts/login.hpp"
#include "parscore/app/error.hpp"
#include "parscore/app/permissions.hpp"
#include "parscore/app/request.hpp"
#include "parscore/inspections/report.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::app {

class Access {
public:
    /// The request's actor in `store`. For an account: loads it (Forbidden when the login is
    /// unknown or disabled) and makes the store audit every change it makes as that account.
    static Access of(const Request& request, inspections::Store& store);

    /// The operating-system user: every right, everywhere.
    bool unrestricted() const { return !account_; }
    const std::optional<inspections::Account>& account() const { return account_; }
    std::optional<accounts::Role> role() const { return role_; }

    /// The role's grant for an action (Granted for the operating-system user); Forbidden when it
    /// is Denied.
    Grant require(Action action) const;
    /// `action` over the whole database (merge, publish, adopt; summary, gap and diff, which
    /// aggregate every unit): Forbidden for a scoped account too.
    void require_everywhere(Action action) const;
    /// Whether the role may do `action` at all (somewhere).
    bool allows(Action action) const;

    /// Whether `unit` is the account's scope or lies below it through `parent`.
    bool in_scope(std::string_view unit) const;
    /// The ids of the units in scope, in byte order (every unit for an account without scope).
    std::vector<std::string> units_in_scope() const;
    /// The units in scope that `keep` keeps, by id, as they are today, when there are at most
    /// `most` (a province's, for a person to choose from); nothing otherwise, found without
    /// reading a whole country's units when the account sees them all.
    std::optional<std::vector<inspections::UnitInfo>> units_to_choose(
        std::size_t most, const std::function<bool(const inspections::UnitInfo&)>& keep = {}) const;
    /// The same as a report reader asks it: one id at a time, the whole list only to suggest a
    /// name for an unknown one. Valid while this Access is.
    inspections::KnownUnits known_units() const;
    /// `action` on unit `unit`: "unknown unit" (Invalid) when it is out of scope or absent,
    /// Forbidden when the role may not do it there.
    void require_on_unit(Action action, std::string_view unit) const;

    /// Whether the account may see this inspection at all (ReadInspections with its condition).
    bool may_read(const inspections::InspectionSummary& inspection) const;
    /// `action` on an inspection: "unknown inspection" (Invalid) when the account may not read
    /// it, Forbidden when it may read but not do this. For RecordInspection and RecordSelf the
    /// row is chosen by the inspection's kind (recording_action) and OwnRecords means "recorded by
    /// this account".
    void require_on_inspection(Action action, const inspections::InspectionSummary& inspection) const;

    /// The row that governs recording, amending, submitting and attaching to an inspection of `kind`.
    static Action recording_action(inspections::InspectionKind kind);

private:
    Access(const inspections::Store* store, std::optional<inspections::Account> account);
    const std::map<std::string, std::optional<std::string>, std::less<>>& parents() const;

    const inspections::Store* store_;
    std::optional<inspections::Account> account_;
    std::optional<accounts::Role> role_;
    mutable std::optional<std::map<std::string, std::optional<std::string>, std::less<>>> parents_;
};

/// For an operation that reads no database (check, test): an account's right to `action`, read
/// from the request's database; nothing for the operating-system user.
void require_without_store(const StoreRequest& request, Action action);

/// The Error for an object an actor may not see: the same words as for one that does not exist.
Error unknown_inspection(std::string_view id);
Error unknown_unit(std::string_view id);

}  // namespace parscore::app
