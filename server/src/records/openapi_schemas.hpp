#pragma once
// The schema half of the OpenAPI document: JSON Schema for field values, the record
// shapes of every entity and the shared components. openapi.cpp builds the paths.
#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/metadata/catalog.hpp"

namespace atrium::records::openapi {

// account_contact → AccountContact: schema names and operation ids.
std::string pascal_case(std::string_view snake);
// "#/components/schemas/<name>"
std::string schema_ref(std::string_view name);

// components.schemas: Error, Money, Address, the platform's shapes (sessions, API tokens,
// two-factor sign-in, users, roles, teams, access explanations, saved views), and per entity <Entity>
// (what reads answer), <Entity>Input (what create accepts), <Entity>Patch and <Entity>Page.
boost::json::object component_schemas(const metadata::Catalog& catalog);

// The names a list's `fields` parameter accepts, and those its `sort` may use.
std::vector<std::string> selectable_fields(const metadata::EntityDefinition& entity, const metadata::Catalog& catalog);
std::vector<std::string> sortable_fields(const metadata::EntityDefinition& entity, const metadata::Catalog& catalog);

}  // namespace atrium::records::openapi
