#pragma once
// The built web app, read into memory at start (a few hundred KB), served with its
// pre-compressed variants and an SPA fallback to index.html.
#include <filesystem>
#include <map>
#include <string>

#include "atrium/http/request.hpp"
#include "atrium/http/response.hpp"

namespace atrium::http {

class StaticFiles {
 public:
  // Loads every file under `root`; an absent root leaves the set empty.
  static StaticFiles load(const std::filesystem::path& root);

  bool empty() const { return files_.empty(); }
  std::size_t size() const { return files_.size(); }
  // Serves GET/HEAD for a path; unknown paths without a file extension get index.html
  // so deep links into the app work.
  Response serve(const Request& request) const;

 private:
  struct File {
    std::string content;
    std::string gzip;
    std::string brotli;
    std::string content_type;
    std::string etag;
    bool immutable = false;  // hashed asset names never change content
  };
  std::map<std::string, File, std::less<>> files_;
};

}  // namespace atrium::http
