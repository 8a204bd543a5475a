#pragma once
// The generic record service: every entity's create, read, update, archive and list go
// through here, so validation (and, with access control, scopes) hold on every path.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "atrium/access/grants.hpp"
#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/metadata/catalog.hpp"
#include "atrium/records/audit_trail.hpp"
#include "atrium/records/entity_layout.hpp"
#include "atrium/records/search_index.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::records {

class RecordAccess;

// Who acts, and under which access: null access is Atrium itself (the command line, demo
// data), which may do anything.
struct Actor {
  std::string user_id;
  const RecordAccess* access = nullptr;
};

enum class ArchivedRows { hide, include, only };

struct ListQuery {
  std::string filter;  // the DSL text; empty: every row
  std::string sort;    // "name,-created_at"; empty: newest first
  std::size_t limit = 50;
  std::string cursor;
  std::vector<std::string> fields;  // empty: all
  bool count = false;
  ArchivedRows archived = ArchivedRows::hide;
  // Set by related lists: the SQL condition and its parameters (trusted, built here).
  std::string scope_sql;
  storage::Params scope_params;
  const RecordAccess* access = nullptr;  // null: unrestricted
};

struct ListPage {
  boost::json::array data;
  std::optional<std::string> next_cursor;
  std::optional<std::int64_t> total;
};

// One transition as the actor sees it from a record's current state.
struct TransitionOption {
  std::string name;
  std::string label;
  std::string to;
  bool allowed = false;
  std::string reason_code;  // empty when allowed: ILLEGAL_TRANSITION, TRANSITION_GUARD_FAILED, …
  std::string reason;
};

inline constexpr std::size_t kMaxPageSize = 500;
inline constexpr std::size_t kMaxBulkItems = 1000;

struct DecodedInput;

// Keeps another part's table in step with records (duplicate keys): called inside the
// write transaction after a record is created or changed, and with a null record after
// it is deleted; an error rolls the write back.
using RecordWriteHook = std::function<Result<void>(storage::Connection&, const EntityLayout&, std::string_view id,
                                                   const boost::json::object* record)>;
// A record created or changed, as observers see it inside the write's transaction:
// `before` is null for a create. An error rolls the write back.
// `archive` and `restore` leave the fields as they were: observers that react to values
// (automation, approvals) ignore them; those that follow membership (a document's
// totals over its lines) do not.
enum class RecordWriteKind { create, update, archive, restore };
struct RecordWriteEvent {
  RecordWriteKind kind = RecordWriteKind::create;
  const EntityLayout& layout;
  std::string_view id;
  const boost::json::object* before;
  const boost::json::object& after;
  const Actor& actor;
};
using RecordWriteObserver = std::function<Result<void>(storage::Connection&, const RecordWriteEvent&)>;
// Asked inside the transaction before an existing record is edited, moved by a
// transition or archived: an error (a pending approval's lock) refuses the change.
using RecordEditGuard = std::function<Result<void>(storage::Connection&, const EntityLayout&, std::string_view id)>;
// Values the system derives from a record as written (a line's price, a document's
// totals): an object of field values to store with it, empty when nothing to set.
using RecordComputer = std::function<Result<boost::json::object>(storage::Connection&, const EntityLayout&,
                                                                 const boost::json::object& record)>;
// Advice for the caller about a record just created (possible duplicates), given back
// with the record as its `warnings`.
using CreateAdvisor = std::function<Result<boost::json::array>(const EntityLayout&, const boost::json::object& record,
                                                               const RecordAccess* access)>;

class RecordService;

// Many writes that each ask for one record's recomputation with recompute_soon_within
// (the lines of a document created with it) do it once, at `finish`, inside the same
// transaction. Destroyed without `finish` (the transaction failed), it forgets what it
// noted. One opened inside another on the same transaction leaves the work to the outer.
class RecomputeBatch {
 public:
  RecomputeBatch(RecordService& records, storage::Connection& connection);
  ~RecomputeBatch();
  RecomputeBatch(const RecomputeBatch&) = delete;
  RecomputeBatch& operator=(const RecomputeBatch&) = delete;
  Result<void> finish();

 private:
  RecordService& records_;
  storage::Connection& connection_;
  bool owner_ = false;
};

class RecordService {
 public:
  RecordService(storage::Database& database, const metadata::Catalog& catalog, const Clock& clock);

  const EntityLayout* by_plural(std::string_view plural) const;
  const EntityLayout* by_name(std::string_view name) const;
  const metadata::Catalog& catalog() const { return catalog_; }
  storage::Dialect dialect() const { return database_.dialect(); }
  storage::Database& database() const { return database_; }
  // "YYYY-MM-DD" by the service's clock, for `today` in filters and rules.
  std::string today() const;

  Result<boost::json::object> get(const EntityLayout& layout, std::string_view id,
                                  const std::vector<std::string>& fields = {}, const RecordAccess* access = nullptr);
  Result<ListPage> list(const EntityLayout& layout, const ListQuery& query);
  // The records of `related` that belong to the record `id` of `owner`: through a link
  // field of `related`, or through a junction entity that links both.
  Result<ListPage> related(const EntityLayout& owner, std::string_view id, const EntityLayout& related,
                           ListQuery query);
  Result<boost::json::object> create(const EntityLayout& layout, const boost::json::object& input, const Actor& actor);
  Result<boost::json::object> patch(const EntityLayout& layout, std::string_view id, const boost::json::object& input,
                                    std::optional<std::int64_t> expected_version, const Actor& actor);
  // Up to kMaxBulkItems creates and updates in one transaction: all saved, or none and
  // every failing item named (`items[3].email`).
  Result<boost::json::array> bulk(const EntityLayout& layout, const boost::json::array& items, const Actor& actor);
  // A create inside the caller's transaction, with the same checks as create (rights,
  // field rights, validation, scope): for imports, whose rows commit together with the
  // job that saves their batch.
  Result<boost::json::object> create_within(storage::Connection& connection, const EntityLayout& layout,
                                            const boost::json::object& input, const Actor& actor);
  // The same with values only the system sets (an attachment's size and digest, an
  // order's source) stored in the same insert and audit entry: `input` is checked as the
  // actor's, `system_values` may name read-only fields.
  Result<boost::json::object> create_within(storage::Connection& connection, const EntityLayout& layout,
                                            const boost::json::object& input, const Actor& actor,
                                            const boost::json::object& system_values);
  // The record's audit entries, oldest first (404 when the record does not exist).
  Result<boost::json::array> history(const EntityLayout& layout, std::string_view id,
                                     const RecordAccess* access = nullptr);
  Result<boost::json::array> events(AuditQuery query, const RecordAccess* access = nullptr);
  Result<boost::json::array> search(SearchQuery query, const RecordAccess* access = nullptr);

  // Whether an access rule compiles against the entity's fields, with every user.<name>
  // of the scope attributes (RULE_INVALID names the problem).
  Result<void> check_rule(std::string_view entity, const std::string& rule) const;
  Result<bool> exists(storage::Connection& connection, std::string_view entity, const std::string& id) const;
  // The picklists that fields draw from: the user attributes rules may compare against.
  std::vector<std::string> scope_attributes() const;

  // Other records that link to this one, as "entity.field" → how many; deletion is
  // refused while any exist.
  Result<std::vector<std::pair<std::string, std::int64_t>>> referrers(const EntityLayout& layout, std::string_view id);
  // REFERENCED naming every entity and field that still refers to the record.
  Result<void> ensure_unreferenced(const EntityLayout& layout, std::string_view id);
  // Deletes for good, with an audit entry: master data only after its approval.
  Result<void> remove(const EntityLayout& layout, std::string_view id, const Actor& actor);
  // The same inside the caller's transaction (an approval's last decision deletes).
  Result<void> remove_within(storage::Connection& connection, const EntityLayout& layout, std::string_view id,
                             const Actor& actor);

  // Whether a condition in the list filter language compiles against the entity's
  // fields (FILTER_INVALID and the like, named under `filter`); user.<name> values are
  // refused, as a condition stored as data has no caller to take them from.
  Result<void> check_condition(const EntityLayout& layout, const std::string& condition) const;
  // Whether the record meets the condition now, read in the caller's transaction (so a
  // write not yet committed counts); an empty condition is always met.
  Result<bool> meets_condition(storage::Connection& connection, const EntityLayout& layout, std::string_view id,
                               const std::string& condition) const;
  // NOT_FOUND when the record is out of the actor's read scope, FORBIDDEN when it is
  // visible but outside the scope of `action`.
  Result<void> ensure_allowed(storage::Connection& connection, const EntityLayout& layout, std::string_view id,
                              const Actor& actor, access::Action action);

  // The transitions of an entity with states, each with whether the actor may take it
  // from the record's current state now, and if not, the code saying why.
  Result<std::vector<TransitionOption>> transitions(const EntityLayout& layout, std::string_view id,
                                                    const Actor& actor);
  // Takes the named transition: the record must be in one of its `from` states, meet its
  // guard and, after `input` (other fields set in the same step) is applied, have its
  // required fields. 409 ILLEGAL_TRANSITION / TRANSITION_GUARD_FAILED, 403
  // TRANSITION_FORBIDDEN for a role it is not open to, 404 for an unknown name.
  Result<boost::json::object> transition(const EntityLayout& layout, std::string_view id, std::string_view name,
                                         const boost::json::object& input, std::optional<std::int64_t> expected_version,
                                         const Actor& actor);

  Result<boost::json::object> set_archived(const EntityLayout& layout, std::string_view id, bool archived,
                                           const Actor& actor);

  // Patch and archive inside a transaction the caller holds, for operations that change
  // several records at once (a merge) with the same validation, rights and audit.
  Result<boost::json::object> patch_within(storage::Connection& connection, const EntityLayout& layout,
                                           std::string_view id, const boost::json::object& input,
                                           std::optional<std::int64_t> expected_version, const Actor& actor);
  Result<boost::json::object> set_archived_within(storage::Connection& connection, const EntityLayout& layout,
                                                  std::string_view id, bool archived, const Actor& actor);

  // Registered while the server starts, before any request.
  void add_write_hook(RecordWriteHook hook) { write_hooks_.push_back(std::move(hook)); }
  void add_create_advisor(CreateAdvisor advisor) { create_advisors_.push_back(std::move(advisor)); }
  void add_write_observer(RecordWriteObserver observer) { write_observers_.push_back(std::move(observer)); }
  void add_edit_guard(RecordEditGuard guard) { edit_guards_.push_back(std::move(guard)); }
  // Runs after every create and patch of `entity`, inside its transaction and before the
  // audit entry, so the record is stored and audited with the derived values. The fields
  // it sets are usually `read_only` for clients.
  void add_computer(std::string entity, RecordComputer computer) {
    computers_[std::move(entity)].push_back(std::move(computer));
  }

  // The record as stored, read inside the caller's transaction; unrestricted.
  Result<boost::json::object> get_within(storage::Connection& connection, const EntityLayout& layout,
                                         std::string_view id);
  // Every record of `layout` that is not archived and meets `condition`, read in the
  // caller's transaction, unrestricted: for reference data the system reads by its own
  // rules (pricing). `condition` is SQL the caller builds from the layout's column names,
  // its values bound as `params`, never formatted in.
  Result<boost::json::array> live_rows_within(storage::Connection& connection, const EntityLayout& layout,
                                              std::string_view condition, const storage::Params& params);
  // Runs the entity's computers again because something they read elsewhere changed (a
  // line of a document) and stores what differs, as an update by `actor`.
  Result<boost::json::object> recompute_within(storage::Connection& connection, const EntityLayout& layout,
                                               std::string_view id, const Actor& actor);
  // The same when nothing is checked against the result (a document's totals): while a
  // RecomputeBatch is open on `connection`, the record is only noted, and recomputed once
  // when the batch finishes. Checks that read recomputed values (more delivered than
  // ordered) use recompute_within, which never waits.
  Result<void> recompute_soon_within(storage::Connection& connection, const EntityLayout& layout, std::string_view id,
                                     const Actor& actor);
  // Sets fields as the system, read-only and state fields included (a revision number, a
  // status an approval decided): audited, indexed and observed like any update.
  Result<boost::json::object> write_system_within(storage::Connection& connection, const EntityLayout& layout,
                                                  std::string_view id, const boost::json::object& values,
                                                  const Actor& actor);
  // Every advisor's warnings about a record just created (empty: none).
  Result<boost::json::array> advice_on_create(const EntityLayout& layout, const boost::json::object& record,
                                              const RecordAccess* access) const;

 private:
  friend class RecomputeBatch;
  struct DeferredRecompute {
    const EntityLayout* layout;
    std::string id;
    Actor actor;
  };
  // A document created with its `lines`: one transaction, its totals computed once.
  Result<boost::json::object> create_with_lines(const EntityLayout& layout, const boost::json::object& input,
                                                const boost::json::value& lines, const Actor& actor);
  Result<boost::json::object> create_in(storage::Connection& connection, const EntityLayout& layout,
                                        const DecodedInput& input, const Actor& actor);
  Result<boost::json::object> patch_in(storage::Connection& connection, const EntityLayout& layout, std::string_view id,
                                       const DecodedInput& input, std::optional<std::int64_t> expected_version,
                                       const Actor& actor);
  // Why the actor may not take `step` from the record's state now; nullopt when they may.
  Result<std::optional<Error>> transition_blocker(storage::Connection& connection, const EntityLayout& layout,
                                                  std::string_view id, const metadata::StateTransition& step,
                                                  const Actor& actor) const;
  // FORBIDDEN (OUT_OF_SCOPE) unless the record meets the actor's condition for `action`.
  Result<void> ensure_within_scope(storage::Connection& connection, const EntityLayout& layout, std::string_view id,
                                   const Actor& actor, access::Action action);
  // LINK_NOT_FOUND for links the input sets to records the actor may not read.
  Result<void> check_links_visible(storage::Connection& connection, const DecodedInput& input, const Actor& actor);
  Result<void> run_write_hooks(storage::Connection& connection, const EntityLayout& layout, std::string_view id,
                               const boost::json::object* record) const;
  Result<void> run_write_observers(storage::Connection& connection, const RecordWriteEvent& event) const;
  Result<void> run_edit_guards(storage::Connection& connection, const EntityLayout& layout, std::string_view id) const;
  // The computers' values stored on the record just written; the record as it is then.
  Result<boost::json::object> apply_computed(storage::Connection& connection, const EntityLayout& layout,
                                             std::string_view id, boost::json::object record);
  // After an UPDATE of the record: computed values, the audit entry, the search index,
  // hooks and observers, then the record as the transaction leaves it.
  Result<boost::json::object> finish_update(storage::Connection& connection, const EntityLayout& layout,
                                            std::string_view id, const boost::json::object& before, const Actor& actor,
                                            const std::string& now);
  // Every field the computers of `layout` set, for the record as it stands.
  Result<boost::json::object> computed_values(storage::Connection& connection, const EntityLayout& layout,
                                              const boost::json::object& record);

  storage::Database& database_;
  const metadata::Catalog& catalog_;
  const Clock& clock_;
  std::map<std::string, std::unique_ptr<EntityLayout>, std::less<>> layouts_;  // by plural
  std::vector<RecordWriteHook> write_hooks_;
  std::vector<CreateAdvisor> create_advisors_;
  std::vector<RecordWriteObserver> write_observers_;
  std::vector<RecordEditGuard> edit_guards_;
  std::map<std::string, std::vector<RecordComputer>, std::less<>> computers_;  // by entity name
  // The open RecomputeBatches, by the connection of their transaction: on PostgreSQL,
  // transactions of several threads run at once.
  std::mutex batches_mutex_;
  std::map<const storage::Connection*, std::vector<DeferredRecompute>> batches_;
};

}  // namespace atrium::records
