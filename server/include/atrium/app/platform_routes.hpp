#pragma once
// Routes of the platform itself: health, metrics, instance info, the event stream.
#include <string>

#include "atrium/http/event_hub.hpp"
#include "atrium/http/metrics.hpp"
#include "atrium/http/router.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::app {

void add_platform_routes(http::Router& router, storage::Database& database, http::Metrics& metrics,
                         std::string version);

}  // namespace atrium::app
