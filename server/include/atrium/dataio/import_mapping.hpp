#pragma once
// Where an import's columns go: the fields of an entity a file can fill (the targets),
// and, for a header row, the target each column most likely means — by field name and
// label without case or accents, or by an address-book preset.
#include <string>
#include <vector>

#include "atrium/records/entity_layout.hpp"

namespace atrium::dataio {

struct ImportTarget {
  std::string name;   // what a mapping names: "email", "account_id", "billing_address.city"
  std::string label;  // "E-mail", "Billing address: city"
  const records::FieldLayout* field = nullptr;
  std::string part;   // the address part, or empty
};

// Every target of the entity: fields set by people (not read-only), links by code or
// name, address parts; link lists and parents are not imported.
std::vector<ImportTarget> import_targets(const records::EntityLayout& layout);
const ImportTarget* find_target(const std::vector<ImportTarget>& targets, std::string_view name);

struct SuggestedMapping {
  std::vector<std::string> targets;  // per column: a target name, or "" for none
  std::string preset;                // the address-book preset that matched, or ""
};

SuggestedMapping suggest_mapping(const records::EntityLayout& layout, const std::vector<std::string>& header);

}  // namespace atrium::dataio
