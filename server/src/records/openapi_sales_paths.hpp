#pragma once
// The OpenAPI paths of the sales module: the pricing function (/api/v1/pricing/quote) and
// the revisions of quotations (/api/v1/quotations/{id}/revisions…).
#include <boost/json/object.hpp>

#include "atrium/metadata/catalog.hpp"

namespace atrium::records::openapi {

void add_pricing_paths(boost::json::object& paths);
void add_quotation_paths(boost::json::object& paths);
// The rest of the cycle (openapi_sales_cycle_paths.cpp).
void add_sales_cycle_paths(boost::json::object& paths, const metadata::Catalog& catalog);

}  // namespace atrium::records::openapi
