#include "atrium/records/metadata_routes.hpp"

#include <boost/json/serialize.hpp>

#include "record_access.hpp"

namespace atrium::records {

namespace {

// The state machine as clients need it to offer the transitions: names and labels, the
// states each leaves and enters, who may take it, what it requires.
boost::json::object states_json(const metadata::StateMachine& machine, const EntityLayout& layout) {
  boost::json::array transitions;
  for (const auto& step : machine.transitions) {
    boost::json::array from(step.from.begin(), step.from.end());
    boost::json::array roles(step.roles.begin(), step.roles.end());
    boost::json::array required;
    for (const auto& name : step.required_fields) required.emplace_back(layout.find_field(name)->api_name);
    boost::json::object json{{"name", step.name}, {"label", step.label}, {"from", std::move(from)},
                             {"to", step.to},     {"roles", std::move(roles)}, {"requires", std::move(required)}};
    if (!step.guard.empty()) json["guard"] = step.guard;
    transitions.push_back(std::move(json));
  }
  return {{"field", layout.find_field(machine.field)->api_name},
          {"initial", machine.initial},
          {"transitions", std::move(transitions)}};
}

using FilterOperator = records::FilterOperator;

constexpr std::pair<FilterOperator, std::string_view> kOperators[] = {
    {FilterOperator::eq, "eq"},       {FilterOperator::ne, "ne"},     {FilterOperator::lt, "lt"},
    {FilterOperator::le, "le"},       {FilterOperator::gt, "gt"},     {FilterOperator::ge, "ge"},
    {FilterOperator::in, "in"},       {FilterOperator::contains, "contains"}, {FilterOperator::starts, "starts"},
    {FilterOperator::empty, "empty"}};

boost::json::object field_json(const FieldLayout& layout, const metadata::EntityDefinition& entity) {
  const auto& field = *layout.field;
  boost::json::array operators;
  for (const auto& [op, name] : kOperators) {
    if (layout.type->supports(op)) operators.emplace_back(name);
  }
  boost::json::object json{{"name", layout.api_name},   {"field", field.name},         {"type", field.type},
                           {"label", field.label},      {"required", field.required},  {"unique", field.unique},
                           {"read_only", field.read_only}, {"searchable", field.searchable},
                           {"sortable", layout.type->sortable()}, {"personal_data", field.personal_data},
                           {"operators", std::move(operators)}};
  if (!field.description.empty()) json["description"] = field.description;
  // A numbered field may be left empty on create: the series fills it.
  if (entity.numbering && entity.numbering->field == field.name) json["numbered"] = true;
  if (field.max_length) json["max_length"] = *field.max_length;
  if (field.type == "decimal" || field.type == "percent") json["scale"] = field.scale;
  if (field.minimum) json["minimum"] = *field.minimum;
  if (field.maximum) json["maximum"] = *field.maximum;
  if (!field.default_value.is_null()) json["default"] = field.default_value;
  if (!field.link_entity.empty()) json["entity"] = field.link_entity;
  if (!field.link_entities.empty()) {
    boost::json::array entities;
    for (const auto& name : field.link_entities) entities.emplace_back(name);
    json["entities"] = std::move(entities);
  }
  if (!field.picklist.empty()) json["picklist"] = field.picklist;
  if (!field.values.empty()) {
    boost::json::array values;
    for (const auto& value : field.values) values.push_back({{"key", value.key}, {"label", value.label}});
    json["values"] = std::move(values);
  }
  const auto parts = layout.type->parts();
  if (!parts.empty()) {
    boost::json::array names;
    for (const auto& part : parts) names.emplace_back(part);
    json["parts"] = std::move(names);
  }
  return json;
}

}  // namespace

void add_metadata_routes(http::Router& router, RecordService& records, storage::Database& database,
                         const access::Authenticator& authenticator, access::GrantStore& grants) {
  router.add(http::Method::get, "/api/v1/metadata", [&records, &database, &authenticator,
                                                      &grants](http::Request& request) {
    auto principal = authenticator.authenticate(request);
    if (!principal) return http::Response::error(principal.error(), request.request_id);
    auto user_grants = grants.for_user(principal->user.id);
    if (!user_grants) return http::Response::error(user_grants.error(), request.request_id);
    // The caller's view: entities they may read, without the fields hidden from them,
    // with the rights their roles give (the web app builds navigation and actions on it).
    const RecordAccess access = access_for(records, *user_grants);
    boost::json::array entities;
    for (const auto& entity : records.catalog().entities()) {
      const EntityLayout* layout = records.by_plural(entity.plural);
      if (!access.may(*layout, access::Action::read)) continue;
      const auto hidden = [&](std::string_view name) {
        const FieldLayout* field = layout->find_field(name);
        return field && access.mode(*layout, *field) == access::FieldMode::hidden;
      };
      boost::json::array fields;
      for (const auto& field : layout->fields()) {
        const auto mode = access.mode(*layout, field);
        if (mode == access::FieldMode::hidden) continue;
        auto json = field_json(field, entity);
        // The state field changes by transitions only: forms show it, never edit it.
        const bool state_field = entity.states && entity.states->field == field.field->name;
        if (mode == access::FieldMode::read_only || state_field) json["read_only"] = true;
        fields.push_back(std::move(json));
      }
      boost::json::array columns;
      for (const auto& name : entity.list_columns) {
        if (!hidden(name)) columns.emplace_back(layout->find_field(name)->api_name);
      }
      boost::json::array sections;
      for (const auto& section : entity.sections) {
        boost::json::array names;
        for (const auto& name : section.fields) {
          if (!hidden(name)) names.emplace_back(layout->find_field(name)->api_name);
        }
        sections.push_back({{"label", section.label}, {"fields", std::move(names)}});
      }
      boost::json::object rights;
      for (const auto action : access::kAllActions) rights[access::action_name(action)] = access.may(*layout, action);
      entities.push_back({{"name", entity.name},
                          {"plural", entity.plural},
                          {"label", entity.label},
                          {"label_plural", entity.label_plural},
                          {"module", entity.module},
                          {"title_field", layout->find_field(entity.title_field)->api_name},
                          {"master_data", entity.master_data},
                          {"assignable", entity.access.assignable},
                          {"fields", std::move(fields)},
                          {"list_columns", std::move(columns)},
                          {"sections", std::move(sections)},
                          {"rights", std::move(rights)}});
      if (entity.states && !hidden(entity.states->field)) {
        entities.back().as_object()["states"] = states_json(*entity.states, *layout);
      }
    }
    boost::json::object picklists;
    auto read = database.read([&](storage::Connection& connection) -> Result<void> {
      return connection.each("SELECT picklist, key, label FROM picklist_values WHERE active = 1 ORDER BY picklist, "
                             "position, key",
                             {}, [&](const storage::Row& row) {
                               auto& list = picklists[row[0].text()];
                               if (!list.is_array()) list = boost::json::array{};
                               list.as_array().push_back({{"key", row[1].text()}, {"label", row[2].text()}});
                               return true;
                             });
    });
    if (!read) return http::Response::error(read.error(), request.request_id);
    return http::Response::json(200, boost::json::serialize(boost::json::object{
                                         {"entities", std::move(entities)}, {"picklists", std::move(picklists)}}));
  });
}

}  // namespace atrium::records
