#pragma once
// Where an entity's values live: its table, the columns of each field, and the one
// SELECT list every read uses, so rows decode by position.
#include <string>
#include <vector>

#include "atrium/metadata/catalog.hpp"

namespace atrium::records {

struct FieldLayout {
  const metadata::FieldDefinition* field = nullptr;
  const metadata::FieldType* type = nullptr;
  std::string api_name;
  std::vector<metadata::ColumnSpec> columns;
  std::size_t first = 0;  // position of the first column in the SELECT list
};

class EntityLayout {
 public:
  EntityLayout(const metadata::EntityDefinition& entity, const metadata::Catalog& catalog);

  const metadata::EntityDefinition& entity() const { return *entity_; }
  const std::vector<FieldLayout>& fields() const { return fields_; }
  const FieldLayout* find(std::string_view api_name) const;
  const FieldLayout* find_field(std::string_view field_name) const;
  // "id, owner_id, …, f_code, f_name, …" — standard columns first, in a fixed order.
  const std::string& select_list() const { return select_list_; }
  std::size_t column_count() const { return column_count_; }

 private:
  const metadata::EntityDefinition* entity_;
  std::vector<FieldLayout> fields_;
  std::string select_list_;
  std::size_t column_count_ = 0;
};

}  // namespace atrium::records
