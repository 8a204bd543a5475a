#pragma once
// Headers every response carries, whatever produced it (a handler, a static file, an
// error, the transport): the browser may run only our own scripts, never frame the app
// (save the documents it previews), never guess a content type and never send the full URL to another site.
#include "atrium/http/headers.hpp"

namespace atrium::http {

// The Content-Security-Policy of the web app. Mantine writes its theme as inline
// <style> elements and style attributes, hence 'unsafe-inline' for styles only.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'";

// A document the web app shows in a frame of its own (a PDF preview): framed by the
// app's pages only, and with plugins allowed, since browsers show PDFs with one.
inline constexpr const char* kFramedDocumentPolicy =
    "default-src 'self'; frame-ancestors 'self'";

// A handler marks a response as such a document with `X-Frame-Options: SAMEORIGIN`;
// every other response may never be framed.
void add_security_headers(Headers& headers);

}  // namespace atrium::http
