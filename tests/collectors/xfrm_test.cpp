#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(XfrmCollector, Golden) {
  auto out = RunCollector("xfrm", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 28u);
  EXPECT_NE(out.text.find("node_xfrm_in_no_pols_packets_total 129\n"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("# HELP node_xfrm_acquire_error_packets_total State hasn\u2019t been fully acquired"),
            std::string::npos);
  ExpectGolden("xfrm", "basic", out.text);
}

TEST(XfrmCollector, MalformedFailsWithPathMissingIsNoData) {
  auto bad = RunCollector("xfrm", "malformed");
  ASSERT_FALSE(bad.status);
  EXPECT_FALSE(bad.status.error().IsNoData());
  EXPECT_NE(bad.status.error().message.find("proc/net/xfrm_stat: line 3"), std::string::npos)
      << bad.status.error().message;
  EXPECT_EQ(bad.samples, 0u);
  auto empty = RunCollector("xfrm", "empty");
  ASSERT_FALSE(empty.status);
  EXPECT_TRUE(empty.status.error().IsNoData());
}

}  // namespace
}  // namespace host_exporter::testing
