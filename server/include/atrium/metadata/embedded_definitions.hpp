#pragma once
#include <string_view>
#include <vector>

namespace atrium::metadata {

struct EmbeddedDefinition {
  std::string_view file;  // "account.json"
  std::string_view json;
};

// Generated at build time from server/definitions/*.json.
const std::vector<EmbeddedDefinition>& embedded_definitions();

}  // namespace atrium::metadata
