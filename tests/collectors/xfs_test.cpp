#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(XfsCollector, Golden) {
  auto out = RunGolden("xfs", "basic", 39u);
  EXPECT_NE(out.text.find("node_xfs_write_calls_total{device=\"nvme0n1p3\"} 3.587112e+06\n"),
            std::string::npos);
}

TEST(XfsCollector, NoPerDeviceStatsSucceedsEmpty) {
  // Kernels before 4.4 have only /proc/fs/xfs/stat, which node_exporter does not read.
  for (auto scenario : {"xfs-old-kernel", "empty"}) {
    auto out = RunCollector("xfs", scenario);
    ASSERT_TRUE(out.status) << scenario << ": " << out.status.error().message;
    EXPECT_EQ(out.samples, 0u) << scenario;
  }
}

TEST(XfsCollector, MalformedFailsWithPath) {
  auto out = RunCollector("xfs", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("fs/xfs/sda1/stats/stats: line 1"), std::string::npos);
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
