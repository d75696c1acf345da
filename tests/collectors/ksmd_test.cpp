#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(KsmdCollector, Golden) {
  auto out = RunCollector("ksmd", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 9u);  // no general_profit before Linux 6.1's successors
  EXPECT_NE(out.text.find("# TYPE node_ksmd_full_scans_total counter\nnode_ksmd_full_scans_total 1287\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("node_ksmd_sleep_seconds 0.02\n"), std::string::npos);
  EXPECT_EQ(out.text.find("general_profit"), std::string::npos);
  ExpectGolden("ksmd", "basic", out.text);
}

TEST(KsmdCollector, GeneralProfitOnNewerKernels) {
  auto out = RunCollector("ksmd", "ksmd-general-profit");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 10u);
  EXPECT_NE(out.text.find("node_ksmd_general_profit_bytes 249856\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_ksmd_sleep_seconds 0.2\n"), std::string::npos);
  ExpectGolden("ksmd", "ksmd-general-profit", out.text);
}

TEST(KsmdCollector, NoKsmGivesNoSamples) {
  // node_exporter skips every missing file and succeeds.
  auto out = RunCollector("ksmd", "empty");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(KsmdCollector, NegativeGeneralProfitFails) {
  auto out = RunCollector("ksmd", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kParse);
  EXPECT_NE(out.status.error().message.find("malformed/sys/kernel/mm/ksm/general_profit"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
