#include "host_exporter/procfs/net_sockstat.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseNetSockstat, ParsesUsedAndProtocols) {
  auto r = ParseNetSockstat(
      "sockets: used 229\n"
      "TCP: inuse 4 orphan 0 tw 4 alloc 17 mem 1\n"
      "UDP: inuse 0 mem 0\n"
      "FRAG: inuse 0 memory 0\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_TRUE(r->used);
  EXPECT_EQ(*r->used, 229);
  ASSERT_EQ(r->protocols.size(), 3u);
  const SockstatProtocol& tcp = r->protocols[0];
  EXPECT_EQ(tcp.protocol, "TCP");
  EXPECT_EQ(tcp.inuse, 4);
  EXPECT_EQ(tcp.orphan, 0);
  EXPECT_EQ(tcp.tw, 4);
  EXPECT_EQ(tcp.alloc, 17);
  EXPECT_EQ(tcp.mem, 1);
  EXPECT_FALSE(tcp.memory);
  EXPECT_FALSE(r->protocols[1].orphan);
  EXPECT_EQ(r->protocols[1].mem, 0);
  EXPECT_EQ(r->protocols[2].memory, 0);
}

TEST(ParseNetSockstat, Ipv6FileHasNoUsedLine) {
  auto r = ParseNetSockstat("TCP6: inuse 17\nUDP6: inuse 9\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_FALSE(r->used);
  ASSERT_EQ(r->protocols.size(), 2u);
  EXPECT_EQ(r->protocols[1].protocol, "UDP6");
  EXPECT_EQ(r->protocols[1].inuse, 9);
}

TEST(ParseNetSockstat, QuirksFollowProcfs) {
  // A protocol without "inuse" reports 0; a repeated key keeps the last value;
  // values use Go's base-0 syntax; unknown keys are ignored.
  auto r = ParseNetSockstat("TCP: orphan 1 orphan 2 mem 0x10 bogus 5\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->protocols[0].inuse, 0);
  EXPECT_EQ(r->protocols[0].orphan, 2);
  EXPECT_EQ(r->protocols[0].mem, 16);
  EXPECT_TRUE(ParseNetSockstat("")->protocols.empty());
}

TEST(ParseNetSockstat, RejectsMalformedLines) {
  auto odd = ParseNetSockstat("sockets: used 1\nTCP: inuse 23 orphan 1 tw\n");
  ASSERT_FALSE(odd);
  EXPECT_NE(odd.error().message.find("line 2"), std::string::npos) << odd.error().message;
  EXPECT_NE(odd.error().message.find("odd number"), std::string::npos) << odd.error().message;
  EXPECT_FALSE(ParseNetSockstat("TCP:\n"));
  EXPECT_FALSE(ParseNetSockstat("TCP: inuse\n"));
  auto bad = ParseNetSockstat("TCP: inuse x\n");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  // Fields are split on single spaces: a double space is an empty field.
  EXPECT_FALSE(ParseNetSockstat("TCP:  inuse 1\n"));
}

TEST(ReadNetSockstat, ReadsFixturesAndReportsMissingFiles) {
  auto paths = testing::FixturePaths("basic");
  auto v4 = ReadNetSockstat(paths);
  ASSERT_TRUE(v4) << v4.error().message;
  EXPECT_EQ(v4->used, 412);
  auto v6 = ReadNetSockstat6(paths);
  ASSERT_TRUE(v6) << v6.error().message;
  EXPECT_EQ(v6->protocols.size(), 5u);
  auto no6 = ReadNetSockstat6(testing::FixturePaths("sockstat-no-ipv6"));
  ASSERT_FALSE(no6);
  EXPECT_EQ(no6.error().kind, ErrorKind::kNotFound);
  auto bad = ReadNetSockstat(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("malformed/proc/net/sockstat"), std::string::npos) << bad.error().message;
}

}  // namespace
}  // namespace host_exporter::procfs
