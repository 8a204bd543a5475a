#include "atrium/http/security_headers.hpp"

namespace atrium::http {

void add_security_headers(Headers& headers) {
  headers.set("Content-Security-Policy", kContentSecurityPolicy);
  headers.set("X-Content-Type-Options", "nosniff");
  // For browsers that predate frame-ancestors.
  headers.set("X-Frame-Options", "DENY");
  headers.set("Referrer-Policy", "same-origin");
}

}  // namespace atrium::http
