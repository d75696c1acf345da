#include "host_exporter/procfs/net_netstat.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

const NetStatValue* Find(const NetStats& s, std::string_view proto, std::string_view name) {
  for (const auto& p : s) {
    if (p.protocol != proto) continue;
    for (const auto& v : p.values) {
      if (v.name == name) return &v;
    }
  }
  return nullptr;
}

TEST(ParseNetStats, PairsHeaderAndValueLines) {
  auto r = ParseNetStats(
      "Tcp: RtoAlgorithm RtoMin MaxConn ActiveOpens\n"
      "Tcp: 1 200 -1 254\n"
      "IcmpMsg: InType3\n"
      "IcmpMsg: 1\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  const NetStatValue* v = Find(*r, "Tcp", "MaxConn");
  ASSERT_NE(v, nullptr);
  ASSERT_TRUE(v->value);
  EXPECT_DOUBLE_EQ(*v->value, -1);
  EXPECT_EQ(Find(*r, "IcmpMsg", "InType3")->text, "1");
}

TEST(ParseNetStats, KeepsBadNumbersForTheCollectorToReject) {
  auto r = ParseNetStats("Udp: InDatagrams NoPorts\nUdp: 12 x\n");
  ASSERT_TRUE(r) << r.error().message;
  const NetStatValue* v = Find(*r, "Udp", "NoPorts");
  ASSERT_NE(v, nullptr);
  EXPECT_FALSE(v->value);
  EXPECT_EQ(v->text, "x");
}

TEST(ParseNetStats, RepeatedHeaderReplacesTheProtocol) {
  auto r = ParseNetStats("Ip: A B\nIp: 1 2\nIp: C\nIp: 3\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(Find(*r, "Ip", "A"), nullptr);
  EXPECT_EQ(Find(*r, "Ip", "C")->text, "3");
}

TEST(ParseNetStats, ALaterDuplicateNameReplacesTheValueInPlace) {
  auto r = ParseNetStats("Ip: A B A\nIp: 1 2 3\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  ASSERT_EQ((*r)[0].values.size(), 2u);
  EXPECT_EQ((*r)[0].values[0].name, "A");
  EXPECT_EQ((*r)[0].values[0].text, "3");
  EXPECT_EQ((*r)[0].values[1].text, "2");
  // Many distinct names (the kernel's case) keep every one, in order; a
  // duplicate at the very end of a long header is still found.
  std::string names = "TcpExt:", values = "TcpExt:";
  for (int i = 0; i < 200; ++i) {
    names += " N" + std::to_string(i);
    values += " " + std::to_string(i);
  }
  const std::string many_text = names + "\n" + values + "\n";  // the result points into it
  auto many = ParseNetStats(many_text);
  ASSERT_TRUE(many) << many.error().message;
  ASSERT_EQ((*many)[0].values.size(), 200u);
  EXPECT_EQ((*many)[0].values[199].name, "N199");
  const std::string dup_text = names + " N7\n" + values + " 700\n";
  auto dup = ParseNetStats(dup_text);
  ASSERT_TRUE(dup) << dup.error().message;
  ASSERT_EQ((*dup)[0].values.size(), 200u);
  EXPECT_EQ(Find(*dup, "TcpExt", "N7")->text, "700");
}

TEST(ParseNetStats, RejectsMismatchedAndTruncatedPairs) {
  auto mismatch = ParseNetStats("TcpExt: SyncookiesSent SyncookiesRecv SyncookiesFailed\nTcpExt: 0 0\n");
  ASSERT_FALSE(mismatch);
  EXPECT_EQ(mismatch.error().kind, ErrorKind::kParse);
  EXPECT_NE(mismatch.error().message.find("\"TcpExt\""), std::string::npos) << mismatch.error().message;
  // A header without its value line.
  EXPECT_FALSE(ParseNetStats("Tcp: A B\nTcp: 1 2\nUdp: A B\n"));
  EXPECT_FALSE(ParseNetStats("\n\n"));
  auto empty = ParseNetStats("");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

TEST(ParseSnmp6, SplitsNamesAtTheFirstSix) {
  NetStats s = ParseSnmp6(
      "Ip6InReceives                   \t13\n"
      "Icmp6InMsgs                     \t2\n"
      "UdpLite6InErrors                \t0\n"
      "Icmp6InType133                  \t4\n"
      "NoSixHere 5\n"
      "Ip6Lonely\n");
  EXPECT_EQ(s.size(), 3u);
  EXPECT_EQ(Find(s, "Ip6", "InReceives")->text, "13");
  EXPECT_EQ(Find(s, "UdpLite6", "InErrors")->text, "0");
  // Only the first '6' splits: "Icmp6InType133" -> Icmp6 / InType133.
  EXPECT_EQ(Find(s, "Icmp6", "InType133")->text, "4");
  EXPECT_TRUE(ParseSnmp6("").empty());
  NetStats dup = ParseSnmp6("Ip6InReceives 1\nIp6OutRequests 2\nIp6InReceives 5\n");
  ASSERT_EQ(dup.size(), 1u);
  ASSERT_EQ(dup[0].values.size(), 2u);
  EXPECT_EQ(Find(dup, "Ip6", "InReceives")->text, "5");
}

TEST(ReadNetNetstat, ReadsFixturesAndHandlesMissingSnmp6) {
  auto paths = testing::FixturePaths("basic");
  std::string netstat_text, snmp_text, snmp6_text, scratch;
  auto netstat = ReadNetNetstat(paths, netstat_text);
  ASSERT_TRUE(netstat) << netstat.error().message;
  const NetStatValue* drops = Find(*netstat, "TcpExt", "ListenDrops");
  ASSERT_NE(drops, nullptr);
  // Names and values are views into the text read.
  EXPECT_NE(netstat_text.find("ListenDrops"), std::string::npos);
  EXPECT_GE(drops->name.data(), netstat_text.data());
  EXPECT_LT(drops->text.data(), netstat_text.data() + netstat_text.size());
  auto snmp = ReadNetSnmp(paths, snmp_text);
  ASSERT_TRUE(snmp) << snmp.error().message;
  EXPECT_EQ(Find(*snmp, "Ip", "Forwarding")->text, "2");
  auto snmp6 = ReadNetSnmp6(paths, snmp6_text);
  ASSERT_TRUE(snmp6);
  EXPECT_NE(Find(*snmp6, "Ip6", "InOctets"), nullptr);
  auto no6 = ReadNetSnmp6(testing::FixturePaths("netstat-no-ipv6"), scratch);
  ASSERT_TRUE(no6) << no6.error().message;
  EXPECT_TRUE(no6->empty());
  auto bad = ReadNetNetstat(testing::FixturePaths("malformed"), scratch);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("malformed/proc/net/netstat"), std::string::npos) << bad.error().message;
  auto missing = ReadNetSnmp(testing::FixturePaths("empty"), scratch);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
