#pragma once
// The rows of an export, page by page: what the caller's list with the same filter, sort
// and columns would give them, within their export scope, as typed cells. Only one page
// is held at a time, so an export of a million rows needs the memory of 500.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "atrium/access/grants.hpp"
#include "atrium/core/result.hpp"
#include "atrium/dataio/export_cell.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::records {
class RecordAccess;
}

namespace atrium::dataio {

// What the caller asked for: the list's parameters.
struct ExportRequest {
  std::string filter;
  std::string sort;
  std::vector<std::string> fields;  // in order; empty: the definition's list columns
  records::ArchivedRows archived = records::ArchivedRows::hide;
  bool labels = true;  // headers as field labels, else as API names
  bool count = false;  // count the rows first (XLSX checks the sheet's limit)
};

// One column of the file. A money field gives two: its amount and its currency.
struct ExportColumn {
  enum class Part { whole, amount, currency };
  std::string header;
  const records::FieldLayout* field = nullptr;  // null: a standard column
  std::string standard;                         // "id", "created_at", … when field is null
  Part part = Part::whole;
};

class ExportRows {
 public:
  // Checks the caller's export right and the request, and reads the first page, so that
  // any fault (a bad filter, a hidden field) is an error answer before the file starts.
  static Result<std::unique_ptr<ExportRows>> open(records::RecordService& records, const records::EntityLayout& layout,
                                                  std::shared_ptr<const access::UserGrants> grants,
                                                  ExportRequest request);
  ~ExportRows();

  const std::vector<ExportColumn>& columns() const { return columns_; }
  std::vector<std::string> headers() const;
  std::optional<std::int64_t> total() const { return total_; }
  // The next page of rows; empty once every row has been given.
  Result<std::vector<std::vector<ExportCell>>> next_page();

  static constexpr std::size_t kPageSize = records::kMaxPageSize;

 private:
  ExportRows(records::RecordService& records, const records::EntityLayout& layout,
             std::shared_ptr<const access::UserGrants> grants);
  Result<void> resolve_columns(const ExportRequest& request);
  Result<void> load_labels();
  // The titles of the records the page's links point at, where the caller may read them.
  Result<void> load_titles(const boost::json::array& page);
  ExportCell cell_of(const boost::json::object& record, const ExportColumn& column) const;
  std::string title_of(std::string_view entity, std::string_view id) const;
  std::string label_of(const metadata::FieldDefinition& field, std::string_view key) const;

  records::RecordService& records_;
  const records::EntityLayout& layout_;
  std::shared_ptr<const access::UserGrants> grants_;
  std::unique_ptr<records::RecordAccess> access_;  // null: unrestricted
  records::ListQuery query_;
  std::vector<ExportColumn> columns_;
  std::optional<records::ListPage> first_page_;
  std::optional<std::int64_t> total_;
  bool finished_ = false;
  // Enum labels by field id then key; link titles by entity then id (this page's).
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> labels_;
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> titles_;
};

}  // namespace atrium::dataio
