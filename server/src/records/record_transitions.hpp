#pragma once
// State machines on records: the check that keeps the state field out of plain writes.
// The transitions themselves are RecordService::transition / transitions.
#include "atrium/core/result.hpp"
#include "atrium/records/entity_layout.hpp"
#include "record_codec.hpp"

namespace atrium::records {

// VALIDATION_FAILED with STATE_CHANGED_BY_TRANSITION on the state field when a write sets
// it outside a transition; a create may only name the initial state.
Result<void> check_state_write(const EntityLayout& layout, const DecodedInput& decoded, WriteMode mode);


}  // namespace atrium::records
