#include "host_exporter/procfs/net_rpc_nfs.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseClientRpcStats, ReadsAllLines) {
  auto r = ParseClientRpcStats(
      "net 70 70 69 45\n"
      "rpc 1218785755 374636 1218815394\n"
      "proc2 18 16 57 74 52 71 73 45 86 0 52 83 61 17 53 50 23 70 82\n"
      "proc3 22 0 1061909262 48906 4077635 117661341 5 29391916 2570425 2993289 590 0 0 7815 15 1130 0 3983 "
      "92385 13332 2 1 23729\n"
      "proc4 2 98 51\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->network.udp_count, 70u);
  EXPECT_EQ(r->network.tcp_count, 69u);
  EXPECT_EQ(r->network.tcp_connect, 45u);
  EXPECT_EQ(r->client_rpc.rpc_count, 1218785755u);
  EXPECT_EQ(r->client_rpc.retransmissions, 374636u);
  EXPECT_EQ(r->client_rpc.auth_refreshes, 1218815394u);
  EXPECT_EQ(r->v2[0], 16u);   // Null
  EXPECT_EQ(r->v2[17], 82u);  // FsStat
  EXPECT_EQ(r->v3[1], 1061909262u);  // GetAttr
  EXPECT_EQ(r->v3[21], 23729u);      // Commit
  // Fewer NFSv4 procedures than node_exporter knows: the rest are 0.
  EXPECT_EQ(r->v4[0], 98u);
  EXPECT_EQ(r->v4[1], 51u);
  EXPECT_EQ(r->v4[58], 0u);
}

TEST(ParseClientRpcStats, EmptyFileGivesZeros) {
  auto r = ParseClientRpcStats("");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->client_rpc.rpc_count, 0u);
}

TEST(ParseClientRpcStats, RejectsMalformedLines) {
  EXPECT_FALSE(ParseClientRpcStats("net\n"));                  // key without values
  EXPECT_FALSE(ParseClientRpcStats("net 1 2 3\n"));            // three values
  EXPECT_FALSE(ParseClientRpcStats("rpc 1 2\n"));
  EXPECT_FALSE(ParseClientRpcStats("rpc 1 2 x\n"));
  EXPECT_FALSE(ParseClientRpcStats("proc2 3 1 2 3\n"));        // fewer than 18 procedures
  EXPECT_FALSE(ParseClientRpcStats("proc3 23 1 2\n"));         // count does not match
  EXPECT_FALSE(ParseClientRpcStats("proc4 3 1 2\n"));
  auto r = ParseClientRpcStats("net 0 0 0 0\nproc9 1 1\n");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("line 2"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("proc9"), std::string::npos);
}

TEST(ReadClientRpcStats, FixturesAndErrors) {
  auto r = ReadClientRpcStats(testing::FixturePaths("basic"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->client_rpc.rpc_count, 28719431u);
  EXPECT_EQ(r->v2[1], 0u);  // no NFSv2 on this kernel: no proc2 line
  EXPECT_EQ(r->v4[1], 90211u);
  auto bad = ReadClientRpcStats(testing::FixturePaths("nfs-malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("nfs-malformed/proc/net/rpc/nfs"), std::string::npos);
  auto none = ReadClientRpcStats(testing::FixturePaths("empty"));
  ASSERT_FALSE(none);
  EXPECT_TRUE(none.error().IsNoData());
}

}  // namespace
}  // namespace host_exporter::procfs
