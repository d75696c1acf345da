#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

bool Has(const std::string& text, const std::string& s) { return text.find(s) != std::string::npos; }

TEST(MdadmCollector, Golden) {
  auto out = RunCollector("mdadm", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("mdadm", "basic", out.text);
}

TEST(MdadmCollector, AllStates) {
  auto out = RunCollector("mdadm", "mdadm-states");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("mdadm", "mdadm-states", out.text);
  EXPECT_TRUE(Has(out.text, R"(node_md_state{device="md126",state="resync"} 1)"));
  EXPECT_TRUE(Has(out.text, R"(node_md_state{device="md3",state="check"} 1)"));
  EXPECT_TRUE(Has(out.text, R"(node_md_state{device="md5",state="recovering"} 1)"));
  // A reshaping array has none of the five states set, as in node_exporter.
  EXPECT_TRUE(Has(out.text, R"(node_md_state{device="md2",state="active"} 0)"));
  EXPECT_TRUE(Has(out.text, R"(node_md_state{device="md2",state="resync"} 0)"));
  EXPECT_TRUE(Has(out.text, R"(node_md_degraded{device="md4"} 1)"));
  // Containers have no raid_disks.
  EXPECT_FALSE(Has(out.text, R"(node_md_raid_disks{device="md127"})"));
  EXPECT_TRUE(Has(out.text, R"(node_md_degraded{device="md127"} 0)"));
}

TEST(MdadmCollector, MissingSysfsAttributeIsNoDataAfterMdstat) {
  auto out = RunCollector("mdadm", "mdadm-old-kernel");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData()) << out.status.error().message;
  EXPECT_TRUE(Has(out.text, R"(node_md_blocks{device="md0"} 498368)"));
  EXPECT_FALSE(Has(out.text, "node_md_degraded"));
}

TEST(MdadmCollector, DelayedResyncFailsOnSysfs) {
  auto out = RunCollector("mdadm", "mdadm-resync-delayed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_TRUE(Has(out.status.error().message, "sync_completed")) << out.status.error().message;
  EXPECT_TRUE(Has(out.text, R"(node_md_state{device="md0",state="resync"} 1)"));
}

TEST(MdadmCollector, MalformedOrTruncatedMdstatFailsWithPath) {
  for (const char* scenario : {"mdadm-malformed", "mdadm-truncated"}) {
    auto out = RunCollector("mdadm", scenario);
    ASSERT_FALSE(out.status) << scenario;
    EXPECT_FALSE(out.status.error().IsNoData());
    EXPECT_TRUE(Has(out.status.error().message, "proc/mdstat")) << out.status.error().message;
    EXPECT_EQ(out.samples, 0u);
  }
}

TEST(MdadmCollector, AbsentSubsystemIsNoData) {
  auto out = RunCollector("mdadm", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
