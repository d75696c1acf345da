#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

bool Has(const std::string& text, const std::string& s) { return text.find(s) != std::string::npos; }

TEST(IpvsCollector, Golden) {
  auto out = RunCollector("ipvs", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("ipvs", "basic", out.text);
}

TEST(IpvsCollector, BackendLabelsSelectAndSum) {
  auto out = RunCollector("ipvs", "basic", {"--collector.ipvs.backend-labels=remote_address,proto"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("ipvs", "basic-remote-address-proto", out.text);
  // 10.0.10.11 serves TCP 80 (12 active) and 443 (31 active): summed.
  EXPECT_TRUE(Has(out.text, R"(node_ipvs_backend_connections_active{proto="TCP",remote_address="10.0.10.11"} 43)"));

  // No labels at all: everything is summed into one series. (The core flag
  // parser rejects an empty "--flag=", so "," stands for the empty list.)
  out = RunCollector("ipvs", "basic", {"--collector.ipvs.backend-labels=,"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_TRUE(Has(out.text, "node_ipvs_backend_weight 404\n"));
}

TEST(IpvsCollector, UnknownBackendLabelFailsCreate) {
  auto out = RunCollector("ipvs", "basic", {"--collector.ipvs.backend-labels=proto,zone,foo"});
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kInvalidArgument);
  EXPECT_TRUE(Has(out.status.error().message, "unknown IPVS backend labels: \"foo, zone\""))
      << out.status.error().message;
}

TEST(IpvsCollector, MissingBackendTableFailsAfterTotals) {
  auto out = RunCollector("ipvs", "ipvs-stats-only");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_TRUE(Has(out.status.error().message, "proc/net/ip_vs")) << out.status.error().message;
  EXPECT_EQ(out.samples, 5u);  // the totals are still served
}

TEST(IpvsCollector, MalformedStatsFailWithPath) {
  auto out = RunCollector("ipvs", "ipvs-malformed");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(Has(out.status.error().message, "proc/net/ip_vs_stats"));
  EXPECT_EQ(out.samples, 0u);
}

TEST(IpvsCollector, AbsentSubsystemIsNoData) {
  auto out = RunCollector("ipvs", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
