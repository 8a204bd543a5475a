#include "atrium/dataio/file_store.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <system_error>

#include "atrium/core/id.hpp"
#include "atrium/http/request.hpp"

namespace atrium::dataio {

namespace {

// Ids are ULIDs: Crockford base32, 26 characters. Anything else never reaches the file
// system, so an id cannot climb out of its folder.
bool is_store_id(std::string_view id) {
  return id.size() == 26 && std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
         });
}

bool is_purpose(std::string_view purpose) {
  return !purpose.empty() && std::all_of(purpose.begin(), purpose.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || c == '_' || c == '-';
  });
}

Error storage_error(const std::filesystem::path& path, const std::error_code& error) {
  return Error{ErrorCode::internal_error, fmt::format("file store: {}: {}", path.string(), error.message())};
}

// fsync of a file or a folder (which makes a rename in it lasting).
bool flushed(const std::filesystem::path& path, bool folder) {
  const int descriptor = ::open(path.c_str(), (folder ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) return false;
  const bool synced = ::fsync(descriptor) == 0;
  ::close(descriptor);
  return synced;
}

}  // namespace

FileStore::FileStore(std::filesystem::path root) : root_(std::move(root)) {}

Result<StoredFile> FileStore::create(std::string_view purpose) {
  if (!is_purpose(purpose)) return Error{ErrorCode::internal_error, "file store: invalid purpose"};
  const auto folder = root_ / purpose;
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) return storage_error(folder, error);
  StoredFile file{new_id(), {}, 0};
  file.path = folder / file.id;
  std::ofstream out(file.path, std::ios::binary);
  if (!out) return Error{ErrorCode::internal_error, fmt::format("file store: cannot create {}", file.path.string())};
  return file;
}

Result<StoredFile> FileStore::keep(http::Request& request, std::string_view purpose) {
  if (request.body_file.empty() && request.body.empty()) {
    return Error{ErrorCode::bad_request, "the request has no file", {{"body", "FILE_EMPTY", "send the file as the body"}}};
  }
  auto file = create(purpose);
  if (!file) return file;
  std::error_code error;
  if (!request.body_file.empty()) {
    std::filesystem::rename(request.body_file, file->path, error);
    // Another file system (a separate upload folder): copy, then let the transport remove
    // the original as it does for every upload.
    if (error) {
      error.clear();
      std::filesystem::copy_file(request.body_file, file->path, std::filesystem::copy_options::overwrite_existing,
                                 error);
    } else {
      request.body_file.clear();
    }
    if (error) {
      std::filesystem::remove(file->path);
      return storage_error(file->path, error);
    }
  } else {
    std::ofstream out(file->path, std::ios::binary | std::ios::trunc);
    out.write(request.body.data(), static_cast<std::streamsize>(request.body.size()));
    if (!out.flush()) {
      std::filesystem::remove(file->path);
      return Error{ErrorCode::internal_error, fmt::format("file store: cannot write {}", file->path.string())};
    }
  }
  file->size = std::filesystem::file_size(file->path, error);
  if (error) return storage_error(file->path, error);
  return file;
}

Result<StoredFile> FileStore::find(std::string_view purpose, std::string_view id) const {
  if (!is_purpose(purpose) || !is_store_id(id)) return Error{ErrorCode::not_found, "no such file"};
  StoredFile file{std::string(id), root_ / purpose / std::string(id), 0};
  std::error_code error;
  file.size = std::filesystem::file_size(file.path, error);
  if (error) return Error{ErrorCode::not_found, "no such file"};
  return file;
}

Result<StoredFile> FileStore::settle(const StoredFile& file, std::string_view purpose, std::string_view id) {
  if (!is_purpose(purpose) || !is_store_id(id)) return Error{ErrorCode::internal_error, "file store: invalid place"};
  const auto folder = root_ / purpose;
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) return storage_error(folder, error);
  if (!flushed(file.path, false)) {
    return Error{ErrorCode::internal_error, fmt::format("file store: cannot flush {}", file.path.string())};
  }
  StoredFile settled{std::string(id), folder / std::string(id), file.size};
  std::filesystem::rename(file.path, settled.path, error);
  if (error) return storage_error(settled.path, error);
  if (!flushed(folder, true)) {
    return Error{ErrorCode::internal_error, fmt::format("file store: cannot flush {}", folder.string())};
  }
  return settled;
}

void FileStore::remove(std::string_view purpose, std::string_view id) {
  if (!is_purpose(purpose) || !is_store_id(id)) return;
  std::error_code ignored;
  std::filesystem::remove(root_ / purpose / std::string(id), ignored);
}

}  // namespace atrium::dataio
