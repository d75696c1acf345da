#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(SoftnetCollector, Golden) {
  RunGolden("softnet", "basic", 4u * 7);
}

TEST(SoftnetCollector, OldKernelNumbersCpusByLine) {
  auto out = RunCollector("softnet", "softnet-old-kernel");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_softnet_dropped_total{cpu=\"1\"} 41\n"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("node_softnet_backlog_len{cpu=\"1\"} 0\n"), std::string::npos) << out.text;
  ExpectGolden("softnet", "softnet-old-kernel", out.text);
}

TEST(SoftnetCollector, MalformedFileFailsWithPath) {
  auto out = RunCollector("softnet", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("proc/net/softnet_stat"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(SoftnetCollector, MissingFileFailsAsNoData) {
  auto out = RunCollector("softnet", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
}

}  // namespace
}  // namespace host_exporter::testing
