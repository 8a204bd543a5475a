#pragma once
#include <string>
#include <vector>

#include "atrium/storage/value.hpp"

namespace atrium::storage {

using Row = std::vector<Value>;

// A fully read result. Large results are walked row by row with Connection::each.
struct Rows {
  std::vector<std::string> columns;
  std::vector<Row> rows;

  bool empty() const { return rows.empty(); }
  std::size_t size() const { return rows.size(); }
};

}  // namespace atrium::storage
