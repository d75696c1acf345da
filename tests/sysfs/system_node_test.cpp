#include "host_exporter/sysfs/system_node.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ParseNodeMeminfo, KeysValuesAndUnits) {
  auto m = ParseNodeMeminfo(
      "Node 1 MemTotal:       134217728 kB\n"
      "\n"
      "Node 1 Active(anon):     590464 kB\n"
      "Node 1 HugePages_Total:     7\n");
  ASSERT_TRUE(m) << m.error().message;
  ASSERT_EQ(m->size(), 3u);
  EXPECT_EQ((*m)[0].node, "1");
  EXPECT_EQ((*m)[0].key, "MemTotal");
  EXPECT_EQ((*m)[0].value, 134217728.0 * 1024);
  EXPECT_EQ((*m)[1].key, "Active(anon)");
  EXPECT_EQ((*m)[2].key, "HugePages_Total");
  EXPECT_EQ((*m)[2].value, 7);  // no unit: as written
}

TEST(ParseNodeMeminfo, EmptyHasNoValues) {
  auto m = ParseNodeMeminfo("");
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->empty());
}

TEST(ParseNodeMeminfo, MalformedAndTruncatedLinesFailNamingTheLine) {
  auto unit = ParseNodeMeminfo("Node 0 MemTotal: 1 kB\nNode 0 MemFree: 2 MB\n");
  ASSERT_FALSE(unit);
  EXPECT_EQ(unit.error().kind, ErrorKind::kParse);
  EXPECT_NE(unit.error().message.find("line 2: invalid line in meminfo"), std::string::npos) << unit.error().message;
  EXPECT_FALSE(ParseNodeMeminfo("Node 0 MemTotal: 1 kB extra\n"));
  auto truncated = ParseNodeMeminfo("Node 0 MemTotal:\n");  // node_exporter panics on this
  ASSERT_FALSE(truncated);
  EXPECT_NE(truncated.error().message.find("line 1:"), std::string::npos);
  auto bad = ParseNodeMeminfo("Node 0 MemTotal: 12x kB\n");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("invalid value in meminfo"), std::string::npos) << bad.error().message;
}

TEST(ParseNodeNumastat, PairsPerLine) {
  auto s = ParseNodeNumastat("numa_hit 326720946761\n\nother_node 0\n");
  ASSERT_TRUE(s) << s.error().message;
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ((*s)[0].key, "numa_hit");
  EXPECT_EQ((*s)[0].value, 326720946761.0);
  EXPECT_TRUE(ParseNodeNumastat("")->empty());
  auto three = ParseNodeNumastat("numa_hit 1 2\n");
  ASSERT_FALSE(three);
  EXPECT_NE(three.error().message.find("did not return 2 fields"), std::string::npos);
  EXPECT_FALSE(ParseNodeNumastat("numa_hit\n"));
  EXPECT_FALSE(ParseNodeNumastat("numa_hit many\n"));
}

TEST(ReadNumaNodes, FixturesAndMissingDirectory) {
  auto basic = ReadNumaNodes(testing::FixturePaths("basic"));
  ASSERT_TRUE(basic) << basic.error().message;
  ASSERT_EQ(basic->size(), 1u);  // has_cpu, online, ... are not nodes
  EXPECT_EQ((*basic)[0].number, "0");
  EXPECT_EQ((*basic)[0].meminfo.size(), 36u);
  EXPECT_EQ((*basic)[0].numastat.size(), 6u);

  auto two = ReadNumaNodes(testing::FixturePaths("meminfo_numa-two-nodes"));
  ASSERT_TRUE(two) << two.error().message;
  ASSERT_EQ(two->size(), 2u);
  EXPECT_EQ((*two)[1].number, "1");
  EXPECT_EQ((*two)[1].meminfo[0].node, "1");
  EXPECT_EQ((*two)[1].meminfo[0].value, 67108864.0 * 1024);

  auto malformed = ReadNumaNodes(testing::FixturePaths("malformed"));
  ASSERT_FALSE(malformed);
  EXPECT_NE(malformed.error().message.find("malformed/sys/devices/system/node/node0/meminfo: line 2:"),
            std::string::npos)
      << malformed.error().message;

  auto none = ReadNumaNodes(testing::FixturePaths("empty"));
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace host_exporter::sysfs
