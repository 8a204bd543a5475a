// The text-like field types: text, long text, e-mail, phone, URL.
#include <algorithm>
#include <cctype>

#include "support.hpp"

namespace atrium::metadata::field_types {

namespace {

class TextType final : public TextLikeType {
 public:
  std::string_view name() const override { return "text"; }
};

class LongTextType final : public TextLikeType {
 public:
  std::string_view name() const override { return "long_text"; }
  bool sortable() const override { return false; }

 protected:
  std::size_t default_max_length() const override { return 100'000; }
};

class EmailType final : public TextLikeType {
 public:
  std::string_view name() const override { return "email"; }

 protected:
  std::size_t default_max_length() const override { return 254; }
  std::optional<FieldProblem> check(const std::string& text) const override {
    // What mail systems accept in practice: one @, something before it, a dotted domain
    // after it, no blanks. Deliverability is the mail server's business.
    const auto at = text.find('@');
    const bool shaped = at != std::string::npos && at > 0 && text.find('@', at + 1) == std::string::npos &&
                        text.find_first_of(" \t,;<>") == std::string::npos;
    const std::string domain = shaped ? text.substr(at + 1) : "";
    const auto dot = domain.find('.');
    if (!shaped || dot == std::string::npos || dot == 0 || domain.back() == '.') {
      return problem("FIELD_INVALID_EMAIL", "not an e-mail address");
    }
    return std::nullopt;
  }
  // Domains are case-insensitive; lower-casing them makes duplicates findable.
  std::string normalise(std::string text) const override {
    const auto at = text.find('@');
    std::transform(text.begin() + static_cast<std::ptrdiff_t>(at), text.end(), text.begin() + static_cast<std::ptrdiff_t>(at),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
  }
};

class PhoneType final : public TextLikeType {
 public:
  std::string_view name() const override { return "phone"; }

 protected:
  std::size_t default_max_length() const override { return 40; }
  std::optional<FieldProblem> check(const std::string& text) const override {
    int digits = 0;
    for (char c : text) {
      if (std::isdigit(static_cast<unsigned char>(c))) {
        ++digits;
      } else if (std::string_view(" +-()./x").find(c) == std::string_view::npos) {
        return problem("FIELD_INVALID_PHONE", "digits, spaces and + - ( ) . / x only");
      }
    }
    if (digits < 3) return problem("FIELD_INVALID_PHONE", "at least 3 digits");
    return std::nullopt;
  }
};

class UrlType final : public TextLikeType {
 public:
  std::string_view name() const override { return "url"; }

 protected:
  std::size_t default_max_length() const override { return 2048; }
  std::optional<FieldProblem> check(const std::string& text) const override {
    // Only web addresses: a javascript: or data: URL in a link is an attack, not data.
    const bool web = text.starts_with("https://") || text.starts_with("http://");
    const auto host_start = text.find("//") + 2;
    if (!web || host_start >= text.size() || text.find_first_of(" \t<>\"") != std::string::npos) {
      return problem("FIELD_INVALID_URL", "an http:// or https:// address");
    }
    return std::nullopt;
  }
};

}  // namespace

void add_text_types(FieldTypeRegistry& registry) {
  registry.add(std::make_unique<TextType>());
  registry.add(std::make_unique<LongTextType>());
  registry.add(std::make_unique<EmailType>());
  registry.add(std::make_unique<PhoneType>());
  registry.add(std::make_unique<UrlType>());
}

}  // namespace atrium::metadata::field_types
