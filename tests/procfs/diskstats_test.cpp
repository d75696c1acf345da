#include "host_exporter/procfs/diskstats.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseDiskstats, ReadsAllThreeKernelLayouts) {
  auto r = ParseDiskstats(
      "   8       0 sda 1000 10 80000 500 2000 20 160000 900 0 1200 1400\n"
      "   8      16 sdb 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n"
      " 259       0 nvme0n1 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 3u);
  const DiskStats& a = (*r)[0];
  EXPECT_EQ(a.major, 8u);
  EXPECT_EQ(a.minor, 0u);
  EXPECT_EQ(a.device, "sda");
  EXPECT_EQ(a.field_count, 14);
  EXPECT_EQ(a.counters[kReadsCompleted], 1000u);
  EXPECT_EQ(a.counters[kWeightedIoTimeMs], 1400u);
  EXPECT_EQ(a.counters[kDiscardsCompleted], 0u);
  EXPECT_EQ((*r)[1].field_count, 18);
  EXPECT_EQ((*r)[1].counters[kDiscardTimeMs], 15u);
  EXPECT_EQ((*r)[1].counters[kFlushesCompleted], 0u);
  const DiskStats& c = (*r)[2];
  EXPECT_EQ(c.major, 259u);
  EXPECT_EQ(c.field_count, 20);
  EXPECT_EQ(c.counters[kFlushesCompleted], 16u);
  EXPECT_EQ(c.counters[kFlushTimeMs], 17u);
}

TEST(ParseDiskstats, SkipsShortLinesAndIgnoresFieldsPastTwenty) {
  auto r = ParseDiskstats(
      "\n"
      "   8      48 sdd 1 2 3 4 5 6 7\n"
      "   8      32 sdc 1 2 3 4 5 6 7 8 9 10 11 12 13\n"
      " 252       0 dm-0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 garbage");  // no final newline
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].device, "sdc");
  EXPECT_EQ((*r)[0].field_count, 16);
  EXPECT_EQ((*r)[0].counters[kDiscardsMerged], 13u);
  EXPECT_EQ((*r)[1].device, "dm-0");
  EXPECT_EQ((*r)[1].field_count, 20);
  EXPECT_EQ((*r)[1].counters[kFlushTimeMs], 17u);
}

TEST(ParseDiskstats, EmptyInputHasNoDevices) {
  auto r = ParseDiskstats("");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->empty());
}

TEST(ParseDiskstats, RejectsNonNumericSignedAndOverflowingFields) {
  auto bad = ParseDiskstats("8 0 sda 1 2 3 4 5 6 7 8 9 10 11\n8 1 sda1 1 2 x 4 5 6 7 8 9 10 11\n");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("line 2"), std::string::npos) << bad.error().message;
  EXPECT_NE(bad.error().message.find("\"x\""), std::string::npos) << bad.error().message;
  // A bad field fails the file even on a line too short to be used (Go's Sscanf).
  EXPECT_FALSE(ParseDiskstats("8 0 sda 1 -2\n"));
  EXPECT_FALSE(ParseDiskstats("4294967296 0 sda 1 2 3 4 5 6 7 8 9 10 11\n"));  // major is 32-bit
  EXPECT_FALSE(ParseDiskstats("8 0 sda 18446744073709551616 2 3 4 5 6 7 8 9 10 11\n"));
  EXPECT_FALSE(ParseDiskstats("8 0 sda +1 2 3 4 5 6 7 8 9 10 11\n"));
  auto max = ParseDiskstats("4294967295 0 sda 18446744073709551615 2 3 4 5 6 7 8 9 10 11\n");
  ASSERT_TRUE(max) << max.error().message;
  EXPECT_EQ((*max)[0].major, 4294967295u);
  EXPECT_EQ((*max)[0].counters[kReadsCompleted], 18446744073709551615u);
}

TEST(ReadDiskstats, ReadsFixtureAndNamesFileOnError) {
  auto ok = ReadDiskstats(testing::FixturePaths("basic"));
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_EQ(ok->size(), 13u);
  EXPECT_EQ((*ok)[2].device, "nvme0n1");
  EXPECT_EQ((*ok)[2].counters[kSectorsRead], 98213457u);
  auto bad = ReadDiskstats(testing::FixturePaths("diskstats-malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("diskstats-malformed/proc/diskstats: line 2"), std::string::npos)
      << bad.error().message;
  auto missing = ReadDiskstats(testing::FixturePaths("diskstats-absent"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
