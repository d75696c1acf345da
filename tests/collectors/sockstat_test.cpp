#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(SockstatCollector, Golden) {
  auto out = RunCollector("sockstat", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  // mem is in pages: mem_bytes = mem * page size (4096 on this architecture).
  EXPECT_NE(out.text.find("node_sockstat_TCP_mem_bytes 1.00352e+06\n"), std::string::npos) << out.text;
  EXPECT_EQ(out.text.find("node_sockstat_TCP6_mem"), std::string::npos);
  ExpectGolden("sockstat", "basic", out.text);
}

TEST(SockstatCollector, MissingIpv6FileIsSkipped) {
  auto out = RunCollector("sockstat", "sockstat-no-ipv6");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.text.find("TCP6"), std::string::npos);
  ExpectGolden("sockstat", "sockstat-no-ipv6", out.text);
}

TEST(SockstatCollector, NoFilesAtAllIsSuccessWithoutSamples) {
  auto out = RunCollector("sockstat", "empty");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(SockstatCollector, MalformedFileFailsWithPath) {
  auto out = RunCollector("sockstat", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kParse);
  EXPECT_NE(out.status.error().message.find("proc/net/sockstat"), std::string::npos) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
