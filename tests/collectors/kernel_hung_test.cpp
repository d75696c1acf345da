#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(KernelHungCollector, Golden) {
  RunGolden("kernel_hung", "basic", 1u);
}

TEST(KernelHungCollector, MissingFileIsNoData) {
  auto out = RunCollector("kernel_hung", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

TEST(KernelHungCollector, MalformedFileFailsWithPath) {
  auto out = RunCollector("kernel_hung", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("proc/sys/kernel/hung_task_detect_count"), std::string::npos);
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
