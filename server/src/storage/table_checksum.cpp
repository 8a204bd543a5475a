#include "atrium/storage/table_checksum.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace atrium::storage {

Result<std::vector<TableChecksum>> table_checksums(Database& database,
                                                   const std::vector<std::string>& ignored_columns) {
  auto tables = database.table_names();
  if (!tables) return tables.take_error();
  std::vector<TableChecksum> sums;
  ATRIUM_TRY(database.snapshot([&](Connection& connection) -> Result<void> {
    for (const auto& table : *tables) {
      TableChecksum sum{table, 0, {}};
      // Each row hashes on its own and the hashes are added lane by lane: the total does
      // not depend on the order rows come back in, which differs between backends.
      std::array<std::uint64_t, 4> lanes{};
      // Names come from the catalogue, never from input; quoted all the same.
      auto probe = connection.query(fmt::format("SELECT * FROM \"{}\" WHERE 1 = 0", table));
      if (!probe) return probe.take_error();
      std::string columns;
      for (const auto& column : probe->columns) {
        if (std::find(ignored_columns.begin(), ignored_columns.end(), table + "." + column) != ignored_columns.end()) {
          continue;
        }
        columns += fmt::format("{}\"{}\"", columns.empty() ? "" : ", ", column);
      }
      if (columns.empty()) columns = "1";
      ATRIUM_TRY(connection.each(fmt::format("SELECT {} FROM \"{}\"", columns, table), {}, [&](const Row& row) {
        crypto_hash_sha256_state state;
        crypto_hash_sha256_init(&state);
        for (const auto& value : row) {
          const std::string text = value.to_canonical_text();
          const std::uint64_t length = text.size();
          crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(&length), sizeof length);
          crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()), text.size());
        }
        std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
        crypto_hash_sha256_final(&state, digest.data());
        for (std::size_t lane = 0; lane < lanes.size(); ++lane) {
          std::uint64_t part = 0;
          std::memcpy(&part, digest.data() + lane * 8, 8);
          lanes[lane] += part;
        }
        ++sum.rows;
        return true;
      }));
      sum.digest = fmt::format("{:016x}{:016x}{:016x}{:016x}", lanes[0], lanes[1], lanes[2], lanes[3]);
      sums.push_back(std::move(sum));
    }
    return {};
  }));
  return sums;
}

}  // namespace atrium::storage
