#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(NetstatCollector, GoldenWithDefaultFields) {
  auto out = RunCollector("netstat", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_netstat_Ip6_InOctets 1024\n"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("# HELP node_netstat_TcpExt_TCPRcvQDrop Statistic TcpExtTCPRcvQDrop.\n"),
            std::string::npos);
  ExpectGolden("netstat", "basic", out.text);
}

TEST(NetstatCollector, MissingSnmp6IsSkipped) {
  auto out = RunCollector("netstat", "netstat-no-ipv6");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.text.find("Ip6"), std::string::npos);
  EXPECT_NE(out.text.find("node_netstat_Tcp_CurrEstab 4\n"), std::string::npos);
  ExpectGolden("netstat", "netstat-no-ipv6", out.text);
}

TEST(NetstatCollector, FieldsFlagSelects) {
  auto out = RunCollector("netstat", "basic", {"--collector.netstat.fields=^Tcp_MaxConn$"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 1u);
  EXPECT_NE(out.text.find("node_netstat_Tcp_MaxConn -1\n"), std::string::npos) << out.text;
}

TEST(NetstatCollector, InvalidRegexFailsCreateNamingTheFlag) {
  auto out = RunCollector("netstat", "basic", {"--collector.netstat.fields=[Tcp"});
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("collector.netstat.fields"), std::string::npos)
      << out.status.error().message;
}

TEST(NetstatCollector, BadValueInAnyFieldFails) {
  // IpExt_InNoRoutes is not selected by default, but node_exporter converts it anyway.
  auto out = RunCollector("netstat", "netstat-bad-value");
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("\"n/a\""), std::string::npos) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(NetstatCollector, MalformedFileFailsWithPath) {
  auto out = RunCollector("netstat", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kParse);
  EXPECT_NE(out.status.error().message.find("proc/net/netstat"), std::string::npos) << out.status.error().message;
}

TEST(NetstatCollector, MissingFilesFailAsNoData) {
  auto out = RunCollector("netstat", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
}

}  // namespace
}  // namespace host_exporter::testing
