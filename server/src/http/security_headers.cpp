#include "atrium/http/security_headers.hpp"

namespace atrium::http {

void add_security_headers(Headers& headers) {
  const auto frame_options = headers.get("X-Frame-Options");
  const bool framed_document = frame_options && *frame_options == "SAMEORIGIN";
  headers.set("Content-Security-Policy", framed_document ? kFramedDocumentPolicy : kContentSecurityPolicy);
  headers.set("X-Content-Type-Options", "nosniff");
  // For browsers that predate frame-ancestors.
  if (!framed_document) headers.set("X-Frame-Options", "DENY");
  headers.set("Referrer-Policy", "same-origin");
}

}  // namespace atrium::http
