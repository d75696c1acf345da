#include "host_exporter/procfs/net_ip_vs.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

constexpr std::string_view kStats =
    "   Total Incoming Outgoing         Incoming         Outgoing\n"
    "   Conns  Packets  Packets            Bytes            Bytes\n"
    " 16AA370 E33656E5        0     51D8C8883AB3                0\n"
    "\n"
    " Conns/s   Pkts/s   Pkts/s          Bytes/s          Bytes/s\n"
    "       4    1FB3C        0          1282A8F                0\n";

TEST(ParseIPVSStats, ReadsTheHexTotals) {
  auto r = ParseIPVSStats(kStats);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->connections, 0x16AA370u);
  EXPECT_EQ(r->incoming_packets, 0xE33656E5u);
  EXPECT_EQ(r->outgoing_packets, 0u);
  EXPECT_EQ(r->incoming_bytes, 0x51D8C8883AB3u);
  EXPECT_EQ(r->outgoing_bytes, 0u);
}

TEST(ParseIPVSStats, RejectsEmptyTruncatedAndGarbage) {
  EXPECT_FALSE(ParseIPVSStats(""));
  EXPECT_FALSE(ParseIPVSStats("   Total Incoming\n   Conns\n 1 2 3 4 5"));  // needs three newlines
  EXPECT_FALSE(ParseIPVSStats("a\nb\n 1 2 3 4\n\n"));
  auto r = ParseIPVSStats("a\nb\n 1 2 3 4 XYZ\n\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kParse);
  EXPECT_FALSE(ParseIPVSStats("a\nb\n 0x1 2 3 4 5\n\n"));  // Go's ParseUint(s, 16) takes no prefix
}

TEST(ParseIPVSAddress, FormatsLikeGo) {
  auto a = ParseIPVSAddress("C0A80016:0CEA");
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->address, "192.168.0.22");
  EXPECT_EQ(a->port, 3306);
  a = ParseIPVSAddress("[2001:0db8:0000:0000:0000:0000:0000:0100]:0050");
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->address, "2001:db8::100");
  EXPECT_EQ(a->port, 80);
  EXPECT_EQ(ParseIPVSAddress("[0000:0000:0000:0000:0000:ffff:0a00:0a0c]:0050")->address, "10.0.10.12");
  EXPECT_EQ(ParseIPVSAddress("[0000:0000:0000:0000:0000:0000:0000:0000]:0050")->address, "::");
  // The longest zero run is compressed: groups 5-7, not 2-3.
  EXPECT_EQ(ParseIPVSAddress("[2001:0000:0000:0001:0000:0000:0000:0001]:0050")->address, "2001:0:0:1::1");
  EXPECT_EQ(ParseIPVSAddress("[2001:0000:0000:0001:0000:0000:0001:0001]:0050")->address, "2001::1:0:0:1:1");
  EXPECT_EQ(ParseIPVSAddress("[fe80:0000:0001:0000:0001:0000:0001:0000]:0050")->address, "fe80:0:1:0:1:0:1:0");
}

TEST(ParseIPVSAddress, RejectsMalformed) {
  EXPECT_FALSE(ParseIPVSAddress(""));
  EXPECT_FALSE(ParseIPVSAddress("C0A80016:CEA"));
  EXPECT_FALSE(ParseIPVSAddress("G0A80016:0CEA"));
  EXPECT_FALSE(ParseIPVSAddress("C0A80016:0CEZ"));
  EXPECT_FALSE(ParseIPVSAddress("[2001:0db8:0000:0000:0000:0000:0000:zzzz]:0050"));
}

TEST(ParseIPVSBackendStatus, ReadsServicesAndRealServers) {
  auto r = ParseIPVSBackendStatus(
      "IP Virtual Server version 1.2.1 (size=4096)\n"
      "Prot LocalAddress:Port Scheduler Flags\n"
      "  -> RemoteAddress:Port Forward Weight ActiveConn InActConn\n"
      "TCP  C0A80016:0CEA wlc\n"
      "  -> C0A85216:0CEA      Tunnel  100    248        2\n"
      "FWM  10001000 wlc\n"
      "  -> C0A8321A:0CEA      Tunnel  20     64         1\n"
      "  -> short\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].proto, "TCP");
  EXPECT_EQ((*r)[0].local_address, "192.168.0.22");
  EXPECT_EQ((*r)[0].local_port, 3306);
  EXPECT_EQ((*r)[0].local_mark, "");
  EXPECT_EQ((*r)[0].remote_address, "192.168.82.22");
  EXPECT_EQ((*r)[0].weight, 100u);
  EXPECT_EQ((*r)[0].active_conn, 248u);
  EXPECT_EQ((*r)[0].inact_conn, 2u);
  EXPECT_EQ((*r)[1].proto, "FWM");
  EXPECT_EQ((*r)[1].local_mark, "10001000");
  EXPECT_EQ((*r)[1].local_address, "");
  EXPECT_EQ((*r)[1].local_port, 0);
}

TEST(ParseIPVSBackendStatus, EmptyTableAndErrors) {
  auto r = ParseIPVSBackendStatus("");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->empty());
  EXPECT_FALSE(ParseIPVSBackendStatus("TCP  C0A8:0CEA wlc\n"));
  EXPECT_FALSE(ParseIPVSBackendStatus("TCP  C0A80016:0CEA wlc\n  -> C0A85216:0CEA Route x 1 2\n"));
}

TEST(ReadIPVS, ReadsFixturesAndNamesFileOnError) {
  auto s = ReadIPVSStats(testing::FixturePaths("basic"));
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->connections, 0x2D1F6u);
  auto b = ReadIPVSBackendStatus(testing::FixturePaths("basic"));
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(b->size(), 10u);
  auto bad = ReadIPVSStats(testing::FixturePaths("ipvs-malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("ipvs-malformed/proc/net/ip_vs_stats"), std::string::npos);
  auto none = ReadIPVSStats(testing::FixturePaths("empty"));
  ASSERT_FALSE(none);
  EXPECT_TRUE(none.error().IsNoData());
}

}  // namespace
}  // namespace host_exporter::procfs
