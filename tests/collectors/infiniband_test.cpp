#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(InfinibandCollector, Golden) {
  auto out = RunCollector("infiniband", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("infiniband", "basic", out.text);
}

TEST(InfinibandCollector, LegacyCountersNoPmaAndMissingBoardId) {
  auto out = RunCollector("infiniband", "infiniband-legacy");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("infiniband", "infiniband-legacy", out.text);
  EXPECT_NE(out.text.find(R"(node_infiniband_info{board_id="",device="rxe0",firmware_version="0.0.0",hca_type=""} 1)"),
            std::string::npos);
  // "N/A (no PMA)" counters are left out, not reported as 0.
  EXPECT_EQ(out.text.find(R"(node_infiniband_link_downed_total{device="qib0")"), std::string::npos);
}

TEST(InfinibandCollector, KernelWithoutFwVerIsNoData) {
  auto out = RunCollector("infiniband", "infiniband-no-fw-ver");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData()) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(InfinibandCollector, MalformedCounterFailsWithPath) {
  auto out = RunCollector("infiniband", "infiniband-malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("counters/port_rcv_data"), std::string::npos);
  EXPECT_EQ(out.samples, 0u);
}

TEST(InfinibandCollector, AbsentSubsystemIsNoData) {
  auto out = RunCollector("infiniband", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
