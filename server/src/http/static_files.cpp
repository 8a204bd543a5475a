#include "atrium/http/static_files.hpp"

#include <fmt/format.h>

#include "atrium/core/result.hpp"

#include <fstream>
#include <sstream>

namespace atrium::http {

namespace {
std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string content_type_of(const std::filesystem::path& path) {
  static const std::map<std::string, std::string, std::less<>> types{
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".jpg", "image/jpeg"}, {".ico", "image/x-icon"}, {".woff2", "font/woff2"},
      {".woff", "font/woff"}, {".txt", "text/plain; charset=utf-8"}, {".webmanifest", "application/manifest+json"},
      {".map", "application/json"}};
  auto found = types.find(path.extension().string());
  return found == types.end() ? "application/octet-stream" : found->second;
}

// True when Accept-Encoding lists `encoding` as a token without q=0.
bool accepts(const Request& request, std::string_view encoding) {
  auto accepted = request.headers.get("Accept-Encoding");
  if (!accepted) return false;
  std::string_view rest = *accepted;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    const auto semicolon = item.find(';');
    std::string_view token = item.substr(0, semicolon);
    while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
    if (!http::iequals(token, encoding)) continue;
    if (semicolon == std::string_view::npos) return true;
    std::string_view parameters = item.substr(semicolon + 1);
    while (!parameters.empty() && parameters.front() == ' ') parameters.remove_prefix(1);
    // q=0, q=0.0, q=0.00…: refused.
    const bool refused = parameters.starts_with("q=0") &&
                         parameters.substr(3).find_first_not_of(".0 ") == std::string_view::npos;
    return !refused;
  }
  return false;
}
}  // namespace

StaticFiles StaticFiles::load(const std::filesystem::path& root) {
  StaticFiles set;
  std::error_code error;
  if (!std::filesystem::is_directory(root, error)) return set;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, error)) {
    if (!entry.is_regular_file()) continue;
    const auto& path = entry.path();
    const auto extension = path.extension().string();
    if (extension == ".gz" || extension == ".br") continue;  // variants, attached below
    File file;
    file.content = read_file(path);
    file.content_type = content_type_of(path);
    if (std::filesystem::exists(path.string() + ".gz")) file.gzip = read_file(path.string() + ".gz");
    if (std::filesystem::exists(path.string() + ".br")) file.brotli = read_file(path.string() + ".br");
    const auto relative = "/" + std::filesystem::relative(path, root).generic_string();
    file.immutable = relative.starts_with("/assets/");
    file.etag = fmt::format("\"{:x}-{:x}\"", file.content.size(), std::hash<std::string>{}(file.content));
    set.files_.emplace(relative, std::move(file));
  }
  return set;
}

Response StaticFiles::serve(const Request& request) const {
  auto found = files_.find(request.path == "/" ? std::string_view("/index.html") : std::string_view(request.path));
  if (found == files_.end()) {
    const bool looks_like_file = std::filesystem::path(request.path).has_extension();
    if (!looks_like_file) found = files_.find(std::string_view("/index.html"));
  }
  if (found == files_.end()) {
    if (files_.empty()) {
      return Response::text(503, "The web app is not built: run `make build`.\n", "text/plain; charset=utf-8");
    }
    return Response::error(make_error(ErrorCode::not_found, fmt::format("no file at {}", request.path)),
                           request.request_id);
  }
  const File& file = found->second;
  Response response;
  response.headers.set("Content-Type", file.content_type);
  response.headers.set("ETag", file.etag);
  response.headers.set("Vary", "Accept-Encoding");
  response.headers.set("Cache-Control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (auto match = request.headers.get("If-None-Match"); match && *match == file.etag) {
    response.status = 304;
    return response;
  }
  if (!file.brotli.empty() && accepts(request, "br")) {
    response.headers.set("Content-Encoding", "br");
    response.body = file.brotli;
  } else if (!file.gzip.empty() && accepts(request, "gzip")) {
    response.headers.set("Content-Encoding", "gzip");
    response.body = file.gzip;
  } else {
    response.body = file.content;
  }
  return response;
}

}  // namespace atrium::http
