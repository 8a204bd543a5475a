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

  // `account` and `product` are records as the record service returns them. Read on
  // `connection`, so a line priced inside a write sees the rules as that write does.
  Result<PricingFacts> read(storage::Connection& connection, const boost::json::object& account,
                            const boost::json::object& product);

 private:
  // The live records of `entity` meeting `condition`, SQL in which "{field}" stands for
  // a field's column and values are bound from `params`.
  Result<boost::json::array> all(storage::Connection& connection, std::string_view entity, const std::string& condition,
                                 const storage::Params& params);

  records::RecordService& records_;
};

}  // namespace atrium::sales
