#pragma once
// Files kept on disk for later work (an uploaded import file, an error report): each under
// an opaque id in one folder per purpose. Uploads arrive through the transport as a
// temporary file (Request::body_file); `keep` moves that file here instead of copying it,
// so a 1 GiB upload costs a rename.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "atrium/core/result.hpp"

namespace atrium::http {
struct Request;
}

namespace atrium::dataio {

struct StoredFile {
  std::string id;  // a ULID; safe in a path and a URL
  std::filesystem::path path;
  std::uint64_t size = 0;
};

class FileStore {
 public:
  explicit FileStore(std::filesystem::path root);

  const std::filesystem::path& root() const { return root_; }
  // Moves the request's streamed body (or writes its in-memory body) under `purpose`.
  // A request without a body is a 400 naming `body`.
  Result<StoredFile> keep(http::Request& request, std::string_view purpose);
  // A new, empty file under `purpose`, for the server's own output (error reports).
  Result<StoredFile> create(std::string_view purpose);
  // The file with this id under `purpose`; NOT_FOUND when there is none or the id is not
  // one this store hands out.
  Result<StoredFile> find(std::string_view purpose, std::string_view id) const;
  void remove(std::string_view purpose, std::string_view id);
  // Gives a kept file its lasting place: `id` under `purpose` (a record's id), flushed to
  // the disk first, so that a record committed after this never names a file a power cut
  // could lose.
  Result<StoredFile> settle(const StoredFile& file, std::string_view purpose, std::string_view id);

 private:
  std::filesystem::path root_;
};

}  // namespace atrium::dataio
