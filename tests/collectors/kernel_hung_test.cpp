#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(KernelHungCollector, Golden) {
  auto out = RunCollector("kernel_hung", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 1u);
  ExpectGolden("kernel_hung", "basic", out.text);
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
