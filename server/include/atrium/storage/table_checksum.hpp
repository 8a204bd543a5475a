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
// `ignored_columns` ("table.column") leave out values that differ by design, such as
// salted password hashes.
Result<std::vector<TableChecksum>> table_checksums(Database& database,
                                                   const std::vector<std::string>& ignored_columns = {});

}  // namespace atrium::storage
