#pragma once
// What a new password must be: at least kMinimumPasswordLength characters and not one
// of the common passwords that guessing tools try first. The list comes from a Debian
// package (john-data's password.lst), read once at start, never copied into the repo.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "atrium/core/error.hpp"

namespace atrium::access {

inline constexpr const char* kDefaultCommonPasswordFile = "/usr/share/john/password.lst";

class PasswordPolicy {
 public:
  // Lines starting with "#!comment:" are skipped; entries compare without case. A
  // missing file leaves the list empty (a warning is logged): length still applies.
  static PasswordPolicy load(const std::filesystem::path& common_password_file);
  static PasswordPolicy from_words(std::string_view lines);

  // PASSWORD_TOO_SHORT, PASSWORD_TOO_COMMON or FIELD_TOO_LONG on `field`, or nothing.
  std::optional<FieldError> check(std::string_view password, std::string_view field = "password") const;
  std::size_t common_password_count() const { return common_.size(); }

 private:
  std::unordered_set<std::string> common_;
};

// The policy every password change applies: installed at start by `serve`, else the
// default file read on first use.
const PasswordPolicy& password_policy();
void install_password_policy(PasswordPolicy policy);

}  // namespace atrium::access
