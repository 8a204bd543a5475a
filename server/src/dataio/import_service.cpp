#include "atrium/dataio/import_service.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "../records/record_access.hpp"
#include "atrium/core/id.hpp"
#include "atrium/core/json_body.hpp"
#include "atrium/dataio/import_file.hpp"
#include "atrium/dataio/import_settings.hpp"
#include "atrium/workflow/job_queue.hpp"

namespace atrium::dataio {

namespace {

constexpr const char* kImportColumns =
    "id, entity, file_id, file_name, options, dry_run, status, rows_total, rows_done, rows_failed, created_count, "
    "updated_count, skipped_count, message, created_at, started_at, finished_at";
// Rows of a dry run's errors shown with the import itself; the rest are in the report.
constexpr std::int64_t kErrorsShown = 50;
constexpr std::size_t kPreviewRows = 20;

boost::json::value text_or_null(const storage::Value& value) {
  return value.is_null() ? boost::json::value(nullptr) : boost::json::value(value.text());
}

boost::json::object import_json(const storage::Row& row) {
  auto options = parse_json(row[4].text());
  boost::json::object json{{"id", row[0].text()},
                           {"entity", row[1].text()},
                           {"file_id", row[2].text()},
                           {"file_name", row[3].text()},
                           {"dry_run", row[5].integer() != 0},
                           {"status", row[6].text()},
                           {"rows_total", row[7].is_null() ? boost::json::value(nullptr) : row[7].integer()},
                           {"rows_done", row[8].integer()},
                           {"rows_failed", row[9].integer()},
                           {"created", row[10].integer()},
                           {"updated", row[11].integer()},
                           {"skipped", row[12].integer()},
                           {"message", text_or_null(row[13])},
                           {"created_at", row[14].text()},
                           {"started_at", text_or_null(row[15])},
                           {"finished_at", text_or_null(row[16])}};
  if (options && options->is_object()) {
    auto& settings = options->as_object();
    settings.erase("data_file");
    settings.erase("separator");
    settings.erase("header");
    json["settings"] = std::move(settings);
  }
  return json;
}

Error file_not_found(std::string_view id) {
  return Error{ErrorCode::not_found, "no such import file",
               {{"file_id", "FILE_NOT_FOUND", fmt::format("no uploaded file {} of yours", id)}}};
}

std::string format_name(ImportFileFormat format) {
  return format == ImportFileFormat::xlsx ? "xlsx" : "csv";
}

}  // namespace

ImportService::ImportService(records::RecordService& records, access::GrantStore& grants, FileStore& files,
                             workflow::JobQueue& queue, const Clock& clock, const DuplicateFinder* duplicates)
    : records_(records), grants_(grants), files_(files), queue_(queue), clock_(clock), duplicates_(duplicates) {}

Result<boost::json::object> ImportService::add_file(const records::Actor& actor, const StoredFile& file,
                                                    std::string name) {
  auto preview = inspect_import_file(file.path, {}, 0);
  if (!preview) {
    files_.remove(kImportFilePurpose, file.id);
    return preview.take_error();
  }
  if (name.empty()) name = preview->format == ImportFileFormat::xlsx ? "upload.xlsx" : "upload.csv";
  ATRIUM_TRY(records_.database().transact([&](storage::Connection& connection) -> Result<void> {
    auto inserted = connection.execute(
        "INSERT INTO import_files (id, user_id, name, format, separator, size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {file.id, actor.user_id, name, format_name(preview->format), std::string(1, preview->csv.separator),
         static_cast<std::int64_t>(file.size), to_iso8601(clock_.now())});
    if (!inserted) return inserted.take_error();
    return {};
  }));
  return boost::json::object{{"id", file.id}};
}

Result<boost::json::object> ImportService::describe_file(const std::string& user_id, std::string_view file_id,
                                                         const records::EntityLayout* layout, std::string_view sheet) {
  std::string name;
  ATRIUM_TRY(records_.database().read([&](storage::Connection& connection) -> Result<void> {
    auto rows = connection.query("SELECT name FROM import_files WHERE id = ? AND user_id = ?",
                                 {std::string(file_id), user_id});
    if (!rows) return rows.take_error();
    if (rows->empty()) return file_not_found(file_id);
    name = rows->rows[0][0].text();
    return {};
  }));
  auto stored = files_.find(kImportFilePurpose, file_id);
  if (!stored) return file_not_found(file_id);
  auto preview = inspect_import_file(stored->path, sheet, kPreviewRows);
  if (!preview) return preview.take_error();
  const auto strings = [](const std::vector<std::string>& items) {
    boost::json::array array;
    for (const auto& item : items) array.emplace_back(item);
    return array;
  };
  boost::json::array rows;
  for (const auto& row : preview->rows) rows.push_back(strings(row));
  const bool xlsx = preview->format == ImportFileFormat::xlsx;
  boost::json::object json{{"id", std::string(file_id)},
                           {"name", name},
                           {"size", static_cast<std::int64_t>(stored->size)},
                           {"format", format_name(preview->format)},
                           {"separator", xlsx ? boost::json::value(nullptr) : boost::json::value(std::string(1, preview->csv.separator))},
                           {"encoding", "UTF-8"},
                           {"byte_order_mark", preview->csv.byte_order_mark},
                           {"sheets", strings(preview->sheets)},
                           {"header", strings(preview->header)},
                           {"rows", std::move(rows)}};
  if (layout) {
    boost::json::array targets;
    for (const auto& target : import_targets(*layout)) {
      targets.push_back(boost::json::object{{"name", target.name},
                                            {"label", target.label},
                                            {"type", target.part.empty() ? target.field->field->type : "text"},
                                            {"required", target.part.empty() && target.field->field->required},
                                            {"key", target.part.empty() && (target.field->field->unique ||
                                                                            target.field->field->indexed)}});
    }
    const auto suggestion = suggest_mapping(*layout, preview->header);
    boost::json::object mapping;
    for (std::size_t i = 0; i < preview->header.size(); ++i) {
      if (preview->header[i].empty() || mapping.contains(preview->header[i])) continue;
      mapping[preview->header[i]] =
          suggestion.targets[i].empty() ? boost::json::value(nullptr) : boost::json::value(suggestion.targets[i]);
    }
    json["entity"] = layout->entity().plural;
    json["targets"] = std::move(targets);
    json["suggested_mapping"] = std::move(mapping);
    json["preset"] = suggestion.preset.empty() ? boost::json::value(nullptr) : boost::json::value(suggestion.preset);
  }
  return json;
}

Result<boost::json::object> ImportService::start(const records::Actor& actor, const boost::json::object& body) {
  Error invalid{ErrorCode::validation_failed, "the import is not valid", {}};
  static constexpr std::string_view kKnown[] = {"file_id",           "entity", "sheet",    "dry_run",   "mapping",
                                                "date_format",       "mode",   "key_field", "duplicates", "currency",
                                                "decimal_separator"};
  for (const auto& [key, value] : body) {
    if (std::find(std::begin(kKnown), std::end(kKnown), std::string_view(key)) == std::end(kKnown)) {
      invalid.fields.push_back({std::string(key), "UNKNOWN_FIELD", "not a setting of an import"});
    }
  }
  const auto text = [&](std::string_view name, bool required) -> std::string {
    const auto* value = body.if_contains(name);
    if (!value || value->is_null()) {
      if (required) invalid.fields.push_back({std::string(name), "FIELD_REQUIRED", "required"});
      return {};
    }
    if (!value->is_string() || value->as_string().size() > 200) {
      invalid.fields.push_back({std::string(name), "FIELD_INVALID", "text of at most 200 characters"});
      return {};
    }
    return std::string(value->as_string());
  };
  const std::string file_id = text("file_id", true);
  const std::string entity = text("entity", true);
  const std::string sheet = text("sheet", false);
  bool dry_run = false;
  if (const auto* value = body.if_contains("dry_run"); value && !value->is_null()) {
    if (!value->is_bool()) {
      invalid.fields.push_back({"dry_run", "FIELD_INVALID_BOOLEAN", "true or false"});
    } else {
      dry_run = value->as_bool();
    }
  }
  auto settings = read_import_settings(body);
  if (!settings) {
    for (auto& field : settings.error().fields) invalid.fields.push_back(field);
  }
  const records::EntityLayout* layout = entity.empty() ? nullptr : records_.by_plural(entity);
  if (!entity.empty() && !layout) {
    invalid.fields.push_back({"entity", "UNKNOWN_ENTITY", fmt::format("no entity '{}'", entity)});
  }
  if (!invalid.fields.empty()) return invalid;

  // The rights the rows will need, checked before any work: every row would fail anyway.
  const bool creates = settings->mode != ImportMode::update;
  const bool updates = settings->mode != ImportMode::create || settings->duplicates == DuplicateHandling::update;
  if (actor.access) {
    if (creates && !actor.access->may(*layout, access::Action::create)) {
      return records::access_denied(*layout, access::Action::create);
    }
    if (updates && !actor.access->may(*layout, access::Action::edit)) {
      return records::access_denied(*layout, access::Action::edit);
    }
  }
  const auto targets = import_targets(*layout);
  if (actor.access) {
    std::vector<const records::FieldLayout*> touched;
    for (const auto& [column, target_name] : settings->mapping) {
      if (const auto* target = find_target(targets, target_name)) touched.push_back(target->field);
    }
    ATRIUM_TRY(actor.access->check_writable(*layout, touched));
  }

  std::string file_name, format;
  char separator = ',';
  ATRIUM_TRY(records_.database().read([&](storage::Connection& connection) -> Result<void> {
    auto rows = connection.query("SELECT name, format, separator FROM import_files WHERE id = ? AND user_id = ?",
                                 {file_id, actor.user_id});
    if (!rows) return rows.take_error();
    if (rows->empty()) return file_not_found(file_id);
    file_name = rows->rows[0][0].text();
    format = rows->rows[0][1].text();
    separator = rows->rows[0][2].text().empty() ? ',' : rows->rows[0][2].text().front();
    return {};
  }));
  auto stored = files_.find(kImportFilePurpose, file_id);
  if (!stored) return file_not_found(file_id);
  StoredFile data = *stored;
  if (format == "xlsx") {
    // The sheet as CSV: the batch jobs resume at byte offsets, which a workbook has not.
    auto converted = files_.create(kImportFilePurpose);
    if (!converted) return converted.take_error();
    if (auto written = write_sheet_as_csv(stored->path, sheet, converted->path); !written) {
      files_.remove(kImportFilePurpose, converted->id);
      return written.take_error();
    }
    data = *converted;
    separator = ',';
  }
  auto csv = read_csv_layout(data.path, separator);
  if (!csv) return csv.take_error();
  ATRIUM_TRY(check_import_settings(*settings, targets, csv->header));

  boost::json::object options = import_settings_json(*settings);
  options["data_file"] = data.id;
  options["separator"] = std::string(1, separator);
  boost::json::array header;
  for (const auto& column : csv->header) header.emplace_back(column);
  options["header"] = std::move(header);
  if (!sheet.empty()) options["sheet"] = sheet;

  const std::string id = new_id();
  ATRIUM_TRY(records_.database().transact([&](storage::Connection& connection) -> Result<void> {
    auto inserted = connection.execute(
        "INSERT INTO imports (id, user_id, entity, file_id, file_name, options, dry_run, status, rows_total, "
        "next_batch, next_offset, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, 0, ?, ?)",
        {id, actor.user_id, layout->entity().plural, file_id, file_name, boost::json::serialize(options),
         dry_run ? 1 : 0, static_cast<std::int64_t>(csv->rows), static_cast<std::int64_t>(csv->data_offset),
         to_iso8601(clock_.now())});
    if (!inserted) return inserted.take_error();
    auto enqueued = queue_.enqueue(connection, workflow::NewJob{.kind = kImportBatchJob,
                                                                 .payload = boost::json::serialize(boost::json::object{
                                                                     {"import_id", id}, {"batch", 0}}),
                                                                 .idempotency_key = fmt::format("{}/0", id)});
    if (!enqueued) return enqueued.take_error();
    return {};
  }));
  return get(actor.user_id, id);
}

Result<boost::json::object> ImportService::get(const std::string& user_id, std::string_view id) {
  Result<boost::json::object> found = boost::json::object{};
  ATRIUM_TRY(records_.database().read([&](storage::Connection& connection) -> Result<void> {
    auto rows = connection.query(fmt::format("SELECT {} FROM imports WHERE id = ? AND user_id = ?", kImportColumns),
                                 {std::string(id), user_id});
    if (!rows) return rows.take_error();
    // Another user's import reads as absent.
    if (rows->empty()) {
      found = make_error(ErrorCode::not_found, fmt::format("no import with id {}", id));
      return {};
    }
    boost::json::object json = import_json(rows->rows[0]);
    auto errors = connection.query(
        "SELECT row_index, error FROM import_errors WHERE import_id = ? ORDER BY row_index LIMIT ?",
        {std::string(id), kErrorsShown});
    if (!errors) return errors.take_error();
    boost::json::array shown;
    for (const auto& row : errors->rows) {
      shown.push_back(boost::json::object{{"row", row[0].integer()}, {"error", row[1].text()}});
    }
    json["errors"] = std::move(shown);
    found = std::move(json);
    return {};
  }));
  return found;
}

Result<boost::json::array> ImportService::list(const std::string& user_id, std::size_t limit) {
  boost::json::array imports;
  ATRIUM_TRY(records_.database().read([&](storage::Connection& connection) -> Result<void> {
    auto rows = connection.query(
        fmt::format("SELECT {} FROM imports WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                    kImportColumns),
        {user_id, static_cast<std::int64_t>(limit)});
    if (!rows) return rows.take_error();
    for (const auto& row : rows->rows) imports.push_back(import_json(row));
    return {};
  }));
  return imports;
}

Result<boost::json::object> ImportService::cancel(const std::string& user_id, std::string_view id) {
  auto current = get(user_id, id);
  if (!current) return current;
  ATRIUM_TRY(records_.database().transact([&](storage::Connection& connection) -> Result<void> {
    // The batch job reads the status first and stops; a batch running now commits, then
    // its successor sees the cancellation.
    auto changed = connection.execute(
        "UPDATE imports SET status = 'cancelled', finished_at = ? WHERE id = ? AND status IN ('queued', 'running')",
        {to_iso8601(clock_.now()), std::string(id)});
    if (!changed) return changed.take_error();
    if (*changed == 0) {
      return Error{ErrorCode::conflict, "the import has finished already",
                   {{"status", "IMPORT_FINISHED", "only a queued or running import can be cancelled"}}};
    }
    return {};
  }));
  return get(user_id, id);
}

Result<std::string> ImportService::error_report(const std::string& user_id, std::string_view id) {
  auto current = get(user_id, id);
  if (!current) return current.take_error();
  std::string report = "\xEF\xBB\xBF";  // spreadsheet programs read UTF-8 only with it
  ATRIUM_TRY(records_.database().read([&](storage::Connection& connection) -> Result<void> {
    auto options = connection.query("SELECT options FROM imports WHERE id = ?", {std::string(id)});
    if (!options) return options.take_error();
    std::vector<std::string> header;
    if (auto parsed = parse_json(options->rows[0][0].text()); parsed && parsed->is_object()) {
      if (const auto* columns = parsed->as_object().if_contains("header"); columns && columns->is_array()) {
        for (const auto& column : columns->as_array()) header.emplace_back(column.as_string());
      }
    }
    header.emplace_back("error");
    append_csv_line(report, header);
    return connection.each(
        "SELECT cells, error FROM import_errors WHERE import_id = ? ORDER BY row_index", {std::string(id)},
        [&](const storage::Row& row) {
          std::vector<std::string> cells;
          if (auto parsed = parse_json(row[0].text()); parsed && parsed->is_array()) {
            for (const auto& cell : parsed->as_array()) cells.emplace_back(cell.is_string() ? cell.as_string() : "");
          }
          cells.resize(header.size() - 1);
          cells.push_back(row[1].text());
          append_csv_line(report, cells);
          return true;
        });
  }));
  return report;
}

}  // namespace atrium::dataio
