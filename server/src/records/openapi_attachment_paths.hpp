#pragma once
// The OpenAPI paths of files on records: uploading an attachment, reading its content,
// and the PDF copies of quotations and invoices (saved as attachments, e-mailed).
#include <boost/json/object.hpp>

#include "atrium/metadata/catalog.hpp"

namespace atrium::records::openapi {

void add_attachment_paths(boost::json::object& paths, const metadata::Catalog& catalog);

}  // namespace atrium::records::openapi
