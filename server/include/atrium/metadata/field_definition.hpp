#pragma once
// One field of an entity as its definition file (or an admin, at run time) describes it.
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

namespace atrium::metadata {

struct EnumValue {
  std::string key;
  std::string label;
};

struct FieldDefinition {
  std::string id;      // stable: names the column, survives renames
  std::string name;    // the API/JSON name (snake_case); links are exposed as <name>_id
  std::string type;    // a key of the FieldTypeRegistry
  std::string label;
  std::string description;
  bool required = false;
  bool unique = false;
  bool indexed = false;
  bool searchable = false;
  bool audited = true;
  bool personal_data = false;
  bool read_only = false;  // set by the system (numbers, computed values)
  bool custom = false;     // added at run time
  std::optional<std::size_t> max_length;
  std::optional<std::string> pattern;  // ECMAScript regex the whole value must match
  std::optional<std::string> minimum;  // decimal text, for numbers
  std::optional<std::string> maximum;
  int scale = 2;                       // decimal places kept by decimal and percent
  boost::json::value default_value;    // null: none
  std::vector<EnumValue> values;       // enum / multi_enum, inline
  std::string picklist;                // enum / multi_enum, run-time values instead
  std::string link_entity;             // link / link_multiple: the target entity's name
  std::vector<std::string> link_entities;  // parent: the entities a record may hang under

  // The stem of this field's column names: "f_" + id, so ids never clash with the
  // standard columns and a rename of `name` touches no table.
  std::string column() const { return "f_" + id; }
};

}  // namespace atrium::metadata
