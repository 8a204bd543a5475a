#include "atrium/app/schema_setup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "atrium/metadata/embedded_definitions.hpp"
#include "atrium/metadata/schema_sync.hpp"
#include "atrium/storage/migration.hpp"

namespace atrium::app {

namespace {

constexpr std::uintmax_t kMaxDefinitionBytes = 1 << 20;

std::filesystem::path& extra_definitions() {
  static std::filesystem::path directory;
  return directory;
}

// The embedded definitions, then the folder's files in name order.
Result<metadata::Catalog> load_catalog(const std::filesystem::path& directory) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& definition : metadata::embedded_definitions()) files.emplace_back(definition.file, definition.json);
  if (!directory.empty()) {
    std::error_code error;
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
      if (entry.is_regular_file() && entry.path().extension() == ".json") paths.push_back(entry.path());
    }
    if (error) {
      return make_error(ErrorCode::bad_request,
                        fmt::format("extra definitions {}: {}", directory.string(), error.message()));
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) {
      if (std::filesystem::file_size(path, error) > kMaxDefinitionBytes || error) {
        return make_error(ErrorCode::bad_request, fmt::format("{}: larger than 1 MiB or unreadable", path.string()));
      }
      std::ifstream in(path, std::ios::binary);
      std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (!in.good() && !in.eof()) return make_error(ErrorCode::bad_request, fmt::format("{}: unreadable", path.string()));
      files.emplace_back(path.filename().string(), std::move(json));
    }
  }
  return metadata::Catalog::from_json_files(files, metadata::FieldTypeRegistry::standard());
}

}  // namespace

void use_extra_definitions(std::filesystem::path directory) { extra_definitions() = std::move(directory); }

Result<const metadata::Catalog*> builtin_catalog() {
  static const Result<metadata::Catalog> catalog = load_catalog(extra_definitions());
  if (!catalog) return catalog.error();
  return &catalog.value();
}

Result<void> prepare_schema(storage::Database& database) {
  auto migrated = storage::apply_migrations(database, storage::embedded_migrations());
  if (!migrated) return migrated.take_error();
  auto catalog = builtin_catalog();
  if (!catalog) return catalog.take_error();
  auto synced = metadata::sync_schema(database, **catalog);
  if (!synced) return synced.take_error();
  // Refreshes the planner's statistics where they went stale; bounded so start stays fast.
  if (database.dialect() == storage::Dialect::sqlite) {
    ATRIUM_TRY(database.transact([](storage::Connection& connection) {
      return connection.execute_script("PRAGMA analysis_limit = 1000; PRAGMA optimize");
    }));
  }
  return {};
}

}  // namespace atrium::app
