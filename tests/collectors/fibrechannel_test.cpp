#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(FibrechannelCollector, Golden) {
  auto out = RunCollector("fibrechannel", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  // dumped_frames is 2^64-1 ("not implemented") and left out.
  EXPECT_EQ(out.text.find("dumped_frames"), std::string::npos);
  EXPECT_EQ(out.samples, 14u);
  ExpectGolden("fibrechannel", "basic", out.text);
}

TEST(FibrechannelCollector, MissingAttributes) {
  auto out = RunCollector("fibrechannel", "fibrechannel-minimal");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("fibrechannel", "fibrechannel-minimal", out.text);
}

TEST(FibrechannelCollector, AbsentIsNoData) {
  auto out = RunCollector("fibrechannel", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

TEST(FibrechannelCollector, MalformedFailsWithPath) {
  auto out = RunCollector("fibrechannel", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("host0/statistics/rx_frames"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
