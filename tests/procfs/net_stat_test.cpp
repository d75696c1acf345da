#include "host_exporter/procfs/net_stat.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseNetStatTable, HeaderNamesAndHexCountersPerCpu) {
  auto cols = ParseNetStatTable(
      "entries  allocs destroys\n"
      "00000014  00000001 0000000A\n"
      "00000014  ffffffffffffffff 00000003\n");
  ASSERT_TRUE(cols) << cols.error().message;
  ASSERT_EQ(cols->size(), 3u);
  EXPECT_EQ((*cols)[0].name, "entries");
  EXPECT_EQ((*cols)[0].per_cpu, (std::vector<std::uint64_t>{20, 20}));
  EXPECT_EQ((*cols)[1].per_cpu, (std::vector<std::uint64_t>{1, 0xffffffffffffffffULL}));
  EXPECT_EQ((*cols)[2].per_cpu, (std::vector<std::uint64_t>{10, 3}));
}

TEST(ParseNetStatTable, RepeatedHeaderWordsShareAColumnAndShortRowsAreKept) {
  auto cols = ParseNetStatTable("a b a\n1 2 3\n4\n\n");
  ASSERT_TRUE(cols) << cols.error().message;
  ASSERT_EQ(cols->size(), 2u);
  EXPECT_EQ((*cols)[0].per_cpu, (std::vector<std::uint64_t>{1, 3, 4}));
  EXPECT_EQ((*cols)[1].per_cpu, (std::vector<std::uint64_t>{2}));
}

TEST(ParseNetStatTable, EmptyAndHeaderOnly) {
  auto empty = ParseNetStatTable("");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
  auto header = ParseNetStatTable("entries searched\n");
  ASSERT_TRUE(header);
  ASSERT_EQ(header->size(), 2u);
  EXPECT_TRUE((*header)[0].per_cpu.empty());
}

TEST(ParseNetStatTable, MalformedCountersFailNamingTheLine) {
  auto bad = ParseNetStatTable("a b\n1 2\n3 zz\n");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("line 3:"), std::string::npos) << bad.error().message;
  EXPECT_FALSE(ParseNetStatTable("a\n0x1\n"));  // Go's base-16 ParseUint takes no prefix
  EXPECT_FALSE(ParseNetStatTable("a\n-1\n"));
  EXPECT_FALSE(ParseNetStatTable("a\n10000000000000000\n"));  // 2^64
  auto extra = ParseNetStatTable("a b\n1 2 3\n");             // more counters than names
  ASSERT_FALSE(extra);
  EXPECT_NE(extra.error().message.find("line 2: 3 counters but 2 header words"), std::string::npos)
      << extra.error().message;
  auto no_header = ParseNetStatTable("\n1\n");
  EXPECT_FALSE(no_header);
}

TEST(ReadNetStatTables, FixturesAndMissingDirectory) {
  auto basic = ReadNetStatTables(testing::FixturePaths("basic"));
  ASSERT_TRUE(basic) << basic.error().message;
  ASSERT_EQ(basic->size(), 4u);
  EXPECT_EQ((*basic)[0].file, "arp_cache");
  EXPECT_EQ((*basic)[2].file, "nf_conntrack");
  EXPECT_EQ((*basic)[3].file, "rt_cache");
  ASSERT_EQ((*basic)[3].columns.size(), 17u);
  EXPECT_EQ((*basic)[3].columns[2].name, "in_slow_tot");
  EXPECT_EQ((*basic)[3].columns[2].per_cpu, (std::vector<std::uint64_t>{88213, 79455, 81207, 77802}));

  auto malformed = ReadNetStatTables(testing::FixturePaths("malformed"));
  ASSERT_FALSE(malformed);
  EXPECT_NE(malformed.error().message.find("malformed/proc/net/stat/arp_cache: line 3:"), std::string::npos)
      << malformed.error().message;

  auto none = ReadNetStatTables(testing::FixturePaths("empty"));
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace host_exporter::procfs
