#include "atrium/dataio/attachments.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>

namespace atrium::dataio {

namespace {

using boost::json::object;

constexpr std::size_t kMaxName = 255;
constexpr std::size_t kMaxContentType = 100;

bool has_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// The last part of what a browser sends as the name: some send the whole path.
std::string base_name(std::string_view name) {
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  return std::string(name);
}

bool token_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == '_';
}

// "type/subtype" in lower case, parameters (a charset) dropped: what the file is, not how
// the client framed it. Empty when it is not a media type at all.
std::string media_type(std::string_view text) {
  if (const auto semicolon = text.find(';'); semicolon != std::string_view::npos) text = text.substr(0, semicolon);
  std::string type;
  for (char c : text) {
    if (c == ' ') continue;
    type += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  const auto slash = type.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == type.size() || type.size() > kMaxContentType) return {};
  for (std::size_t i = 0; i < type.size(); ++i) {
    if (i != slash && !token_char(type[i])) return {};
  }
  return type;
}

struct ClosedFile {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

Result<std::string> sha256_of_file(const std::filesystem::path& path) {
  std::unique_ptr<std::FILE, ClosedFile> file(std::fopen(path.c_str(), "rb"));
  if (!file) return Error{ErrorCode::internal_error, fmt::format("cannot read {}", path.string())};
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::array<unsigned char, 64 * 1024> buffer{};
  std::size_t read = 0;
  while ((read = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0) {
    crypto_hash_sha256_update(&state, buffer.data(), read);
  }
  if (std::ferror(file.get())) return Error{ErrorCode::internal_error, fmt::format("cannot read {}", path.string())};
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state, digest.data());
  std::string hex(digest.size() * 2, '0');
  sodium_bin2hex(hex.data(), hex.size() + 1, digest.data(), digest.size());
  return hex;
}

const std::string& column(const records::EntityLayout& layout, std::string_view field, std::size_t part = 0) {
  return layout.find_field(field)->columns[part].name;
}

// What the caller asked for, checked: every problem named at once.
Result<NewAttachment> checked(const NewAttachment& given, const StoredFile& file) {
  NewAttachment attachment = given;
  Error invalid{ErrorCode::validation_failed, "the file cannot be attached", {}};
  attachment.file_name = base_name(given.file_name);
  if (attachment.file_name.empty()) {
    invalid.fields.push_back({"file_name", "FIELD_REQUIRED", "the file's name"});
  } else if (attachment.file_name.size() > kMaxName) {
    invalid.fields.push_back({"file_name", "FIELD_TOO_LONG", fmt::format("at most {} characters", kMaxName)});
  } else if (has_control(attachment.file_name) || attachment.file_name == "." || attachment.file_name == "..") {
    invalid.fields.push_back({"file_name", "FIELD_INVALID", "a file name without control characters"});
  }
  if (attachment.reference.empty()) attachment.reference = attachment.file_name;
  if (attachment.reference.size() > kMaxName) {
    invalid.fields.push_back({"reference", "FIELD_TOO_LONG", fmt::format("at most {} characters", kMaxName)});
  } else if (has_control(attachment.reference)) {
    invalid.fields.push_back({"reference", "FIELD_INVALID", "a name without control characters"});
  }
  if (given.content_type.empty()) {
    attachment.content_type = "application/octet-stream";
  } else {
    attachment.content_type = media_type(given.content_type);
    if (attachment.content_type.empty()) {
      invalid.fields.push_back({"content_type", "FIELD_INVALID", "a media type such as application/pdf"});
    }
  }
  if (file.size == 0) invalid.fields.push_back({"file", "FILE_EMPTY", "the file has no content"});
  if (!invalid.fields.empty()) return invalid;
  return attachment;
}

}  // namespace

Attachments::Attachments(records::RecordService& records, FileStore& files) : records_(records), files_(files) {
  // Only this service stores a file with the record, so a record made any other way (the
  // generic create, bulk, an import) would name no content: refused on every path.
  records_.add_write_observer([](storage::Connection&, const records::RecordWriteEvent& event) -> Result<void> {
    if (event.kind != records::RecordWriteKind::create || event.layout.entity().name != "attachment") return {};
    const auto* size = event.after.if_contains("size");
    if (size && !size->is_null()) return {};
    return Error{ErrorCode::validation_failed,
                 "an attachment is made by uploading its file: POST /api/v1/attachment-files",
                 {{"file", "ATTACHMENT_FILE_REQUIRED", "upload the file to attach"}}};
  });
}

Result<object> Attachments::add_within(storage::Connection& connection, const NewAttachment& given,
                                       const StoredFile& file, const records::Actor& actor) {
  auto attachment = checked(given, file);
  if (!attachment) return attachment.take_error();
  auto digest = sha256_of_file(file.path);
  if (!digest) return digest.take_error();
  const records::EntityLayout& layout = *records_.by_name("attachment");
  const std::string& table = layout.entity().table;

  // The versions so far of this reference on this record, archived ones included so a
  // number is never given twice.
  auto earlier = connection.query(
      fmt::format("SELECT id, {} , {} FROM {} WHERE {} = ? AND {} = ? AND {} = ?", column(layout, "file_version"),
                  column(layout, "latest"), table, column(layout, "parent", 0), column(layout, "parent", 1),
                  column(layout, "reference")),
      {attachment->parent_type, attachment->parent_id, attachment->reference});
  if (!earlier) return earlier.take_error();
  std::int64_t version = 1;
  std::vector<std::string> superseded;
  for (const auto& row : earlier->rows) {
    version = std::max(version, row[1].integer() + 1);
    if (!row[2].is_null() && row[2].integer() != 0) superseded.push_back(row[0].text());
  }

  object input;
  if (!attachment->description.empty()) input["description"] = attachment->description;
  const object system{{"parent", object{{"entity", attachment->parent_type}, {"id", attachment->parent_id}}},
                      {"reference", attachment->reference},
                      {"file_name", attachment->file_name},
                      {"content_type", attachment->content_type},
                      {"size", static_cast<std::int64_t>(file.size)},
                      {"sha256", *digest},
                      {"file_version", version},
                      {"latest", true},
                      {"source", attachment->generated ? "generated" : "upload"}};
  auto created = records_.create_within(connection, layout, input, actor, system);
  if (!created) return created.take_error();
  for (const auto& id : superseded) {
    auto marked = records_.write_system_within(connection, layout, id, object{{"latest", false}}, actor);
    if (!marked) return marked.take_error();
  }
  const std::string id(created->at("id").as_string());
  auto settled = files_.settle(file, kAttachmentPurpose, id);
  if (!settled) return settled.take_error();
  return created;
}

Result<object> Attachments::add_bytes_within(storage::Connection& connection, const NewAttachment& attachment,
                                             std::string_view bytes, const records::Actor& actor) {
  auto file = files_.create(kUploadPurpose);
  if (!file) return file.take_error();
  {
    std::unique_ptr<std::FILE, ClosedFile> out(std::fopen(file->path.c_str(), "wb"));
    const bool written =
        out && std::fwrite(bytes.data(), 1, bytes.size(), out.get()) == bytes.size() && std::fflush(out.get()) == 0;
    if (!written) {
      files_.remove(kUploadPurpose, file->id);
      return Error{ErrorCode::internal_error, fmt::format("cannot write {}", file->path.string())};
    }
  }
  file->size = bytes.size();
  auto added = add_within(connection, attachment, *file, actor);
  if (!added) files_.remove(kUploadPurpose, file->id);
  return added;
}

Result<StoredFile> Attachments::content(std::string_view id) const {
  return files_.find(kAttachmentPurpose, id);
}

bool shows_inline(std::string_view content_type, std::string_view first_bytes) {
  auto starts = [&](std::string_view magic) { return first_bytes.substr(0, magic.size()) == magic; };
  if (content_type == "application/pdf") return starts("%PDF-");
  if (content_type == "image/png") return starts("\x89PNG\r\n\x1a\n");
  if (content_type == "image/jpeg") return starts("\xff\xd8\xff");
  if (content_type == "image/gif") return starts("GIF87a") || starts("GIF89a");
  if (content_type == "image/webp") return starts("RIFF") && first_bytes.substr(8, 4) == "WEBP";
  return false;
}

}  // namespace atrium::dataio
