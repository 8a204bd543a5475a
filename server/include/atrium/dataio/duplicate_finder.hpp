#pragma once
// Possible duplicates of an account or contact: records whose normalised name, e-mail or
// phone equals the candidate's. The normalised values ("keys") of every record live in
// the side table `duplicate_keys`, kept current by a write hook of the record service, so
// a check is a few index lookups at any size. Which fields take part is declared in the
// entity's definition (`"duplicates": {...}`); entities without it have no duplicates.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/records/entity_layout.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::records {
class RecordService;
class RecordAccess;
}  // namespace atrium::records

namespace atrium::dataio {

// Why a record is a candidate: the kind of key it shares with the checked values.
enum class DuplicateReason { name, email, phone };
std::string_view duplicate_reason_name(DuplicateReason reason);

struct DuplicateCandidate {
  std::string id;
  std::string title;  // empty when the title field is hidden from the caller
  int score = 0;      // 0–100: how likely the two are one party
  std::vector<DuplicateReason> reasons;
};

// One normalised value of a record.
struct DuplicateKey {
  DuplicateReason kind = DuplicateReason::name;
  std::string key;
};

struct DuplicateGroup {
  DuplicateReason kind = DuplicateReason::name;
  std::vector<DuplicateCandidate> members;  // score 100 for every member; reasons = {kind}
};

struct DuplicateGroupPage {
  std::vector<DuplicateGroup> groups;
  std::optional<std::string> next_cursor;
};

inline constexpr std::size_t kMaxDuplicateCandidates = 20;

class DuplicateFinder {
 public:
  // `default_country` (ISO 3166 alpha-2, e.g. "DE"): the country of phone numbers written
  // without a prefix when the record names none.
  DuplicateFinder(records::RecordService& records, std::string default_country);

  // Whether the entity declares duplicate detection.
  bool applies_to(const records::EntityLayout& layout) const;

  // The normalised keys of a record's values (field names as in the API).
  std::vector<DuplicateKey> keys_of(const records::EntityLayout& layout, const boost::json::object& values) const;

  // Candidates for `values` (a record about to be saved, or just saved: `exclude_id`),
  // best first, at most `limit`; only records the caller may read (null access: all),
  // never archived ones.
  Result<std::vector<DuplicateCandidate>> find(const records::EntityLayout& layout, const boost::json::object& values,
                                               const records::RecordAccess* access, std::string_view exclude_id = {},
                                               std::size_t limit = kMaxDuplicateCandidates) const;
  // The same inside a transaction the caller holds (an import batch).
  Result<std::vector<DuplicateCandidate>> find(storage::Connection& connection, const records::EntityLayout& layout,
                                               const boost::json::object& values, const records::RecordAccess* access,
                                               std::string_view exclude_id = {},
                                               std::size_t limit = kMaxDuplicateCandidates) const;

  // Groups of records sharing a key, for the duplicates report, by key order.
  Result<DuplicateGroupPage> groups(const records::EntityLayout& layout, const records::RecordAccess* access,
                                    std::size_t limit, std::string_view cursor) const;

  // Keeps the keys of one record current (record null: it was deleted). The record
  // service calls this in its write transaction; writers that bypass the service (bulk
  // import paths) call it themselves.
  Result<void> index(storage::Connection& connection, const records::EntityLayout& layout, std::string_view id,
                     const boost::json::object* record) const;

  // Keys for every record that has none yet (rows written before duplicate detection
  // existed, demo data written directly); run at start. Returns how many were indexed.
  Result<std::size_t> index_missing() const;

  // {"code":"POSSIBLE_DUPLICATE","candidates":[{id,title,score,reasons}]} for an API answer.
  static boost::json::object warning(const std::vector<DuplicateCandidate>& candidates);
  static boost::json::object to_json(const DuplicateCandidate& candidate);

 private:
  records::RecordService& records_;
  std::string default_country_;
};

}  // namespace atrium::dataio
