#pragma once
// Headers every response carries, whatever produced it (a handler, a static file, an
// error, the transport): the browser may run only our own scripts, never frame the app,
// never guess a content type and never send the full URL to another site.
#include "atrium/http/headers.hpp"

namespace atrium::http {

// The Content-Security-Policy of the web app. Mantine writes its theme as inline
// <style> elements and style attributes, hence 'unsafe-inline' for styles only.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'";

void add_security_headers(Headers& headers);

}  // namespace atrium::http
