#pragma once
// Whether a write changed only what the system keeps (computed, read-only fields and the
// change stamp): a recomputation of a locked document's totals is not an edit of it.
#include <boost/json/object.hpp>

#include "atrium/records/entity_layout.hpp"

namespace atrium::sales {

inline bool only_system_fields_changed(const records::EntityLayout& layout, const boost::json::object& before,
                                       const boost::json::object& after) {
  for (const auto& [key, value] : after) {
    const auto* was = before.if_contains(key);
    if (was && *was == value) continue;
    if (key == "version" || key == "updated_at" || key == "updated_by_id") continue;
    const auto* field = layout.find(key);
    if (!field || !field->field->read_only) return false;
  }
  return true;
}

}  // namespace atrium::sales
