#include "atrium/records/openapi.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace atrium::records {
namespace {

namespace json = boost::json;

constexpr std::string_view kCompany = R"({
  "name": "company", "plural": "companies", "label": "Company", "label_plural": "Companies",
  "title_field": "name", "master_data": true,
  "fields": [
    {"id": "name", "name": "name", "type": "text", "label": "Name", "required": true, "max_length": 80},
    {"id": "code", "name": "code", "type": "text", "label": "Code", "pattern": "[A-Z]+"},
    {"id": "active", "name": "active", "type": "boolean", "label": "Active", "required": true, "default": true},
    {"id": "credit", "name": "credit", "type": "money", "label": "Credit"},
    {"id": "tier", "name": "tier", "type": "enum", "label": "Tier",
     "values": [{"key": "gold", "label": "Gold"}, {"key": "silver", "label": "Silver"}]},
    {"id": "tags", "name": "tags", "type": "multi_enum", "label": "Tags", "picklist": "tags"},
    {"id": "founded", "name": "founded", "type": "date", "label": "Founded"},
    {"id": "number", "name": "number", "type": "text", "label": "Number", "read_only": true},
    {"id": "notes", "name": "notes", "type": "long_text", "label": "Notes"}
  ],
  "access": {"default_scope": "all"}
})";

constexpr std::string_view kPerson = R"({
  "name": "person", "plural": "people", "label": "Person", "label_plural": "People",
  "title_field": "name",
  "fields": [
    {"id": "name", "name": "name", "type": "text", "label": "Name", "required": true},
    {"id": "company", "name": "company", "type": "link", "entity": "company", "label": "Company", "required": true},
    {"id": "friends", "name": "friends", "type": "link_multiple", "entity": "person", "label": "Friends"},
    {"id": "email", "name": "email", "type": "email", "label": "E-mail"},
    {"id": "score", "name": "score", "type": "decimal", "label": "Score", "scale": 1},
    {"id": "seen_at", "name": "seen_at", "type": "datetime", "label": "Seen"},
    {"id": "visits", "name": "visits", "type": "integer", "label": "Visits", "minimum": "0"},
    {"id": "home", "name": "home", "type": "address", "label": "Home"},
    {"id": "extra", "name": "extra", "type": "json", "label": "Extra"}
  ],
  "access": {"default_scope": "all"}
})";

class OpenApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto catalog = metadata::Catalog::from_json_files(
        {{"company.json", std::string(kCompany)}, {"person.json", std::string(kPerson)}},
        metadata::FieldTypeRegistry::standard());
    ASSERT_TRUE(catalog) << catalog.error().message;
    catalog_ = std::make_unique<metadata::Catalog>(std::move(*catalog));
    document_ = openapi_document(*catalog_, OpenApiOptions{"9.8.7", "atrium_session"});
  }

  const json::object& schema(std::string_view name) const {
    return document_.at("components").at("schemas").at(name).as_object();
  }
  const json::object& property(std::string_view schema_name, std::string_view name) const {
    return schema(schema_name).at("properties").at(name).as_object();
  }
  // A parameter, or the component it refers to.
  const json::object& resolve_parameter(const json::value& parameter) const {
    if (const auto* target = parameter.as_object().if_contains("$ref")) {
      const std::string_view path = target->as_string();
      const auto name = path.substr(path.rfind('/') + 1);
      return document_.at("components").at("parameters").at(name).as_object();
    }
    return parameter.as_object();
  }

  std::unique_ptr<metadata::Catalog> catalog_;
  json::object document_;
};

std::vector<std::string> strings(const json::value& array) {
  std::vector<std::string> out;
  for (const auto& item : array.as_array()) out.emplace_back(item.is_string() ? item.as_string() : "null");
  return out;
}

bool contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// Every "$ref" in the tree, with where it was found.
void collect_refs(const json::value& value, const std::string& where,
                  std::vector<std::pair<std::string, std::string>>& out) {
  if (value.is_object()) {
    for (const auto& [key, child] : value.as_object()) {
      if (key == "$ref" && child.is_string()) out.emplace_back(std::string(child.as_string()), where);
      collect_refs(child, where + "/" + std::string(key), out);
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.as_array().size(); ++i) {
      collect_refs(value.as_array()[i], where + "/" + std::to_string(i), out);
    }
  }
}

TEST_F(OpenApiTest, IsOpenApi31WithTheServersVersion) {
  EXPECT_EQ(document_.at("openapi").as_string(), "3.1.0");
  EXPECT_EQ(document_.at("info").at("title").as_string(), "Atrium CRM");
  EXPECT_EQ(document_.at("info").at("version").as_string(), "9.8.7");
  EXPECT_EQ(document_.at("servers").at(0).at("url").as_string(), "/");
}

TEST_F(OpenApiTest, ErrorCodesAreEveryErrorCodeName) {
  const auto codes = strings(schema("Error").at("properties").at("error").at("properties").at("code").at("enum"));
  EXPECT_TRUE(contains(codes, "VALIDATION_FAILED"));
  EXPECT_TRUE(contains(codes, "NOT_FOUND"));
  EXPECT_TRUE(contains(codes, "INTERNAL_ERROR"));
  EXPECT_EQ(codes.size(), all_error_codes().size());
  EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), codes.size()) << "names are distinct";
}

TEST_F(OpenApiTest, InputRequiresRequiredFieldsWithoutDefaults) {
  const auto required = strings(schema("CompanyInput").at("required"));
  EXPECT_TRUE(contains(required, "name"));
  EXPECT_FALSE(contains(required, "active")) << "a default fills it";
  EXPECT_FALSE(contains(required, "code"));
  EXPECT_EQ(property("CompanyInput", "active").at("default"), json::value(true));
  EXPECT_FALSE(schema("CompanyInput").at("properties").as_object().contains("number")) << "read-only";
  EXPECT_FALSE(schema("CompanyInput").at("properties").as_object().contains("id"));
  EXPECT_TRUE(property("Company", "number").at("readOnly").as_bool());
  EXPECT_FALSE(schema("CompanyPatch").contains("required"));
  EXPECT_TRUE(schema("CompanyPatch").at("properties").as_object().contains("version"));
}

TEST_F(OpenApiTest, LinksUseTheirApiNames) {
  const auto& properties = schema("Person").at("properties").as_object();
  EXPECT_FALSE(properties.contains("company"));
  ASSERT_TRUE(properties.contains("company_id"));
  EXPECT_EQ(property("Person", "company_id").at("x-entity").as_string(), "company");
  EXPECT_EQ(property("Person", "company_id").at("type").as_string(), "string") << "required: never null";
  EXPECT_EQ(property("Person", "friends_ids").at("type").as_string(), "array");
  EXPECT_TRUE(contains(strings(schema("PersonInput").at("required")), "company_id"));
}

TEST_F(OpenApiTest, FieldTypesMapToJsonSchema) {
  const auto money = json::serialize(property("Company", "credit"));
  EXPECT_NE(money.find("\"#/components/schemas/Money\""), std::string::npos) << money;
  EXPECT_NE(json::serialize(property("Person", "home")).find("#/components/schemas/Address"), std::string::npos);
  EXPECT_EQ(property("Company", "name").at("maxLength").to_number<std::int64_t>(), 80);
  EXPECT_EQ(property("Company", "code").at("pattern").as_string(), "^(?:[A-Z]+)$");
  EXPECT_EQ(property("Company", "notes").at("maxLength").to_number<std::int64_t>(), 100000);
  EXPECT_EQ(property("Company", "founded").at("format").as_string(), "date");
  EXPECT_EQ(property("Person", "seen_at").at("format").as_string(), "date-time");
  EXPECT_EQ(property("Person", "email").at("format").as_string(), "email");
  EXPECT_EQ(strings(property("Person", "score").at("type")), (std::vector<std::string>{"string", "null"}));
  EXPECT_EQ(property("Person", "score").at("pattern").as_string(), "^-?[0-9]+(\\.[0-9]{1,1})?$");
  EXPECT_EQ(property("Person", "visits").at("minimum").as_int64(), 0);
  EXPECT_TRUE(contains(strings(property("Company", "tier").at("enum")), "gold"));
  EXPECT_TRUE(contains(strings(property("Company", "tier").at("enum")), "null")) << "optional: null clears it";
  EXPECT_EQ(property("Company", "tags").at("items").at("x-picklist").as_string(), "tags");
  EXPECT_FALSE(property("Person", "extra").contains("type")) << "json holds any value";
  EXPECT_EQ(property("Company", "version").at("type").as_string(), "integer");
  EXPECT_EQ(strings(schema("Company").at("required")), (std::vector<std::string>{"id", "version"}));
}

TEST_F(OpenApiTest, EveryEntityHasTheGenericRoutes) {
  const auto& paths = document_.at("paths").as_object();
  for (const char* path : {"/api/v1/companies",
                           "/api/v1/companies/{id}",
                           "/api/v1/companies/{id}/archive",
                           "/api/v1/companies/{id}/restore",
                           "/api/v1/people",
                           "/api/v1/people/{id}",
                           "/api/v1/companies/{id}/people",
                           "/healthz",
                           "/metrics",
                           "/api/v1/instance",
                           "/api/v1/events",
                           "/api/v1/auth/login",
                           "/api/v1/auth/logout",
                           "/api/v1/auth/me",
                           "/api/v1/metadata",
                           "/api/v1/openapi.json",
                           "/api/v1/people/{id}/history",
                           "/api/v1/approvals",
                           "/api/v1/approvals/{id}/approve",
                           "/api/v1/audit"}) {
    EXPECT_TRUE(paths.contains(path)) << path;
  }
  EXPECT_FALSE(paths.contains("/api/v1/people/{id}/companies")) << "companies do not link to people";
  EXPECT_FALSE(paths.contains("/api/v1/people/{id}/people")) << "several links are no related list";
  EXPECT_EQ(paths.at("/api/v1/companies/{id}/people").at("get").at("operationId").as_string(), "listPeopleOfCompany");
  const auto& create = paths.at("/api/v1/companies").at("post").as_object();
  EXPECT_EQ(create.at("requestBody").at("content").at("application/json").at("schema").at("$ref").as_string(),
            "#/components/schemas/CompanyInput");
  EXPECT_TRUE(create.at("responses").as_object().contains("201"));
  EXPECT_TRUE(create.at("responses").at("201").at("headers").as_object().contains("ETag"));
  const auto& patch = paths.at("/api/v1/companies/{id}").at("patch").as_object();
  for (const char* status : {"400", "401", "403", "404", "409", "412", "413", "415", "422"}) {
    EXPECT_TRUE(patch.at("responses").as_object().contains(status)) << status;
  }
  EXPECT_EQ(resolve_parameter(patch.at("parameters").at(0)).at("name").as_string(), "If-Match");
  // Master data is deleted through an approval; other records at once.
  EXPECT_TRUE(paths.at("/api/v1/companies/{id}").at("delete").at("responses").as_object().contains("202"));
  EXPECT_TRUE(paths.at("/api/v1/people/{id}").at("delete").at("responses").as_object().contains("204"));
}

TEST_F(OpenApiTest, EveryListHasTheListParameters) {
  int lists = 0;
  for (const auto& [path, item] : document_.at("paths").as_object()) {
    const auto* get = item.as_object().if_contains("get");
    const bool of_entity = path.starts_with("/api/v1/companies") || path.starts_with("/api/v1/people");
    if (!get || !of_entity || !get->at("operationId").as_string().starts_with("list")) continue;
    ++lists;
    std::set<std::string> names;
    for (const auto& parameter : get->at("parameters").as_array()) {
      names.insert(std::string(resolve_parameter(parameter).at("name").as_string()));
    }
    EXPECT_EQ(names, (std::set<std::string>{"filter", "sort", "limit", "cursor", "fields", "count", "archived"}))
        << std::string_view(path);
  }
  EXPECT_EQ(lists, 3);  // two entities and the people of a company
  const auto& limit = document_.at("components").at("parameters").at("Limit").at("schema");
  EXPECT_EQ(limit.at("minimum").as_int64(), 1);
  EXPECT_EQ(limit.at("maximum").to_number<std::int64_t>(), 500);
}

TEST_F(OpenApiTest, OperationsAreNamedSummarisedAndSecured) {
  std::set<std::string> ids;
  for (const auto& [path, item] : document_.at("paths").as_object()) {
    for (const auto& [method, value] : item.as_object()) {
      if (method == "parameters") continue;
      const auto& op = value.as_object();
      const std::string where = std::string(method) + " " + std::string(path);
      ASSERT_TRUE(op.contains("operationId")) << where;
      EXPECT_TRUE(ids.insert(std::string(op.at("operationId").as_string())).second) << where;
      EXPECT_FALSE(op.at("summary").as_string().empty()) << where;
      EXPECT_TRUE(op.contains("security")) << where;
      const auto& responses = op.at("responses").as_object();
      EXPECT_TRUE(std::any_of(responses.begin(), responses.end(), [](const auto& r) {
        return r.key().starts_with("4");
      })) << where;
    }
  }
  EXPECT_TRUE(document_.at("paths").at("/api/v1/openapi.json").at("get").at("security").as_array().empty());
  const auto unsafe = json::serialize(document_.at("paths").at("/api/v1/companies").at("post").at("security"));
  EXPECT_NE(unsafe.find("csrfToken"), std::string::npos);
}

TEST_F(OpenApiTest, AuthenticationAndAccessRoutesAreDescribed) {
  const auto& paths = document_.at("paths").as_object();
  for (const char* path :
       {"/api/v1/auth/sessions", "/api/v1/auth/sessions/{id}", "/api/v1/auth/password", "/api/v1/auth/tokens",
        "/api/v1/auth/tokens/{id}", "/api/v1/auth/totp", "/api/v1/auth/totp/setup", "/api/v1/auth/totp/enable",
        "/api/v1/auth/totp/disable", "/api/v1/users", "/api/v1/users/{id}", "/api/v1/scope-attributes", "/api/v1/roles",
        "/api/v1/roles/{id}", "/api/v1/teams", "/api/v1/teams/{id}", "/api/v1/companies/{id}/access",
        "/api/v1/people/{id}/access"}) {
    EXPECT_TRUE(paths.contains(path)) << path;
  }
  const auto& explain = paths.at("/api/v1/people/{id}/access").at("get").as_object();
  EXPECT_EQ(explain.at("operationId").as_string(), "getPersonAccess");
  EXPECT_EQ(explain.at("parameters").at(0).at("name").as_string(), "user_id");
  EXPECT_EQ(explain.at("responses").at("200").at("content").at("application/json").at("schema").at("$ref").as_string(),
            "#/components/schemas/AccessExplanation");
  EXPECT_TRUE(paths.at("/api/v1/auth/login").at("post").at("responses").as_object().contains("429"));
  EXPECT_TRUE(property("Login", "totp_code").contains("type"));
  const auto actions = strings(property("RoleRight", "action").at("enum"));
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "read", "edit", "delete", "export", "approve", "admin"}));
  // Input rights name only entities of the catalog.
  const auto entities =
      strings(schema("RoleInput").at("properties").at("rights").at("items").at("properties").at("entity").at("enum"));
  EXPECT_EQ(entities, (std::vector<std::string>{"company", "person"}));
  // API tokens open every record route; the sign-out ends a cookie session only.
  const auto list = json::serialize(paths.at("/api/v1/people").at("get").at("security"));
  EXPECT_NE(list.find("bearerToken"), std::string::npos) << list;
  const auto logout = json::serialize(paths.at("/api/v1/auth/logout").at("post").at("security"));
  EXPECT_EQ(logout.find("bearerToken"), std::string::npos) << logout;
}

TEST_F(OpenApiTest, EveryReferenceResolves) {
  std::vector<std::pair<std::string, std::string>> refs;
  collect_refs(document_, "#", refs);
  ASSERT_FALSE(refs.empty());
  for (const auto& [target, where] : refs) {
    ASSERT_TRUE(target.starts_with("#/components/")) << where;
    const json::value* node = &document_.at("components");
    std::string_view rest = std::string_view(target).substr(std::string_view("#/components/").size());
    while (node && !rest.empty()) {
      const auto slash = rest.find('/');
      node = node->as_object().if_contains(rest.substr(0, slash));
      rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    }
    EXPECT_NE(node, nullptr) << target << " at " << where;
  }
}

TEST_F(OpenApiTest, CustomFieldsAppearWithoutCodeChanges) {
  auto company = *catalog_->find("company");
  metadata::FieldDefinition field;
  field.id = "c_region";
  field.name = "region";
  field.type = "text";
  field.label = "Region";
  field.custom = true;
  company.fields.push_back(field);
  catalog_->put(company);
  const auto document = openapi_document(*catalog_, OpenApiOptions{"9.8.7"});
  EXPECT_TRUE(document.at("components").at("schemas").at("Company").at("properties").as_object().contains("region"));
  EXPECT_TRUE(
      document.at("components").at("schemas").at("CompanyInput").at("properties").as_object().contains("region"));
}

}  // namespace
}  // namespace atrium::records
