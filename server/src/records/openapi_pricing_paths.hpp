#pragma once
// The OpenAPI path of the pricing function (/api/v1/pricing/quote).
#include <boost/json/object.hpp>

namespace atrium::records::openapi {

void add_pricing_paths(boost::json::object& paths);

}  // namespace atrium::records::openapi
