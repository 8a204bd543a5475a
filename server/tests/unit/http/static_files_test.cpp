#include "atrium/http/static_files.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "support/temp_dir.hpp"

namespace atrium::http {
namespace {

using ::testing::HasSubstr;

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto& root = dir_.path();
    write_file(root / "index.html", "<html>app</html>");
    write_file(root / "assets/app-abc123.js", "console.log('plain')");
    write_file(root / "assets/app-abc123.js.gz", "GZIP BYTES");
    write_file(root / "assets/app-abc123.js.br", "BROTLI BYTES");
    write_file(root / "assets/style-def456.css", "body{}");
    write_file(root / "favicon.svg", "<svg/>");
    files_ = StaticFiles::load(root);
  }

  Response get(const std::string& path, const std::string& accept_encoding = {},
               const std::string& if_none_match = {}) const {
    Request request;
    request.path = path;
    if (!accept_encoding.empty()) request.headers.set("Accept-Encoding", accept_encoding);
    if (!if_none_match.empty()) request.headers.set("If-None-Match", if_none_match);
    return files_.serve(request);
  }

  atrium::testing::TempDir dir_;
  StaticFiles files_;
};

TEST_F(StaticFilesTest, LoadsEveryFileButTheCompressedVariants) { EXPECT_EQ(files_.size(), 4U); }

TEST_F(StaticFilesTest, TheRootServesIndexHtmlThatIsAlwaysRevalidated) {
  const auto response = get("/");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "<html>app</html>");
  EXPECT_EQ(response.headers.get("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(response.headers.get("Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, HashedAssetsAreCachedForever) {
  const auto response = get("/assets/style-def456.css");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "body{}");
  EXPECT_EQ(response.headers.get("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(response.headers.get("Cache-Control"), "public, max-age=31536000, immutable");
}

TEST_F(StaticFilesTest, FilesOutsideAssetsAreRevalidated) {
  const auto response = get("/favicon.svg");
  EXPECT_EQ(response.headers.get("Content-Type"), "image/svg+xml");
  EXPECT_EQ(response.headers.get("Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, BrotliIsPreferredWhenAccepted) {
  const auto response = get("/assets/app-abc123.js", "gzip, deflate, br");
  EXPECT_EQ(response.body, "BROTLI BYTES");
  EXPECT_EQ(response.headers.get("Content-Encoding"), "br");
  EXPECT_EQ(response.headers.get("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(response.headers.get("Vary"), "Accept-Encoding");
}

TEST_F(StaticFilesTest, GzipIsSentWhenOnlyGzipIsAccepted) {
  const auto response = get("/assets/app-abc123.js", "gzip");
  EXPECT_EQ(response.body, "GZIP BYTES");
  EXPECT_EQ(response.headers.get("Content-Encoding"), "gzip");
}

TEST_F(StaticFilesTest, ThePlainFileIsSentWithoutAcceptEncoding) {
  const auto response = get("/assets/app-abc123.js");
  EXPECT_EQ(response.body, "console.log('plain')");
  EXPECT_FALSE(response.headers.get("Content-Encoding").has_value());
  EXPECT_EQ(response.headers.get("Vary"), "Accept-Encoding");
}

TEST_F(StaticFilesTest, AnEncodingRefusedWithQZeroIsNotSent) {
  const auto response = get("/assets/app-abc123.js", "br;q=0, gzip");
  EXPECT_EQ(response.headers.get("Content-Encoding"), "gzip");
  EXPECT_EQ(response.body, "GZIP BYTES");
}

TEST_F(StaticFilesTest, AFileWithoutVariantsIsSentPlainWhateverIsAccepted) {
  const auto response = get("/assets/style-def456.css", "gzip, br");
  EXPECT_EQ(response.body, "body{}");
  EXPECT_FALSE(response.headers.get("Content-Encoding").has_value());
}

TEST_F(StaticFilesTest, DeepLinksIntoTheAppServeIndexHtml) {
  const auto response = get("/accounts/123");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "<html>app</html>");
  EXPECT_EQ(response.headers.get("Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, AMissingFileIsA404Envelope) {
  const auto response = get("/missing.js");
  EXPECT_EQ(response.status, 404);
  EXPECT_THAT(response.body, HasSubstr("\"NOT_FOUND\""));
}

TEST_F(StaticFilesTest, CompressedVariantsAreNotServedByTheirOwnName) {
  EXPECT_EQ(get("/assets/app-abc123.js.gz").status, 404);
  EXPECT_EQ(get("/assets/app-abc123.js.br").status, 404);
}

TEST_F(StaticFilesTest, PathsCannotClimbOutOfTheRoot) {
  write_file(dir_.path().parent_path() / (dir_.path().filename().string() + "-secret.txt"), "secret");
  const auto response = get("/../" + dir_.path().filename().string() + "-secret.txt");
  std::filesystem::remove(dir_.path().parent_path() / (dir_.path().filename().string() + "-secret.txt"));
  EXPECT_EQ(response.status, 404);
  EXPECT_THAT(response.body, ::testing::Not(HasSubstr("secret\"")));
}

TEST_F(StaticFilesTest, AMatchingEtagIs304WithoutABody) {
  const auto first = get("/assets/app-abc123.js");
  const auto etag = first.headers.get("ETag");
  ASSERT_TRUE(etag.has_value());
  const auto again = get("/assets/app-abc123.js", "br", std::string(*etag));
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.headers.get("ETag"), *etag);
}

TEST_F(StaticFilesTest, AStaleEtagGetsTheFile) {
  const auto response = get("/assets/app-abc123.js", {}, "\"stale\"");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "console.log('plain')");
}

TEST_F(StaticFilesTest, DifferentContentHasADifferentEtag) {
  EXPECT_NE(get("/assets/app-abc123.js").headers.get("ETag"), get("/assets/style-def456.css").headers.get("ETag"));
}

TEST(StaticFilesEmptyTest, AnEmptyRootAnswers503) {
  atrium::testing::TempDir dir;
  const auto files = StaticFiles::load(dir.path());
  EXPECT_TRUE(files.empty());
  Request request;
  request.path = "/";
  EXPECT_EQ(files.serve(request).status, 503);
}

TEST(StaticFilesEmptyTest, AMissingRootLoadsNothing) {
  atrium::testing::TempDir dir;
  const auto files = StaticFiles::load(dir.path() / "not-there");
  EXPECT_TRUE(files.empty());
}

}  // namespace
}  // namespace atrium::http
