#include "host_exporter/sysfs/attr.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "host_exporter/sysfs/btrfs_ioctl.h"
#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ReadAttr, TrimsAndKeepsTheFirst128Bytes) {
  auto dir = std::filesystem::temp_directory_path() /
             ("read_attr_test." + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "short") << "  Online \n";
  std::ofstream(dir / "long") << std::string(100, 'a') << std::string(100, 'b') << "\n";
  EXPECT_EQ(*ReadSysAttr((dir / "short").string()), "Online");
  auto l = ReadSysAttr((dir / "long").string());
  ASSERT_TRUE(l);
  EXPECT_EQ(*l, std::string(100, 'a') + std::string(28, 'b'));
  auto missing = ReadSysAttr((dir / "absent").string());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  std::filesystem::remove_all(dir);
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

TEST(GoFloatToUint64, MatchesGoOnAmd64) {
  EXPECT_EQ(GoFloatToUint64(12.9), 12u);
  EXPECT_EQ(GoFloatToUint64(1.8446744073709552e19 / 2), 9223372036854775808u);
  EXPECT_EQ(GoFloatToUint64(-1.0), 18446744073709551615u);
  EXPECT_EQ(GoFloatToUint64(1e300), 9223372036854775808u);
}

TEST(ParseUintBase0, PrefixesLikeStrconv) {
  EXPECT_EQ(*ParseUintBase0("0x1f"), 31u);
  EXPECT_EQ(*ParseUintBase0("0XFF"), 255u);
  EXPECT_EQ(*ParseUintBase0("017"), 15u);
  EXPECT_EQ(*ParseUintBase0("0b101"), 5u);
  EXPECT_EQ(*ParseUintBase0("0"), 0u);
  EXPECT_EQ(*ParseUintBase0("42"), 42u);
  EXPECT_EQ(*ParseUintBase0("0xffffffffffffffff"), 18446744073709551615u);
  EXPECT_FALSE(ParseUintBase0(""));
  EXPECT_FALSE(ParseUintBase0("0x"));
  EXPECT_FALSE(ParseUintBase0("09"));
  EXPECT_FALSE(ParseUintBase0("-1"));
}

TEST(RealBtrfsIoctl, RefusesWhatIsNotABtrfsSubvolume) {
  auto h = RealBtrfsIoctl().Open(testing::FixtureDir("basic"));
  ASSERT_FALSE(h);
  EXPECT_NE(h.error().message.find("not a btrfs filesystem"), std::string::npos)
      << h.error().message;
  EXPECT_FALSE(RealBtrfsIoctl().Open("/nonexistent/hwa"));
}

}  // namespace
}  // namespace host_exporter::sysfs
