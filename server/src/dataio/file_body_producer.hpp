#pragma once
// A stored file as an answer's body, in 64 KiB pieces: a large attachment goes out
// without being held in memory, and a slow client slows the reading, not the server.
#include <cstdio>
#include <filesystem>

#include "atrium/http/response.hpp"

namespace atrium::dataio {

class FileBodyProducer final : public http::BodyProducer {
 public:
  // Opens the file now, so that a file removed afterwards is still sent whole.
  explicit FileBodyProducer(const std::filesystem::path& path);
  ~FileBodyProducer() override;
  FileBodyProducer(const FileBodyProducer&) = delete;
  FileBodyProducer& operator=(const FileBodyProducer&) = delete;

  bool is_open() const { return file_ != nullptr; }
  Step next(std::string& piece) override;

  static constexpr std::size_t kPieceSize = 64 * 1024;

 private:
  std::FILE* file_ = nullptr;
};

}  // namespace atrium::dataio
