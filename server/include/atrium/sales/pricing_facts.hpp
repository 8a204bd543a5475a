#pragma once
// Reads what the pricing function needs for one customer and one product from the
// records: price lists and their rates, the customer's prices, special prices with the
// state of their approvals, discount and tax rules. Rules are reference data: they are
// read whatever the caller's scope; the customer and the product are read with it.
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/sales/pricing.hpp"

namespace atrium::sales {

class PricingFactsReader {
 public:
  explicit PricingFactsReader(records::RecordService& records) : records_(records) {}

  // `account` and `product` are records as the record service returns them.
  Result<PricingFacts> read(const boost::json::object& account, const boost::json::object& product);

 private:
  Result<boost::json::array> all(std::string_view entity, const std::string& filter);

  records::RecordService& records_;
};

}  // namespace atrium::sales
