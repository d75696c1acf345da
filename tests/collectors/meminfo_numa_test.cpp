#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(MeminfoNumaCollector, Golden) {
  auto out = RunCollector("meminfo_numa", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 36u + 6u);
  EXPECT_NE(out.text.find("# HELP node_memory_numa_Active_anon Memory information field Active_anon.\n"
                          "# TYPE node_memory_numa_Active_anon gauge\n"
                          "node_memory_numa_Active_anon{node=\"0\"} 6.16214528e+08\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("# HELP node_memory_numa_numa_hit_total Memory information field numa_hit_total.\n"
                          "# TYPE node_memory_numa_numa_hit_total counter\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("node_memory_numa_HugePages_Total{node=\"0\"} 16\n"), std::string::npos);
  ExpectGolden("meminfo_numa", "basic", out.text);
}

TEST(MeminfoNumaCollector, TwoNodes) {
  auto out = RunCollector("meminfo_numa", "meminfo_numa-two-nodes");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 2u * (36u + 6u));
  EXPECT_NE(out.text.find("node_memory_numa_numa_miss_total{node=\"1\"} 412299\n"), std::string::npos);
  ExpectGolden("meminfo_numa", "meminfo_numa-two-nodes", out.text);
}

TEST(MeminfoNumaCollector, NoNodesGiveNoSamples) {
  auto out = RunCollector("meminfo_numa", "empty");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(MeminfoNumaCollector, MalformedNodeFailsNamingTheFile) {
  auto out = RunCollector("meminfo_numa", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kParse);
  EXPECT_NE(out.status.error().message.find("malformed/sys/devices/system/node/node0/meminfo: line 2:"),
            std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
