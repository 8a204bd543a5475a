#include "atrium/storage/dialect.hpp"

namespace atrium::storage {

std::string_view dialect_name(Dialect dialect) {
  return dialect == Dialect::sqlite ? "sqlite" : "postgresql";
}

std::string to_numbered_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int number = 0;
  char quote = 0;  // inside '…' or "…" when set
  for (char c : sql) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++number);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace atrium::storage
