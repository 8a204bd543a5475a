#include "atrium/records/entity_layout.hpp"

#include "atrium/metadata/schema_sync.hpp"

namespace atrium::records {

EntityLayout::EntityLayout(const metadata::EntityDefinition& entity, const metadata::Catalog& catalog)
    : entity_(&entity) {
  for (const auto& column : metadata::standard_columns()) {
    select_list_ += (select_list_.empty() ? "" : ", ") + column;
  }
  column_count_ = metadata::standard_columns().size();
  for (const auto& field : entity.fields) {
    FieldLayout layout;
    layout.field = &field;
    layout.type = &catalog.type_of(field);
    layout.api_name = layout.type->api_name(field);
    layout.columns = layout.type->columns(field);
    layout.first = column_count_;
    for (const auto& column : layout.columns) select_list_ += ", " + column.name;
    column_count_ += layout.columns.size();
    fields_.push_back(std::move(layout));
  }
}

const FieldLayout* EntityLayout::find(std::string_view api_name) const {
  for (const auto& field : fields_) {
    if (field.api_name == api_name) return &field;
  }
  return nullptr;
}

const FieldLayout* EntityLayout::find_field(std::string_view field_name) const {
  for (const auto& field : fields_) {
    if (field.field->name == field_name) return &field;
  }
  return nullptr;
}

}  // namespace atrium::records
