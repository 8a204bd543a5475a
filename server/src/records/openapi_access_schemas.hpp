#pragma once
// The OpenAPI schemas of a user's own credentials (sessions, API tokens, password, TOTP)
// and of the access administration (users, roles, teams, explanations of access).
#include <boost/json/object.hpp>

#include "atrium/metadata/catalog.hpp"

namespace atrium::records::openapi {

void add_credential_schemas(boost::json::object& schemas);
void add_access_schemas(boost::json::object& schemas, const metadata::Catalog& catalog);

}  // namespace atrium::records::openapi
