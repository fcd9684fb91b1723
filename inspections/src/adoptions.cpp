// Adopted rulebooks: which rulebook is in force for a year, as numbered changes whose history is
// kept (docs/accounts.md, "Adopted rulebooks").
#include "store_impl.hpp"

namespace parscore::inspections {

namespace {

constexpr const char* kAdoptionColumns =
    "no, year, rulebook_id, rulebook_version, rulebook_sha256, adopted_by, adopted_at";

Adoption adoption_row(const sql::Statement& s) {
    Adoption a;
    a.no = s.int64(0);
    a.year = static_cast<int>(s.int64(1));
    a.rulebook_id = s.text(2);
    a.rulebook_version = s.text(3);
    a.rulebook_sha256 = s.text(4);
    a.adopted_by = s.text(5);
    a.adopted_at = s.text(6);
    return a;
}

/// The year's latest adoption numbered up to `as_of`, without files.
std::optional<Adoption> latest_adoption(const sql::Database& db, int year, std::int64_t as_of) {
    sql::Statement s = db.prepare(std::string("SELECT ") + kAdoptionColumns +
                                  " FROM adoptions WHERE year = ? AND no <= ? ORDER BY no DESC LIMIT 1");
    s.bind(1, year).bind(2, as_of);
    if (!s.step()) return std::nullopt;
    return adoption_row(s);
}

}  // namespace

AdoptOutcome Store::adopt(const Adoption& adoption) {
    return impl_->write([&] {
        if (auto current = latest_adoption(impl_->db, adoption.year, INT64_MAX);
            current && current->rulebook_sha256 == adoption.rulebook_sha256) {
            return AdoptOutcome{current->no, true};
        }
        const std::int64_t no = impl_->next_revision();
        sql::Statement s = impl_->db.prepare(std::string("INSERT INTO adoptions(") + kAdoptionColumns +
                                             ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, no).bind(2, adoption.year).bind(3, adoption.rulebook_id).bind(4, adoption.rulebook_version);
        s.bind(5, adoption.rulebook_sha256).bind(6, who_or_user(adoption.adopted_by));
        s.bind(7, adoption.adopted_at.empty() ? utc_now() : adoption.adopted_at);
        s.run();
        sql::Statement f = impl_->db.prepare(
            "INSERT INTO adoption_files(adoption, position, path, sha256, text) VALUES (?, ?, ?, ?, ?)");
        for (std::size_t i = 0; i < adoption.files.size(); ++i) {
            const PublishedFile& file = adoption.files[i];
            f.bind(1, no).bind(2, static_cast<std::int64_t>(i)).bind(3, file.path).bind(4, file.sha256);
            f.bind(5, file.text).run();
        }
        impl_->audit("adopt", std::to_string(adoption.year), no);
        return AdoptOutcome{no, false};
    });
}

std::vector<Adoption> Store::adoptions() const {
    std::vector<Adoption> out;
    if (impl_->schema < 4) return out;
    sql::Statement s = impl_->db.prepare(std::string("SELECT ") + kAdoptionColumns + " FROM adoptions ORDER BY no");
    while (s.step()) out.push_back(adoption_row(s));
    return out;
}

std::optional<Adoption> Store::adoption_in_force(int year, std::optional<std::int64_t> as_of_revision) const {
    if (impl_->schema < 4) return std::nullopt;
    sql::ReadTransaction snapshot(impl_->db);
    std::optional<Adoption> a = latest_adoption(impl_->db, year, as_of_revision.value_or(INT64_MAX));
    if (!a) return a;
    sql::Statement f = impl_->db.prepare(
        "SELECT path, sha256, text FROM adoption_files WHERE adoption = ? ORDER BY position");
    f.bind(1, a->no);
    while (f.step()) a->files.push_back(PublishedFile{f.text(0), f.text(1), f.text(2)});
    return a;
}

}  // namespace parscore::inspections
