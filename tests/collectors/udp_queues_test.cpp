#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(UdpQueuesCollector, Golden) {
  RunGolden("udp_queues", "basic", 4u);
}

TEST(UdpQueuesCollector, IPv4OnlyHostSucceeds) {
  auto out = RunCollector("udp_queues", "udp_queues-v4-only");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 2u);
  EXPECT_EQ(out.text.find("v6"), std::string::npos);
}

TEST(UdpQueuesCollector, NeitherFileIsNoData) {
  auto out = RunCollector("udp_queues", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
}

TEST(UdpQueuesCollector, MalformedFileFailsWithPath) {
  auto out = RunCollector("udp_queues", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("couldn't get udp queued bytes: "), std::string::npos);
  EXPECT_NE(out.status.error().message.find("proc/net/udp: line 4"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
