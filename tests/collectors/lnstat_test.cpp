#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(LnstatCollector, Golden) {
  auto out = RunCollector("lnstat", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  // arp_cache and ndisc_cache 13 columns, nf_conntrack and rt_cache 17, 4 CPUs each.
  EXPECT_EQ(out.samples, (13u + 13u + 17u + 17u) * 4u);
  EXPECT_NE(out.text.find("# HELP node_lnstat_in_slow_tot_total linux network cache stats\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_lnstat_in_slow_tot_total{cpu=\"0\",subsystem=\"rt_cache\"} 88213\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("node_lnstat_entries_total{cpu=\"3\",subsystem=\"nf_conntrack\"} 184\n"), std::string::npos);
  ExpectGolden("lnstat", "basic", out.text);
}

TEST(LnstatCollector, NoTablesGiveNoSamples) {
  auto out = RunCollector("lnstat", "empty");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(LnstatCollector, MalformedTableFailsNamingIt) {
  auto out = RunCollector("lnstat", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kParse);
  EXPECT_NE(out.status.error().message.find("malformed/proc/net/stat/arp_cache: line 3:"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
