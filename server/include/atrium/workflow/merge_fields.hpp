#pragma once
// Merge fields against the entity definitions: a template's fields checked when it is
// saved (through links: account.parent.name), and the context a record gives when it is
// rendered, read with the reader's access so hidden fields and records out of scope stay
// empty.
#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/workflow/template_syntax.hpp"

namespace atrium::workflow {

// TEMPLATE_UNKNOWN_FIELD on `field` for every use whose path is not a field of the
// entity (the root must be the entity's name), with the path, line and column.
std::vector<FieldError> check_merge_fields(const records::RecordService& records, std::string_view entity,
                                           const std::vector<MergeFieldUse>& uses, std::string_view field);

// {"<entity>": record}, the record read with `access`, and the linked records the uses
// reach (a link's record under the link's name: account.parent → record["parent"]),
// each read with the same access. NOT_FOUND when the record is out of the reader's scope.
Result<boost::json::object> merge_context(records::RecordService& records, const records::EntityLayout& layout,
                                          std::string_view id, const std::vector<MergeFieldUse>& uses,
                                          const records::RecordAccess* access);

}  // namespace atrium::workflow
