#include "host_exporter/procfs/net_rpc_nfsd.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

constexpr std::string_view kNfsd =
    "rc 0 6 18622\n"
    "fh 0 0 0 0 0\n"
    "io 157286400 72864\n"
    "th 8 0 0.000 0.000 0.000 0.000 0.000 0.000 0.000 0.000 0.000 0.000\n"
    "ra 32 0 0 0 0 0 0 0 0 0 0 0\n"
    "net 972 55 917 1\n"
    "rpc 18628 3 1 2 0\n"
    "proc2 18 2 69 0 0 4410 0 0 0 0 0 0 0 0 0 0 0 99 2\n"
    "proc3 22 2 112 0 2719 111 0 0 0 0 0 0 0 0 0 0 0 27 216 0 2 1 0\n"
    "proc4 2 2 10853\n"
    "proc4ops 72 0 0 0 1098 2 0 0 0 0 8179 5896 0 0 0 0 5900 0 0 2 0 2 0 9609 0 2 150 1272 0 0 0 1236 0 0 0 0 3 3 "
    "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n"
    "wdeleg_getattr 15\n";

TEST(ParseServerRpcStats, ReadsAllLines) {
  auto r = ParseServerRpcStats(kNfsd);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->reply_cache.misses, 6u);
  EXPECT_EQ(r->reply_cache.no_cache, 18622u);
  EXPECT_EQ(r->input_output.read, 157286400u);
  EXPECT_EQ(r->threads.threads, 8u);
  EXPECT_EQ(r->read_ahead_cache.cache_size, 32u);
  EXPECT_EQ(r->network.tcp_count, 917u);
  EXPECT_EQ(r->server_rpc.bad_cnt, 3u);
  EXPECT_EQ(r->server_rpc.bad_fmt, 1u);
  EXPECT_EQ(r->server_rpc.bad_auth, 2u);
  EXPECT_EQ(r->v2[4], 4410u);  // Lookup
  EXPECT_EQ(r->v3[18], 0u);                // FsStat
  EXPECT_EQ(r->v3[17], 216u);              // ReadDirPlus
  EXPECT_EQ(r->v4.compound, 10853u);
  EXPECT_EQ(r->v4_ops[3], 1098u);   // ACCESS
  EXPECT_EQ(r->v4_ops[35], 3u);     // SETCLIENTID
  EXPECT_EQ(r->v4_ops[39], 0u);     // RELEASE_LOCKOWNER
  EXPECT_EQ(r->wdeleg_getattr, 15u);
}

TEST(ParseServerRpcStats, OldKernelWith39Operations) {
  auto r = ParseServerRpcStats(
      "proc4ops 39 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 39\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->v4_ops[38], 39u);  // WRITE
  EXPECT_EQ(r->v4_ops[39], 0u);
  EXPECT_EQ(r->wdeleg_getattr, 0u);
}

TEST(ParseServerRpcStats, RejectsMalformedLines) {
  EXPECT_FALSE(ParseServerRpcStats("invalid\n"));
  EXPECT_FALSE(ParseServerRpcStats("rc 1 2\n"));
  EXPECT_FALSE(ParseServerRpcStats("th 8\n"));
  EXPECT_FALSE(ParseServerRpcStats("th x 0 0.000\n"));
  EXPECT_FALSE(ParseServerRpcStats("io 1 2.5\n"));
  EXPECT_FALSE(ParseServerRpcStats("ra 32 0 0\n"));
  EXPECT_FALSE(ParseServerRpcStats("proc4 3 1 2 3\n"));  // exactly two
  EXPECT_FALSE(ParseServerRpcStats("proc4ops 38 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n"));
  EXPECT_FALSE(ParseServerRpcStats("proc4ops 41 0 0\n"));
  auto r = ParseServerRpcStats("rc 0 0 0\nbogus 1\n");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("line 2"), std::string::npos);
}

TEST(ReadServerRpcStats, FixturesAndErrors) {
  auto r = ReadServerRpcStats(testing::FixturePaths("basic"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->wdeleg_getattr, 11u);
  EXPECT_EQ(r->v4_ops[22], 60122u);  // PUTFH
  auto bad = ReadServerRpcStats(testing::FixturePaths("nfsd-malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("nfsd-malformed/proc/net/rpc/nfsd"), std::string::npos);
  EXPECT_NE(bad.error().message.find("line 10"), std::string::npos) << bad.error().message;
  auto none = ReadServerRpcStats(testing::FixturePaths("empty"));
  ASSERT_FALSE(none);
  EXPECT_TRUE(none.error().IsNoData());
}

}  // namespace
}  // namespace host_exporter::procfs
