#pragma once
// Delegation while absent: a user names a delegate and a period; during it the delegate
// decides the user's approvals in their place, and the history shows on whose behalf.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::workflow {

inline constexpr std::size_t kMaxDelegationsPerUser = 50;
inline constexpr auto kMaxDelegationPeriod = std::chrono::hours(24 * 366);

class ApprovalDelegations {
 public:
  ApprovalDelegations(storage::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

  // Those the user gave and those given to them, newest period first.
  Result<boost::json::array> list(const std::string& user_id);
  // {delegate_id, starts_at, ends_at, remarks?}: VALIDATION_FAILED names the field.
  Result<boost::json::object> create(const std::string& user_id, const boost::json::object& input);
  // Only the user who gave it (or an administrator) takes it back.
  Result<void> remove(const std::string& user_id, const std::string& id, bool administrator);

 private:
  storage::Database& database_;
  const Clock& clock_;
};

}  // namespace atrium::workflow
