#include "atrium/dataio/export_routes.hpp"

#include <fmt/format.h>

#include "atrium/dataio/xlsx_writer.hpp"
#include "atrium/records/list_parameters.hpp"
#include "csv_export_producer.hpp"
#include "export_rows.hpp"
#include "xlsx_export_producer.hpp"

namespace atrium::dataio {

namespace {

using http::Request;
using http::Response;

enum class ExportFormat { csv, xlsx };

Error invalid(std::string_view field, std::string_view code, std::string message) {
  return Error{ErrorCode::bad_request,
               fmt::format("{} is not valid", field),
               {{std::string(field), std::string(code), std::move(message)}}};
}

Result<bool> flag(const Request& request, std::string_view name, bool fallback) {
  const auto given = request.query(name);
  if (!given || given->empty()) return fallback;
  if (*given == "true") return true;
  if (*given == "false") return false;
  return invalid(name, "FIELD_INVALID", "true or false");
}

struct ExportOptions {
  ExportFormat format = ExportFormat::csv;
  ExportRequest rows;
  bool byte_order_mark = false;
  bool header = true;
};

Result<ExportOptions> export_options(const Request& request) {
  ExportOptions options;
  const auto format = request.query("format").value_or("csv");
  if (format == "csv") {
    options.format = ExportFormat::csv;
  } else if (format == "xlsx") {
    options.format = ExportFormat::xlsx;
  } else {
    return invalid("format", "FIELD_INVALID", "csv or xlsx");
  }
  auto bom = flag(request, "bom", false);
  if (!bom) return bom.take_error();
  if (*bom && options.format != ExportFormat::csv) return invalid("bom", "FIELD_INVALID", "only for format=csv");
  options.byte_order_mark = *bom;
  auto labels = flag(request, "labels", true);
  if (!labels) return labels.take_error();
  options.rows.labels = *labels;
  auto header = flag(request, "header", true);
  if (!header) return header.take_error();
  options.header = *header;
  // The list's own parameters, read as the list reads them.
  auto list = records::list_query_of(request);
  if (!list) return list.take_error();
  options.rows.filter = std::move(list->filter);
  options.rows.sort = std::move(list->sort);
  options.rows.fields = std::move(list->fields);
  options.rows.archived = list->archived;
  // A sheet has a row limit: counted first, so a too-large export is refused up front
  // instead of ending in a cut file.
  options.rows.count = options.format == ExportFormat::xlsx;
  return options;
}

}  // namespace

void add_export_routes(http::Router& router, records::RecordService& records,
                       const access::Authenticator& authenticator, access::GrantStore& grants,
                       std::filesystem::path work_directory) {
  for (const auto& entity : records.catalog().entities()) {
    const records::EntityLayout* layout = records.by_plural(entity.plural);
    router.add(http::Method::get, "/api/v1/" + entity.plural + "/export",
               [&records, &authenticator, &grants, layout, work_directory](Request& request) {
                 auto principal = authenticator.authenticate(request);
                 if (!principal) return Response::error(principal.error(), request.request_id);
                 auto caller = grants.for_user(principal->user.id);
                 if (!caller) return Response::error(caller.error(), request.request_id);
                 auto options = export_options(request);
                 if (!options) return Response::error(options.error(), request.request_id);
                 auto rows = ExportRows::open(records, *layout, *caller, options->rows);
                 if (!rows) return Response::error(rows.error(), request.request_id);
                 const auto& definition = layout->entity();
                 if (options->format == ExportFormat::xlsx && (*rows)->total() &&
                     *(*rows)->total() + (options->header ? 1 : 0) > static_cast<std::int64_t>(XlsxWriter::kMaxRows)) {
                   return Response::error(
                       invalid("format", "TOO_MANY_ROWS",
                               fmt::format("{} rows: a sheet holds at most {}; narrow the filter or export as csv",
                                           *(*rows)->total(), XlsxWriter::kMaxRows - 1)),
                       request.request_id);
                 }
                 Response response;
                 response.status = 200;
                 const bool csv = options->format == ExportFormat::csv;
                 response.headers.set("Content-Type",
                                      csv ? "text/csv; charset=utf-8"
                                          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                 response.headers.set("Content-Disposition",
                                      fmt::format("attachment; filename=\"{}-{}.{}\"", definition.plural,
                                                  records.today(), csv ? "csv" : "xlsx"));
                 response.headers.set("Cache-Control", "no-store");
                 if (csv) {
                   response.body_producer = std::make_shared<CsvExportProducer>(
                       std::move(*rows), options->byte_order_mark ? ByteOrderMark::with : ByteOrderMark::without,
                       options->header);
                 } else {
                   response.body_producer = std::make_shared<XlsxExportProducer>(
                       std::move(*rows), definition.label_plural, options->header, work_directory);
                 }
                 return response;
               });
  }
}

}  // namespace atrium::dataio
