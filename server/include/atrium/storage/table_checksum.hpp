#pragma once
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::storage {

struct TableChecksum {
  std::string table;
  std::int64_t rows = 0;
  std::string digest;  // hex; equal for equal row multisets on either backend
};

// Per table, a digest of its rows that ignores row order and backend, so a restored
// database can be compared with its source.
Result<std::vector<TableChecksum>> table_checksums(Database& database);

}  // namespace atrium::storage
