#include "atrium/records/access_schema.hpp"

namespace atrium::records {

access::AccessSchema access_schema(const RecordService& records) {
  access::AccessSchema schema;
  schema.has_entity = [&records](std::string_view entity) { return records.by_name(entity) != nullptr; };
  schema.has_field = [&records](std::string_view entity, std::string_view field) {
    const EntityLayout* layout = records.by_name(entity);
    return layout && (layout->find_field(field) || layout->find(field));
  };
  schema.check_rule = [&records](std::string_view entity, const std::string& rule) {
    return records.check_rule(entity, rule);
  };
  schema.has_record = [&records](storage::Connection& connection, std::string_view entity, const std::string& id) {
    return records.exists(connection, entity, id);
  };
  schema.scope_attributes = [&records] { return records.scope_attributes(); };
  return schema;
}

}  // namespace atrium::records
