// The import's batch job: ImportService::run_batch and its registration.
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <filesystem>

#include "../records/record_access.hpp"
#include "atrium/core/json_body.hpp"
#include "atrium/dataio/csv_reader.hpp"
#include "atrium/dataio/duplicate_finder.hpp"
#include "atrium/dataio/import_row_builder.hpp"
#include "atrium/dataio/import_service.hpp"
#include "atrium/metadata/field_type.hpp"
#include "atrium/workflow/job_queue.hpp"
#include "atrium/workflow/job_registry.hpp"

namespace atrium::dataio {

namespace {

// Duplicate candidates this sure count as the same party: two shared keys at least (name
// and e-mail score 88, name and phone 80), never one alone.
constexpr int kDuplicateScore = 80;

struct ImportState {
  std::string user_id;
  const records::EntityLayout* layout = nullptr;
  ImportSettings settings;
  std::vector<std::string> header;
  char separator = ',';
  std::string data_file;
  bool dry_run = false;
  std::string status;
  std::int64_t next_batch = 0;
  std::int64_t next_offset = 0;
  std::int64_t rows_done = 0;
};

struct BatchCounts {
  std::int64_t rows = 0, failed = 0, created = 0, updated = 0, skipped = 0;
};

struct RowError {
  std::int64_t row = 0;
  std::string cells;  // JSON array
  std::string error;
};

// A record service error as one line: each field at fault with the file column it came from.
std::string describe(const Error& error, const ImportRowBuilder& builder) {
  if (error.fields.empty()) return fmt::format("{}: {}", error_code_name(error.code), error.message);
  std::string text;
  for (const auto& field : error.fields) {
    const std::string column = builder.column_for(field.field);
    if (!text.empty()) text += "; ";
    text += column.empty() ? fmt::format("{}: {} ({})", field.field, field.message, field.code)
                           : fmt::format("column '{}' ({}): {} ({})", column, field.field, field.message, field.code);
  }
  return text;
}

Result<void> mark_failed(storage::Connection& connection, const std::string& id, std::string message, TimePoint now) {
  auto changed = connection.execute(
      "UPDATE imports SET status = 'failed', message = ?, finished_at = ? WHERE id = ? AND status IN ('queued', "
      "'running')",
      {std::move(message), to_iso8601(now), id});
  if (!changed) return changed.take_error();
  return {};
}

}  // namespace

void ImportService::register_jobs(workflow::JobRegistry& registry) {
  registry.add(kImportBatchJob, [this](workflow::JobContext& context) { return run_batch(context); });
}

Result<void> ImportService::run_batch(workflow::JobContext& context) {
  storage::Connection& connection = *context.connection;
  auto payload = parse_json(context.job.payload);
  if (!payload || !payload->is_object()) return make_error(ErrorCode::internal_error, "import job without payload");
  const auto* import_value = payload->as_object().if_contains("import_id");
  const auto* batch_value = payload->as_object().if_contains("batch");
  if (!import_value || !import_value->is_string() || !batch_value || !batch_value->is_int64()) {
    return make_error(ErrorCode::internal_error, "import job with a broken payload");
  }
  const std::string import_id(import_value->as_string());
  const std::int64_t batch = batch_value->as_int64();

  // On PostgreSQL the row lock orders this batch with a cancel arriving meanwhile.
  const char* lock = connection.dialect() == storage::Dialect::postgresql ? " FOR UPDATE" : "";
  auto rows = connection.query(
      fmt::format("SELECT user_id, entity, options, dry_run, status, next_batch, next_offset, rows_done FROM imports "
                  "WHERE id = ?{}",
                  lock),
      {import_id});
  if (!rows) return rows.take_error();
  if (rows->empty()) return {};
  const auto& row = rows->rows[0];
  ImportState state;
  state.user_id = row[0].text();
  state.dry_run = row[3].integer() != 0;
  state.status = row[4].text();
  state.next_batch = row[5].integer();
  state.next_offset = row[6].integer();
  state.rows_done = row[7].integer();
  // Cancelled, finished, or a batch that committed already: nothing to do.
  if ((state.status != "queued" && state.status != "running") || state.next_batch != batch) return {};

  state.layout = records_.by_plural(row[1].text());
  auto options = parse_json(row[2].text());
  if (!state.layout || !options || !options->is_object()) {
    return mark_failed(connection, import_id, "the import's entity or settings are gone", context.now);
  }
  const auto& stored = options->as_object();
  auto settings = read_import_settings(stored);
  if (!settings) return mark_failed(connection, import_id, "the import's settings are not valid", context.now);
  state.settings = std::move(*settings);
  if (const auto* header = stored.if_contains("header"); header && header->is_array()) {
    for (const auto& column : header->as_array()) state.header.emplace_back(column.as_string());
  }
  if (const auto* separator = stored.if_contains("separator"); separator && separator->is_string() &&
                                                                 !separator->as_string().empty()) {
    state.separator = separator->as_string().front();
  }
  if (const auto* file = stored.if_contains("data_file"); file && file->is_string()) {
    state.data_file = std::string(file->as_string());
  }

  auto grants = grants_.for_user(state.user_id);
  if (!grants) return mark_failed(connection, import_id, "the importing user is gone", context.now);
  const records::RecordAccess access = records::access_for(records_, *grants);
  const records::Actor actor{state.user_id, &access};
  const records::EntityLayout& layout = *state.layout;

  auto file = files_.find(kImportFilePurpose, state.data_file);
  if (!file) return mark_failed(connection, import_id, "the uploaded file is gone", context.now);
  auto reader = CsvReader::open(file->path, state.separator, static_cast<std::uint64_t>(state.next_offset));
  if (!reader) return mark_failed(connection, import_id, "the uploaded file is gone", context.now);

  ImportRowBuilder builder(records_, layout, state.settings, state.header, connection);
  const auto targets = import_targets(layout);
  const ImportTarget* key = state.settings.key_field.empty() ? nullptr : find_target(targets, state.settings.key_field);
  const bool find_duplicates = duplicates_ && state.settings.mode == ImportMode::create && duplicates_->applies_to(layout);
  std::string key_condition;
  storage::Params key_params;
  if (key) {
    // Only records the caller may read count as matches, as in a list.
    key_condition = fmt::format("{} = ?", key->field->columns[0].name);
    if (!access.unrestricted()) {
      auto condition = access.condition(layout, access::Action::read);
      if (condition) {
        key_condition += " AND " + condition->sql;
        key_params = condition->params;
      } else {
        key_condition += " AND 1 = 0";
      }
    }
  }

  BatchCounts counts;
  std::vector<RowError> errors;
  if (state.dry_run) ATRIUM_TRY(connection.execute_script("SAVEPOINT atrium_import_dry_run"));
  CsvRecord record;
  std::uint64_t offset = static_cast<std::uint64_t>(state.next_offset);
  bool more = true;
  while (counts.rows < static_cast<std::int64_t>(kImportBatchRows)) {
    if (!reader->next(record)) {
      more = false;
      break;
    }
    offset = record.end_offset;
    ++counts.rows;
    const std::int64_t row_number = state.rows_done + counts.rows;
    const auto fail = [&](std::string message) {
      boost::json::array cells;
      for (const auto& cell : record.fields) cells.emplace_back(valid_utf8(cell) ? cell : std::string());
      errors.push_back({row_number, boost::json::serialize(cells), std::move(message)});
      ++counts.failed;
    };
    if (!record.error.empty()) {
      fail(record.error);
      continue;
    }
    auto input = builder.build(record.fields);
    if (!input) {
      if (input.error().code != ErrorCode::validation_failed) return input.take_error();
      fail(input.error().message);
      continue;
    }
    // The existing record the row means: by the key, else (create mode) by the finder.
    std::string existing_id;
    if (key) {
      const auto* value = input->if_contains(key->field->api_name);
      if (!value && state.settings.mode != ImportMode::create) {
        fail(fmt::format("the key column for '{}' is empty", key->name));
        continue;
      }
      if (value) {
        auto columns = key->field->type->from_json(*value, *key->field->field);
        if (const auto* stored_value = std::get_if<std::vector<storage::Value>>(&columns)) {
          storage::Params params{stored_value->front()};
          params.insert(params.end(), key_params.begin(), key_params.end());
          auto matches = connection.query(
              fmt::format("SELECT id FROM {} WHERE {} LIMIT 2", layout.entity().table, key_condition), params);
          if (!matches) return matches.take_error();
          if (matches->size() > 1) {
            fail(fmt::format("several records have this {}", key->name));
            continue;
          }
          if (matches->size() == 1) existing_id = matches->rows[0][0].text();
        }
      }
    }
    if (existing_id.empty() && find_duplicates) {
      auto candidates = duplicates_->find(connection, layout, *input, &access, {}, 1);
      if (!candidates) return candidates.take_error();
      if (!candidates->empty() && candidates->front().score >= kDuplicateScore) existing_id = candidates->front().id;
    }
    enum class Action { create, update, skip } action = Action::create;
    if (!existing_id.empty()) {
      if (state.settings.mode != ImportMode::create || state.settings.duplicates == DuplicateHandling::update) {
        action = Action::update;
      } else if (state.settings.duplicates == DuplicateHandling::skip) {
        action = Action::skip;
      }
    } else if (state.settings.mode == ImportMode::update) {
      fail(fmt::format("no record with this {} to update", key->name));
      continue;
    }
    if (action == Action::skip) {
      ++counts.skipped;
      continue;
    }
    // Never half a row: the row's writes go together or not at all.
    ATRIUM_TRY(connection.execute_script("SAVEPOINT atrium_import_row"));
    Result<boost::json::object> saved = boost::json::object{};
    if (action == Action::update) {
      if (key) input->erase(key->field->api_name);  // it matched: nothing to change
      saved = records_.patch_within(connection, layout, existing_id, *input, std::nullopt, actor);
    } else {
      saved = records_.create_within(connection, layout, *input, actor);
    }
    if (!saved) {
      ATRIUM_TRY(connection.execute_script("ROLLBACK TO SAVEPOINT atrium_import_row"));
      // An unreachable database is the batch's failure (the job retries, nothing of the
      // batch is kept); anything else, even a constraint the database caught, is the row's.
      if (saved.error().code == ErrorCode::database_unavailable) return saved.take_error();
      fail(describe(saved.error(), builder));
    } else {
      ++(action == Action::update ? counts.updated : counts.created);
    }
    ATRIUM_TRY(connection.execute_script("RELEASE SAVEPOINT atrium_import_row"));
  }
  if (more) {
    std::error_code size_error;
    const auto size = std::filesystem::file_size(file->path, size_error);
    more = size_error || offset < size;
  }
  if (state.dry_run) {
    ATRIUM_TRY(connection.execute_script("ROLLBACK TO SAVEPOINT atrium_import_dry_run"));
    ATRIUM_TRY(connection.execute_script("RELEASE SAVEPOINT atrium_import_dry_run"));
  }

  for (const auto& error : errors) {
    auto inserted = connection.execute(
        "INSERT INTO import_errors (import_id, row_index, cells, error) VALUES (?, ?, ?, ?)",
        {import_id, error.row, error.cells, error.error.substr(0, 4000)});
    if (!inserted) return inserted.take_error();
  }
  // Started when the first batch began; finished when the last one ends.
  const std::string began = to_iso8601(context.now);
  const std::string now = to_iso8601(clock_.now());
  auto updated = connection.execute(
      "UPDATE imports SET status = ?, started_at = COALESCE(started_at, ?), finished_at = ?, rows_done = rows_done + ?, "
      "rows_failed = rows_failed + ?, created_count = created_count + ?, updated_count = updated_count + ?, "
      "skipped_count = skipped_count + ?, next_batch = ?, next_offset = ? WHERE id = ?",
      {more ? "running" : "done", began, more ? storage::Value() : storage::Value(now), counts.rows, counts.failed,
       counts.created, counts.updated, counts.skipped, batch + 1, static_cast<std::int64_t>(offset), import_id});
  if (!updated) return updated.take_error();
  if (more) {
    auto enqueued = queue_.enqueue(
        connection,
        workflow::NewJob{.kind = kImportBatchJob,
                         .payload = boost::json::serialize(boost::json::object{{"import_id", import_id},
                                                                               {"batch", batch + 1}}),
                         .idempotency_key = fmt::format("{}/{}", import_id, batch + 1)});
    if (!enqueued) return enqueued.take_error();
  }
  return {};
}

}  // namespace atrium::dataio
