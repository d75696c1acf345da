#include "host_exporter/sysfs/attr.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include "host_exporter/sysfs/btrfs_ioctl.h"
#include "support/golden.h"
#include "support/temp_dir.h"

namespace host_exporter::sysfs {
namespace {

class SysAttrTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& content) { return tmp_.Write(name, content); }
  host_exporter::testing::TempDir tmp_{"he_sys_attr"};
  const std::string dir_ = tmp_.path();
};

TEST_F(SysAttrTest, TrimsAndKeepsTheFirst128Bytes) {
  EXPECT_EQ(*ReadSysAttr(Write("short", "  Online \n")), "Online");
  auto l = ReadSysAttr(Write("long", std::string(100, 'a') + std::string(100, 'b') + "\n"));
  ASSERT_TRUE(l);
  EXPECT_EQ(*l, std::string(100, 'a') + std::string(28, 'b'));
  // Longer than a page: still the first 128 bytes, no error.
  auto uevent = ReadSysAttr(Write("uevent", std::string(10000, 'y')));
  ASSERT_TRUE(uevent) << uevent.error().message;
  EXPECT_EQ(*uevent, std::string(128, 'y'));
  EXPECT_EQ(*ReadSysAttr(Write("empty", "")), "");
}

TEST_F(SysAttrTest, TellsOpenFromReadErrors) {
  auto missing = ReadSysAttr(dir_ + "/nope");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().errnum, ENOENT);
  EXPECT_TRUE(missing.error().at_open);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(missing.error().message.find(dir_ + "/nope"), std::string::npos);

  // A directory opens, but reading it fails: a read error, like a driver's EIO.
  std::filesystem::create_directories(dir_ + "/sub");
  auto dir = ReadSysAttr(dir_ + "/sub");
  ASSERT_FALSE(dir);
  EXPECT_EQ(dir.error().errnum, EISDIR);
  EXPECT_FALSE(dir.error().at_open);
  EXPECT_EQ(dir.error().kind, ErrorKind::kIo);

  // A path through a regular file: ENOTDIR is not "does not exist" in Go.
  Write("file", "x");
  auto notdir = ReadSysAttr(dir_ + "/file/type");
  ASSERT_FALSE(notdir);
  EXPECT_EQ(notdir.error().errnum, ENOTDIR);
  EXPECT_EQ(notdir.error().kind, ErrorKind::kIo);
}

TEST_F(SysAttrTest, PermissionIsGosErrPermission) {
  Error e{ErrorKind::kIo, "open x: Permission denied", EACCES, true};
  EXPECT_TRUE(e.IsPermission());
  e.errnum = EPERM;
  EXPECT_TRUE(e.IsPermission());
  e.errnum = EIO;
  EXPECT_FALSE(e.IsPermission());
}

TEST_F(SysAttrTest, GlobDirMatchesNamesAndIgnoresMissingDirs) {
  Write("thermal_zone0/temp", "1");
  Write("thermal_zone10/temp", "1");
  Write("thermal_zone2/temp", "1");
  Write("cooling_device0/type", "1");
  auto m = GlobDir(dir_, [](std::string_view n) { return n.starts_with("thermal_zone"); });
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0], dir_ + "/thermal_zone0");
  EXPECT_EQ(m[1], dir_ + "/thermal_zone10");  // string order, as filepath.Glob
  EXPECT_EQ(m[2], dir_ + "/thermal_zone2");
  // Paths come out cleaned, as filepath.Glob's.
  EXPECT_EQ(GlobDir(dir_ + "//./", [](std::string_view n) { return n == "cooling_device0"; }),
            std::vector<std::string>{dir_ + "/cooling_device0"});
  EXPECT_TRUE(GlobDir(dir_ + "/none", [](std::string_view) { return true; }).empty());
  EXPECT_TRUE(GlobDir(dir_ + "/thermal_zone0/temp", [](std::string_view) { return true; }).empty());
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

TEST(GlobPatterns, PrefixDigitAndDash) {
  EXPECT_TRUE(MatchPrefixDigit("bdev0", "bdev"));
  EXPECT_TRUE(MatchPrefixDigit("csrow12x", "csrow"));
  EXPECT_FALSE(MatchPrefixDigit("bdev", "bdev"));
  EXPECT_FALSE(MatchPrefixDigit("bdevX", "bdev"));
  EXPECT_TRUE(MatchHasDash("5e2f9a1c-7d3b"));
  EXPECT_FALSE(MatchHasDash("features"));
  auto names = GlobNames(testing::FixtureDir("basic") + "/sys/fs/btrfs", MatchHasDash);
  EXPECT_EQ(names, (std::vector<std::string>{"c3a1e58f-2b4d-4f6a-9e71-0d8b5c2f4a96"}));
  EXPECT_TRUE(GlobNames("/nonexistent/hwa", MatchHasDash).empty());
}

TEST(RealBtrfsIoctl, RefusesWhatIsNotABtrfsSubvolume) {
  auto h = RealBtrfsIoctl().Open(testing::FixtureDir("basic"));
  ASSERT_FALSE(h);
  EXPECT_NE(h.error().message.find("not a btrfs filesystem"), std::string::npos) << h.error().message;
  EXPECT_FALSE(RealBtrfsIoctl().Open("/nonexistent/hwa"));
}

}  // namespace
}  // namespace host_exporter::sysfs
