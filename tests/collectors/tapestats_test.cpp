#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(TapestatsCollector, Golden) {
  auto out = RunGolden("tapestats", "basic", 10u);
  // node_exporter multiplies nanoseconds by 1e-9; its rounding is kept.
  EXPECT_NE(out.text.find("node_tape_io_time_seconds_total{device=\"st0\"} 1814.6201432260002\n"),
            std::string::npos);
}

TEST(TapestatsCollector, IgnoredDevices) {
  auto out = RunCollector("tapestats", "basic", {"--collector.tapestats.ignored-devices=^st0$"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
  auto bad = RunCollector("tapestats", "basic", {"--collector.tapestats.ignored-devices=[z-a]"});
  ASSERT_FALSE(bad.status);
  EXPECT_NE(bad.status.error().message.find("collector.tapestats.ignored-devices"), std::string::npos);
}

TEST(TapestatsCollector, AbsentOrOldKernelIsNoData) {
  for (auto scenario : {"empty", "tapestats-no-stats"}) {
    auto out = RunCollector("tapestats", scenario);
    ASSERT_FALSE(out.status) << scenario;
    EXPECT_TRUE(out.status.error().IsNoData()) << scenario;
    EXPECT_EQ(out.samples, 0u);
  }
}

TEST(TapestatsCollector, MalformedFailsWithPath) {
  auto out = RunCollector("tapestats", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("class/scsi_tape/st0/stats/read_cnt"), std::string::npos);
}

}  // namespace
}  // namespace host_exporter::testing
