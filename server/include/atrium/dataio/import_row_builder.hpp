#pragma once
// One file row as the record input the record service takes: each mapped cell converted
// by its field's type, address parts gathered into their address, links found by the
// target's code or name, enum labels (of definitions and picklists) turned into keys.
// Lookups are kept for the batch, which shares one transaction.
#include <boost/json/object.hpp>
#include <map>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/dataio/import_settings.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::dataio {

class ImportRowBuilder {
 public:
  ImportRowBuilder(const records::RecordService& records, const records::EntityLayout& layout,
                   const ImportSettings& settings, const std::vector<std::string>& header,
                   storage::Connection& connection);

  // The input, or a VALIDATION_FAILED whose message names every column at fault.
  Result<boost::json::object> build(const std::vector<std::string>& cells);
  // The file column that fills a field (by its API name), for messages; empty if none.
  std::string column_for(std::string_view api_name) const;

 private:
  struct Column {
    std::size_t index = 0;
    std::string name;
    const ImportTarget* target = nullptr;
  };
  Result<const std::vector<metadata::EnumValue>*> values_of(const metadata::FieldDefinition& field);
  Result<std::string> link_id(const records::FieldLayout& field, const std::string& text);

  const records::RecordService& records_;
  const records::EntityLayout& layout_;
  const ImportSettings& settings_;
  storage::Connection& connection_;
  std::vector<ImportTarget> targets_;
  std::vector<Column> columns_;
  const Column* currency_column_ = nullptr;
  std::map<std::string, std::vector<metadata::EnumValue>, std::less<>> picklists_;
  std::map<std::string, Result<std::string>, std::less<>> links_;  // "entity\ttext" → id or error
};

}  // namespace atrium::dataio
