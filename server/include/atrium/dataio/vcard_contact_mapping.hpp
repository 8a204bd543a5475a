#pragma once
// Between vCards and contact records: which property fills which field. Only fields the
// contact definition has are filled or written, by their API names (first_name,
// last_name, title, email, email_other, phone, mobile, address, birthday, comments), so a
// definition without one of them simply leaves that property out.
#include <boost/json/object.hpp>

#include "atrium/dataio/vcard.hpp"
#include "atrium/records/entity_layout.hpp"

namespace atrium::dataio {

// The contact values of a card, ready for the record service's create.
boost::json::object contact_values_from_vcard(const records::EntityLayout& layout, const VCard& card);

// A version 4.0 card of a contact record (as the caller may see it: hidden fields are
// already gone from `record`).
VCard vcard_from_contact(const records::EntityLayout& layout, const boost::json::object& record);

}  // namespace atrium::dataio
