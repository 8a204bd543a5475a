// A document created with its lines (`lines` on POST of a quotation, an order, …): one
// transaction, each line created as it would be on its own, the document's totals
// computed once after the last line.
#include <fmt/format.h>

#include "atrium/records/record_service.hpp"
#include "record_codec.hpp"

namespace atrium::records {

Result<boost::json::object> RecordService::create_with_lines(const EntityLayout& layout,
                                                             const boost::json::object& input,
                                                             const boost::json::value& lines, const Actor& actor) {
  auto invalid = [](std::string field, std::string code, std::string message) {
    return Error{ErrorCode::validation_failed, message, {{std::move(field), std::move(code), message}}};
  };
  if (!lines.is_array()) return invalid("lines", "FIELD_INVALID", "an array of lines");
  if (lines.as_array().size() > kMaxBulkItems) {
    return invalid("lines", "FIELD_TOO_LONG", fmt::format("at most {} lines", kMaxBulkItems));
  }
  const EntityLayout& line_layout = *by_name(layout.entity().lines->entity);
  const std::string link = line_layout.find_field(layout.entity().lines->link)->api_name;
  boost::json::object header = input;
  header.erase("lines");
  Result<boost::json::object> created = boost::json::object{};
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    created = create_within(connection, layout, header, actor);
    if (!created) return created.error();
    const std::string id(created->at("id").as_string());
    boost::json::array made;
    made.reserve(lines.as_array().size());
    // The document's totals follow its lines: computed once, after the last.
    RecomputeBatch batch(*this, connection);
    for (std::size_t index = 0; index < lines.as_array().size(); ++index) {
      const std::string place = fmt::format("lines[{}]", index);
      const auto& line = lines.as_array()[index];
      if (!line.is_object()) return invalid(place, "FIELD_INVALID", "a line is an object of its fields");
      boost::json::object values = line.as_object();
      if (values.contains(link)) return invalid(place + "." + link, "FIELD_READ_ONLY", "a line of this document");
      values[link] = id;
      auto made_line = create_within(connection, line_layout, values, actor);
      if (!made_line) {
        Error error = made_line.take_error();
        for (auto& field : error.fields) field.field = place + "." + field.field;
        if (error.fields.empty()) error.fields.push_back({place, "FIELD_INVALID", error.message});
        return error;
      }
      made.emplace_back(std::move(*made_line));
    }
    ATRIUM_TRY(batch.finish());
    created = read_record(connection, layout, id);
    if (!created) return created.error();
    (*created)["lines"] = std::move(made);
    return {};
  }));
  return created;
}

}  // namespace atrium::records
