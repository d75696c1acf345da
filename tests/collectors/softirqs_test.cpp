#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(SoftirqsCollector, Golden) {
  auto out = RunCollector("softirqs", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 4u * 10);
  EXPECT_NE(out.text.find("node_softirqs_functions_total{cpu=\"3\",type=\"SCHED\"} 7.464208e+06\n"), std::string::npos)
      << out.text;
  ExpectGolden("softirqs", "basic", out.text);
}

TEST(SoftirqsCollector, MalformedFailsWithPathMissingIsNoData) {
  auto bad = RunCollector("softirqs", "malformed");
  ASSERT_FALSE(bad.status);
  EXPECT_FALSE(bad.status.error().IsNoData());
  EXPECT_NE(bad.status.error().message.find("couldn't get softirqs: "), std::string::npos);
  EXPECT_NE(bad.status.error().message.find("proc/softirqs"), std::string::npos) << bad.status.error().message;
  EXPECT_EQ(bad.samples, 0u);
  auto empty = RunCollector("softirqs", "empty");
  ASSERT_FALSE(empty.status);
  EXPECT_TRUE(empty.status.error().IsNoData());
}

}  // namespace
}  // namespace host_exporter::testing
