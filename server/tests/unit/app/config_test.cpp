#include "atrium/app/config.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/temp_dir.hpp"

namespace atrium::app {
namespace {

namespace fs = std::filesystem;

// Runs a test from inside another working directory and returns to the old one.
class WorkingDirectory {
 public:
  explicit WorkingDirectory(const fs::path& path) : previous_(fs::current_path()) { fs::current_path(path); }
  ~WorkingDirectory() { fs::current_path(previous_); }
  WorkingDirectory(const WorkingDirectory&) = delete;
  WorkingDirectory& operator=(const WorkingDirectory&) = delete;

 private:
  fs::path previous_;
};

TEST(FindWebRootTest, AConfiguredRootWins) {
  atrium::testing::TempDir dir;
  fs::create_directories(dir.path() / "web/dist");
  EXPECT_EQ(find_web_root("/srv/atrium/web", dir.path() / "build/atrium"), fs::path("/srv/atrium/web"));
}

TEST(FindWebRootTest, FindsWebDistBesideTheBuildTree) {
  atrium::testing::TempDir dir;
  fs::create_directories(dir.path() / "build");
  fs::create_directories(dir.path() / "web/dist");
  std::ofstream(dir.path() / "build/atrium") << "";
  EXPECT_EQ(find_web_root("", dir.path() / "build/atrium"), fs::canonical(dir.path()) / "web/dist");
}

TEST(FindWebRootTest, FallsBackToWebDistBelowTheWorkingDirectory) {
  atrium::testing::TempDir dir;
  fs::create_directories(dir.path() / "elsewhere/bin");
  fs::create_directories(dir.path() / "checkout");
  WorkingDirectory inside(dir.path() / "checkout");
  EXPECT_EQ(find_web_root("", dir.path() / "elsewhere/bin/atrium"), fs::current_path() / "web/dist");
}

TEST(PrepareDatabaseLocationTest, CreatesTheFolderOfASqliteFile) {
  atrium::testing::TempDir dir;
  const auto folder = dir.path() / "var/data";
  auto prepared = prepare_database_location("sqlite:" + (folder / "atrium.db").string());
  ASSERT_TRUE(prepared.ok()) << prepared.error().message;
  EXPECT_TRUE(fs::is_directory(folder));
  EXPECT_FALSE(fs::exists(folder / "atrium.db"));  // the database opens it, not this
}

TEST(PrepareDatabaseLocationTest, AnExistingFolderIsFine) {
  atrium::testing::TempDir dir;
  EXPECT_TRUE(prepare_database_location("sqlite:" + dir.file("atrium.db")).ok());
}

TEST(PrepareDatabaseLocationTest, ARelativePathIsCreatedBelowTheWorkingDirectory) {
  atrium::testing::TempDir dir;
  WorkingDirectory inside(dir.path());
  ASSERT_TRUE(prepare_database_location("sqlite:var/atrium.db").ok());
  EXPECT_TRUE(fs::is_directory(dir.path() / "var"));
  EXPECT_TRUE(prepare_database_location("sqlite:atrium.db").ok());  // no folder to make
}

TEST(PrepareDatabaseLocationTest, AFolderThatCannotBeMadeIsAnError) {
  atrium::testing::TempDir dir;
  std::ofstream(dir.path() / "plain-file") << "x";
  auto prepared = prepare_database_location("sqlite:" + (dir.path() / "plain-file/sub/atrium.db").string());
  ASSERT_FALSE(prepared.ok());
  EXPECT_EQ(prepared.error().code, ErrorCode::database_unavailable);
}

TEST(PrepareDatabaseLocationTest, LeavesPostgresqlAlone) {
  EXPECT_TRUE(prepare_database_location("postgresql://atrium@localhost:5432/atrium").ok());
}

}  // namespace
}  // namespace atrium::app
