#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(ZoneinfoCollector, Golden) {
  auto out = RunCollector("zoneinfo", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  // Per-node stats only in DMA; unpopulated Movable and Device stop at protection.
  EXPECT_NE(out.text.find("node_zoneinfo_nr_inactive_anon_pages{node=\"0\",zone=\"DMA\"} 501234\n"),
            std::string::npos);
  EXPECT_EQ(out.text.find("node_zoneinfo_nr_inactive_anon_pages{node=\"0\",zone=\"DMA32\"}"), std::string::npos);
  EXPECT_NE(out.text.find("node_zoneinfo_protection_2{node=\"0\",zone=\"DMA32\"} 12969\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_zoneinfo_managed_pages{node=\"0\",zone=\"Device\"} 0\n"), std::string::npos);
  EXPECT_EQ(out.text.find("node_zoneinfo_nr_free_pages{node=\"0\",zone=\"Device\"}"), std::string::npos);
  EXPECT_NE(out.text.find("# TYPE node_zoneinfo_numa_hit_total counter\n"), std::string::npos);
  EXPECT_NE(out.text.find("# TYPE node_zoneinfo_nr_free_pages gauge\n"), std::string::npos);
  ExpectGolden("zoneinfo", "basic", out.text);
}

TEST(ZoneinfoCollector, BadValuesReadAsZeroLikeNodeExporter) {
  auto out = RunCollector("zoneinfo", "malformed");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_zoneinfo_min_pages{node=\"0\",zone=\"DMA\"} 16\n"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("node_zoneinfo_low_pages{node=\"0\",zone=\"DMA\"} 20\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_zoneinfo_high_pages{node=\"0\",zone=\"DMA\"} 0\n"), std::string::npos);
  EXPECT_EQ(out.text.find("node_zoneinfo_protection_"), std::string::npos);
  ExpectGolden("zoneinfo", "malformed", out.text);
}

TEST(ZoneinfoCollector, MissingIsNoData) {
  auto empty = RunCollector("zoneinfo", "empty");
  ASSERT_FALSE(empty.status);
  EXPECT_TRUE(empty.status.error().IsNoData());
  EXPECT_NE(empty.status.error().message.find("couldn't get zoneinfo: "), std::string::npos);
}

}  // namespace
}  // namespace host_exporter::testing
