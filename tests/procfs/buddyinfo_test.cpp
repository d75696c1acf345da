#include "host_exporter/procfs/buddyinfo.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseBuddyinfo, ReadsNodesZonesAndOrders) {
  auto zones = ParseBuddyinfo(
      "Node 0, zone      DMA      1      0      1      0      2      1      1      0      1      1      3 \n"
      "Node 0, zone   Normal   4381   1093    185   1530    567    102      4      0      0      0      0 \n"
      "Node 1, zone   Normal    811    402     17      2      0      0      0      0      0      0      1\n");
  ASSERT_TRUE(zones) << zones.error().message;
  ASSERT_EQ(zones->size(), 3u);
  EXPECT_EQ((*zones)[0].node, "0");
  EXPECT_EQ((*zones)[0].zone, "DMA");
  ASSERT_EQ((*zones)[0].sizes.size(), 11u);
  EXPECT_EQ((*zones)[0].sizes[10], 3);
  EXPECT_EQ((*zones)[1].zone, "Normal");
  EXPECT_EQ((*zones)[1].sizes[0], 4381);
  EXPECT_EQ((*zones)[2].node, "1");
  EXPECT_EQ((*zones)[2].sizes[10], 1);
}

TEST(ParseBuddyinfo, DropsOneTrailingCommaAndAcceptsNoOrders) {
  auto zones = ParseBuddyinfo("Node 3,, zone DMA32,\n");
  ASSERT_TRUE(zones) << zones.error().message;
  ASSERT_EQ(zones->size(), 1u);
  EXPECT_EQ((*zones)[0].node, "3,");
  EXPECT_EQ((*zones)[0].zone, "DMA32");
  EXPECT_TRUE((*zones)[0].sizes.empty());
}

TEST(ParseBuddyinfo, EmptyInputHasNoZones) {
  auto zones = ParseBuddyinfo("");
  ASSERT_TRUE(zones);
  EXPECT_TRUE(zones->empty());
}

TEST(ParseBuddyinfo, MalformedAndTruncatedLinesFailNamingTheLine) {
  auto short_line = ParseBuddyinfo("Node 0, zone      DMA      1\nNode 0, zone\n");
  ASSERT_FALSE(short_line);
  EXPECT_EQ(short_line.error().kind, ErrorKind::kParse);
  EXPECT_NE(short_line.error().message.find("line 2: invalid number of fields"), std::string::npos)
      << short_line.error().message;
  // A blank line has no fields either.
  EXPECT_FALSE(ParseBuddyinfo("Node 0, zone DMA 1\n\n"));
  auto mismatch = ParseBuddyinfo("Node 0, zone DMA 1 2 3\nNode 0, zone Normal 1 2\n");
  ASSERT_FALSE(mismatch);
  EXPECT_NE(mismatch.error().message.find("previous count 3, new count 2"), std::string::npos)
      << mismatch.error().message;
  auto bad = ParseBuddyinfo("Node 0, zone DMA 1 x2 3\n");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("line 1: invalid value"), std::string::npos) << bad.error().message;
}

TEST(ReadBuddyinfo, FixturesAndMissingFile) {
  auto basic = ReadBuddyinfo(testing::FixturePaths("basic"));
  ASSERT_TRUE(basic) << basic.error().message;
  ASSERT_EQ(basic->size(), 3u);
  EXPECT_EQ((*basic)[2].zone, "Normal");
  EXPECT_EQ((*basic)[2].sizes[0], 18422);
  auto malformed = ReadBuddyinfo(testing::FixturePaths("malformed"));
  ASSERT_FALSE(malformed);
  EXPECT_NE(malformed.error().message.find("malformed/proc/buddyinfo: line 3:"), std::string::npos)
      << malformed.error().message;
  auto missing = ReadBuddyinfo(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
