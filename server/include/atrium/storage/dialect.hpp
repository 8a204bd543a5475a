#pragma once
// The SQL differences between the backends, in one place.
#include <string>
#include <string_view>

#include "atrium/storage/database.hpp"

namespace atrium::storage {

// `?` placeholders become `$1, $2, …` (outside quoted text and identifiers).
std::string to_numbered_placeholders(std::string_view sql);

}  // namespace atrium::storage
