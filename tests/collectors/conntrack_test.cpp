#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(ConntrackCollector, Golden) {
  RunGolden("conntrack", "basic", 10u);
}

TEST(ConntrackCollector, OldKernelWithoutSearchRestart) {
  auto out = RunCollector("conntrack", "conntrack-old-kernel");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("conntrack", "conntrack-old-kernel", out.text);
}

TEST(ConntrackCollector, ModuleNotLoadedIsNoData) {
  auto out = RunCollector("conntrack", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

TEST(ConntrackCollector, MissingStatFileFailsAfterEntries) {
  auto out = RunCollector("conntrack", "conntrack-no-stat");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("proc/net/stat/nf_conntrack"), std::string::npos);
  EXPECT_EQ(out.samples, 2u);  // node_nf_conntrack_entries and _limit
}

TEST(ConntrackCollector, MalformedFilesFailWithPath) {
  auto count = RunCollector("conntrack", "malformed");
  ASSERT_FALSE(count.status);
  EXPECT_FALSE(count.status.error().IsNoData());
  EXPECT_NE(count.status.error().message.find("failed to retrieve conntrack stats: "), std::string::npos);
  EXPECT_NE(count.status.error().message.find("proc/sys/net/netfilter/nf_conntrack_count"), std::string::npos);
  EXPECT_EQ(count.samples, 0u);

  auto stat = RunCollector("conntrack", "conntrack-bad-stat");
  ASSERT_FALSE(stat.status);
  EXPECT_NE(stat.status.error().message.find("proc/net/stat/nf_conntrack: line 3"), std::string::npos)
      << stat.status.error().message;
  EXPECT_EQ(stat.samples, 2u);
}

}  // namespace
}  // namespace host_exporter::testing
