#pragma once
// Between the API's JSON and a table's columns: validation of what clients send (field
// errors with stable codes) and the JSON of a stored row.
#include <boost/json/object.hpp>

#include "atrium/core/result.hpp"
#include "atrium/records/entity_layout.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::records {

enum class WriteMode { create, patch };

struct Assignment {
  std::string column;
  storage::Value value;
};

struct DecodedInput {
  std::vector<Assignment> assignments;
  // Set by a transition: the only writer allowed to change an entity's state field.
  bool by_transition = false;
  // Decoded for the system (computed values, revision numbers): read-only fields and the
  // state field may change.
  bool by_system = false;
  std::vector<const FieldLayout*> touched;  // fields the input set (for the checks below)
};

// Shape and type checks that need no database. VALIDATION_FAILED lists every field at
// fault, not just the first.
// `by_system`: values the system sets (computed fields), which may name read-only fields.
Result<DecodedInput> decode_input(const EntityLayout& layout, const boost::json::object& input, WriteMode mode,
                                  bool by_system = false);

// Checks that need the database, inside the writing transaction: links point at live
// records, picklist keys exist, unique values are unique.
Result<void> check_against_database(storage::Connection& connection, const EntityLayout& layout,
                                    const metadata::Catalog& catalog, const DecodedInput& input,
                                    std::string_view own_id);

// One stored record as the API's JSON, read on `connection` (inside its transaction);
// NOT_FOUND when absent. Unrestricted: callers apply access.
Result<boost::json::object> read_record(storage::Connection& connection, const EntityLayout& layout,
                                        std::string_view id, const std::vector<std::string>& fields = {});

// A stored row (columns in the layout's SELECT order) as the API's JSON.
boost::json::object encode_row(const EntityLayout& layout, const storage::Row& row,
                               const std::vector<std::string>& fields = {});

// The version the client read: If-Match when sent, else `version` in the body (nullopt:
// neither). VALIDATION_FAILED when the body's version is not a whole number.
Result<std::optional<std::int64_t>> version_in_body(const boost::json::object& input,
                                                    std::optional<std::int64_t> expected_version);

}  // namespace atrium::records
