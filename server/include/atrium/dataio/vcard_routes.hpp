#pragma once
// vCards of contacts: `GET /api/v1/contacts/{id}/vcard`, `GET /api/v1/contacts/export.vcf`
// (the list's filter and sort, the list's access) and `POST /api/v1/contacts/vcard`
// (a .vcf of one or more cards, each created as a contact or reported with its errors,
// with duplicate warnings). Registered before the record routes, whose `/{id}` patterns
// would take these paths.
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::dataio {

inline constexpr std::size_t kMaxVCardExport = 50000;

void add_vcard_routes(http::Router& router, records::RecordService& records,
                      const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::dataio
