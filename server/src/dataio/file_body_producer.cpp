#include "file_body_producer.hpp"

namespace atrium::dataio {

FileBodyProducer::FileBodyProducer(const std::filesystem::path& path) : file_(std::fopen(path.c_str(), "rb")) {}

FileBodyProducer::~FileBodyProducer() {
  if (file_) std::fclose(file_);
}

http::BodyProducer::Step FileBodyProducer::next(std::string& piece) {
  if (!file_) return Step::failed;
  piece.resize(kPieceSize);
  const std::size_t read = std::fread(piece.data(), 1, piece.size(), file_);
  piece.resize(read);
  if (read > 0) return Step::more;
  return std::ferror(file_) ? Step::failed : Step::done;
}

}  // namespace atrium::dataio
