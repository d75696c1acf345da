#include "host_exporter/procfs/net_softnet_stat.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseNetSoftnetStat, ModernKernelCarriesBacklogAndCpuIndex) {
  // Linux 6.x: 15 columns; the CPU id is column 13 (offline CPUs are skipped).
  auto r = ParseNetSoftnetStat(
      "00000029 00000001 00000002 00000000 00000000 00000000 00000000 00000000 00000003 00000004 00000005 "
      "00000006 00000000 00000000 00000000\n"
      "000004f9 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 "
      "00000000 00000002 00000000 00000000\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  const SoftnetStat& s = (*r)[0];
  EXPECT_EQ(s.processed, 0x29u);
  EXPECT_EQ(s.dropped, 1u);
  EXPECT_EQ(s.time_squeezed, 2u);
  EXPECT_EQ(s.cpu_collision, 3u);
  EXPECT_EQ(s.received_rps, 4u);
  EXPECT_EQ(s.flow_limit_count, 5u);
  EXPECT_EQ(s.backlog_len, 6u);
  EXPECT_EQ(s.index, 0u);
  EXPECT_EQ(s.width, 15u);
  EXPECT_EQ((*r)[1].processed, 0x4f9u);
  EXPECT_EQ((*r)[1].index, 2u);
}

TEST(ParseNetSoftnetStat, OlderKernelsUseTheLineNumberAsCpu) {
  // 9 columns (2.6.23), 10 (2.6.39), 11 (4.18), 12 (a width procfs reads as 11).
  const char* nine = "00000001 00000002 00000003 00000000 00000000 00000000 00000000 00000000 00000004";
  auto r = ParseNetSoftnetStat(std::string(nine) + "\n" + nine + " 00000005\n" + nine +
                               " 00000005 00000006\n" + nine + " 00000005 00000006 00000007\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ((*r)[i].index, i);
    EXPECT_EQ((*r)[i].processed, 1u);
    EXPECT_EQ((*r)[i].cpu_collision, 4u);
    EXPECT_EQ((*r)[i].backlog_len, 0u);
  }
  EXPECT_EQ((*r)[0].received_rps, 0u);
  EXPECT_EQ((*r)[1].received_rps, 5u);
  EXPECT_EQ((*r)[1].flow_limit_count, 0u);
  EXPECT_EQ((*r)[2].flow_limit_count, 6u);
  EXPECT_EQ((*r)[3].flow_limit_count, 6u);
  EXPECT_EQ((*r)[3].width, 12u);
}

TEST(ParseNetSoftnetStat, EmptyInputHasNoCpus) {
  auto r = ParseNetSoftnetStat("");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->empty());
}

TEST(ParseNetSoftnetStat, RejectsShortLinesAndBadHex) {
  auto short_line = ParseNetSoftnetStat("00000001 00000002 00000003 00000000 00000000 00000000 00000000 00000000\n");
  ASSERT_FALSE(short_line);
  EXPECT_NE(short_line.error().message.find("8 columns"), std::string::npos) << short_line.error().message;
  // Every column procfs reads must be 32-bit hex, including the unused 3-7.
  EXPECT_FALSE(ParseNetSoftnetStat("00000001 00000002 00000003 0000zz00 00000000 00000000 00000000 00000000 0\n"));
  EXPECT_FALSE(ParseNetSoftnetStat("100000000 0 0 0 0 0 0 0 0\n"));
  EXPECT_FALSE(ParseNetSoftnetStat("0x1 0 0 0 0 0 0 0 0\n"));
}

TEST(ReadNetSoftnetStat, ReadsFixturesAndNamesFileOnError) {
  auto ok = ReadNetSoftnetStat(testing::FixturePaths("basic"));
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_EQ(ok->size(), 4u);
  EXPECT_EQ((*ok)[3].index, 3u);
  auto old = ReadNetSoftnetStat(testing::FixturePaths("softnet-old-kernel"));
  ASSERT_TRUE(old) << old.error().message;
  EXPECT_EQ((*old)[1].index, 1u);
  auto bad = ReadNetSoftnetStat(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("malformed/proc/net/softnet_stat"), std::string::npos) << bad.error().message;
}

}  // namespace
}  // namespace host_exporter::procfs
