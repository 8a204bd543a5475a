#include "atrium/access/password_policy.hpp"

#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <vector>

#include "atrium/access/password_hasher.hpp"
#include "atrium/core/log.hpp"

namespace atrium::access {

namespace {
std::string lower(std::string_view text) {
  std::string result(text);
  for (auto& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

std::mutex& policy_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::shared_ptr<const PasswordPolicy>& installed_policy() {
  static std::shared_ptr<const PasswordPolicy> policy;
  return policy;
}
}  // namespace

PasswordPolicy PasswordPolicy::from_words(std::string_view lines) {
  PasswordPolicy policy;
  while (!lines.empty()) {
    const auto end = lines.find('\n');
    std::string_view line = lines.substr(0, end);
    lines = end == std::string_view::npos ? std::string_view{} : lines.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.starts_with("#!comment:")) continue;
    policy.common_.insert(lower(line));
  }
  return policy;
}

PasswordPolicy PasswordPolicy::load(const std::filesystem::path& common_password_file) {
  std::ifstream in(common_password_file, std::ios::binary);
  if (!in) {
    log::warn("no common-password list at {}: passwords are checked for length only (install john-data)",
              common_password_file.string());
    return {};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return from_words(text.str());
}

std::optional<FieldError> PasswordPolicy::check(std::string_view password, std::string_view field) const {
  if (password.size() < kMinimumPasswordLength) {
    return FieldError{std::string(field), "PASSWORD_TOO_SHORT",
                      "at least " + std::to_string(kMinimumPasswordLength) + " characters"};
  }
  if (password.size() > 1024) return FieldError{std::string(field), "FIELD_TOO_LONG", "at most 1024 characters"};
  if (common_.contains(lower(password))) {
    return FieldError{std::string(field), "PASSWORD_TOO_COMMON", "this password is on a list of common passwords"};
  }
  return std::nullopt;
}

const PasswordPolicy& password_policy() {
  std::lock_guard lock(policy_mutex());
  auto& policy = installed_policy();
  if (!policy) policy = std::make_shared<const PasswordPolicy>(PasswordPolicy::load(kDefaultCommonPasswordFile));
  return *policy;
}

void install_password_policy(PasswordPolicy policy) {
  std::lock_guard lock(policy_mutex());
  // Installed once at start, before requests: the old one is kept alive in case a
  // reference to it is still in use.
  static std::vector<std::shared_ptr<const PasswordPolicy>> retired;
  if (installed_policy()) retired.push_back(installed_policy());
  installed_policy() = std::make_shared<const PasswordPolicy>(std::move(policy));
}

}  // namespace atrium::access
