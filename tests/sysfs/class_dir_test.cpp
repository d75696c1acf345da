#include "host_exporter/sysfs/class_dir.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>

namespace host_exporter::sysfs {
namespace {

class ClassDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/he_class_dirXXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& content) {
    std::string p = dir_ + "/" + name;
    std::filesystem::create_directories(std::filesystem::path(p).parent_path());
    std::ofstream(p) << content;
    return p;
  }
  std::string dir_;
};

TEST_F(ClassDirTest, ReadAttrTrimsAndKeepsOnly128Bytes) {
  EXPECT_EQ(*ReadAttr(Write("a", "  Discharging \n")), "Discharging");
  std::string long_text(300, 'y');
  auto r = ReadAttr(Write("uevent", long_text));
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, std::string(128, 'y'));
  EXPECT_EQ(*ReadAttr(Write("empty", "")), "");
}

TEST_F(ClassDirTest, ReadAttrTellsOpenFromReadErrors) {
  auto missing = ReadAttr(dir_ + "/nope");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().errnum, ENOENT);
  EXPECT_TRUE(missing.error().at_open);
  EXPECT_TRUE(missing.error().NotExist());
  EXPECT_EQ(missing.error().ToError().kind, ErrorKind::kNotFound);
  EXPECT_NE(missing.error().message.find(dir_ + "/nope"), std::string::npos);

  // A directory opens, but reading it fails: a read error, like a driver's EIO.
  std::filesystem::create_directories(dir_ + "/sub");
  auto dir = ReadAttr(dir_ + "/sub");
  ASSERT_FALSE(dir);
  EXPECT_EQ(dir.error().errnum, EISDIR);
  EXPECT_FALSE(dir.error().at_open);
  EXPECT_EQ(dir.error().ToError().kind, ErrorKind::kIo);

  // A path through a regular file: ENOTDIR is not "does not exist" in Go.
  Write("file", "x");
  auto notdir = ReadAttr(dir_ + "/file/type");
  ASSERT_FALSE(notdir);
  EXPECT_EQ(notdir.error().errnum, ENOTDIR);
  EXPECT_FALSE(notdir.error().NotExist());
  EXPECT_EQ(notdir.error().ToError().kind, ErrorKind::kIo);
}

TEST_F(ClassDirTest, ReadWholeReadsEverything) {
  std::string big(10000, 'z');
  EXPECT_EQ(*ReadWhole(Write("big", big)), big);
  EXPECT_TRUE(ReadWhole(dir_ + "/none").error().NotExist());
}

TEST_F(ClassDirTest, ReadDirSortsAndTypesEntries) {
  Write("b/file", "1");
  Write("a", "1");
  std::filesystem::create_directory_symlink("b", dir_ + "/c");
  auto entries = ReadDir(dir_);
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[0].name, "a");
  EXPECT_TRUE((*entries)[0].regular);
  EXPECT_EQ((*entries)[1].name, "b");
  EXPECT_TRUE((*entries)[1].directory);
  EXPECT_EQ((*entries)[2].name, "c");  // a symlink is neither
  EXPECT_FALSE((*entries)[2].regular);
  EXPECT_FALSE((*entries)[2].directory);

  // Listing through the symlink works, as os.ReadDir follows it.
  auto via_link = ReadDir(dir_ + "/c");
  ASSERT_TRUE(via_link);
  EXPECT_EQ(via_link->size(), 1u);

  auto missing = ReadDir(dir_ + "/none");
  ASSERT_FALSE(missing);
  EXPECT_TRUE(missing.error().NotExist());
  auto file = ReadDir(dir_ + "/a");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().errnum, ENOTDIR);
}

TEST_F(ClassDirTest, GlobDirMatchesNamesAndIgnoresMissingDirs) {
  Write("thermal_zone0/temp", "1");
  Write("thermal_zone10/temp", "1");
  Write("thermal_zone2/temp", "1");
  Write("cooling_device0/type", "1");
  auto m = GlobDir(dir_, [](std::string_view n) { return n.starts_with("thermal_zone"); });
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0], dir_ + "/thermal_zone0");
  EXPECT_EQ(m[1], dir_ + "/thermal_zone10");  // string order, as filepath.Glob
  EXPECT_EQ(m[2], dir_ + "/thermal_zone2");
  EXPECT_TRUE(GlobDir(dir_ + "/none", [](std::string_view) { return true; }).empty());
  EXPECT_TRUE(GlobDir(dir_ + "/thermal_zone0/temp", [](std::string_view) { return true; }).empty());
}

TEST(CleanPath, MatchesGoFilepathClean) {
  EXPECT_EQ(CleanPath("collector/fixtures/sys/class/powercap/intel-rapl:0"),
            "collector/fixtures/sys/class/powercap/intel-rapl:0");
  EXPECT_EQ(CleanPath("/sys//class/./powercap/"), "/sys/class/powercap");
  EXPECT_EQ(CleanPath("./sys/../host/sys"), "host/sys");
  EXPECT_EQ(CleanPath("../a/b/../../c"), "../c");
  EXPECT_EQ(CleanPath("/../a"), "/a");
  EXPECT_EQ(CleanPath(""), ".");
  EXPECT_EQ(CleanPath("./"), ".");
  EXPECT_EQ(CleanPath("/"), "/");
}

TEST(ParseSysInt, DecimalHexAndSign) {
  EXPECT_EQ(*ParseSysInt64("42"), 42);
  EXPECT_EQ(*ParseSysInt64("-1032000"), -1032000);
  EXPECT_EQ(*ParseSysInt64("+7"), 7);
  EXPECT_EQ(*ParseSysInt64("0x8180"), 0x8180);
  EXPECT_EQ(*ParseSysUint64("0x2faf08"), 0x2faf08u);
  EXPECT_FALSE(ParseSysInt64(""));
  EXPECT_FALSE(ParseSysInt64("0x"));
  EXPECT_FALSE(ParseSysInt64("+-1"));
  EXPECT_FALSE(ParseSysInt64("12 3"));
  EXPECT_FALSE(ParseSysInt64("0X10"));  // only a lowercase 0x prefix means hex
  EXPECT_FALSE(ParseSysUint64("-1"));
  EXPECT_FALSE(ParseSysInt64("9223372036854775808"));
  auto bad = ParseSysInt64("eighty");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("\"eighty\""), std::string::npos);
}

}  // namespace
}  // namespace host_exporter::sysfs
