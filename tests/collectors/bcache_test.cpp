#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(BcacheCollector, Golden) {
  auto out = RunGolden("bcache", "basic", 26u);
  EXPECT_EQ(out.text.find("priority_stats"), std::string::npos);
}

TEST(BcacheCollector, PriorityStatsFlag) {
  RunGolden("bcache", "basic", 28u, {"--collector.bcache.priorityStats"}, "basic-priority-stats");
}

TEST(BcacheCollector, AbsentIsSuccessWithNothing) {
  auto out = RunCollector("bcache", "empty");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(BcacheCollector, KernelWithoutReadaheadsFailsLikeProcfs) {
  auto out = RunCollector("bcache", "bcache-no-readaheads");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("failed to retrieve bcache stats: failed to read: "),
            std::string::npos)
      << out.status.error().message;
  EXPECT_NE(out.status.error().message.find("cache_readaheads"), std::string::npos);
  EXPECT_EQ(out.samples, 0u);
}

TEST(BcacheCollector, MalformedFailsWithPath) {
  auto out = RunCollector("bcache", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("fs/bcache/11111111-2222-3333-4444-555555555555/average_key_size"),
            std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
