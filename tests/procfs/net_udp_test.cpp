#include "host_exporter/procfs/net_udp.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

constexpr std::string_view kHeader =
    "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref "
    "pointer drops\n";

TEST(ParseNetUDP, SumsQueuesOverSockets) {
  std::string text(kHeader);
  text +=
      "    0: 00000000:0016 00000000:0000 0A 00000015:00000000 00:00000000 00000000     0        0 2740 1 "
      "ffff88003d3af3c0 100 0 0 10 0\n"
      "  123: 0F02000A:007B 00000000:0000 07 00000001:00000340 00:00000000 00000000  1000        0 22501 2 "
      "ffff9b3c41a2c880 3\n";
  auto r = ParseNetUDP(text);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->tx_queue, 0x15u + 1u);
  EXPECT_EQ(r->rx_queue, 0x340u);
  EXPECT_EQ(r->used_sockets, 2u);
  EXPECT_EQ(r->drops, 103u);
}

TEST(ParseNetUDP, AcceptsIPv6AndHeaderOnly) {
  auto r = ParseNetUDP(
      "  sl  local_address                         remote_address                        st tx_queue "
      "rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
      "  546: 000080FE00000000FF0D2B5C1E6AA2FE:0222 00000000000000000000000000000000:0000 07 "
      "00000000:00000100 00:00000000 00000000   100        0 19871 2 ffff9b3c4b7a1880 0\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->rx_queue, 0x100u);
  auto empty = ParseNetUDP(kHeader);
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->used_sockets, 0u);
  EXPECT_EQ(ParseNetUDP("")->used_sockets, 0u);
}

TEST(ParseNetUDP, RejectsMalformedLinesNamingThem) {
  const std::string good =
      "    1: 0100007F:0143 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 21044 2 "
      "ffff9b3c41a2e440 0\n";
  auto expect_bad = [&](std::string line, std::string_view want) {
    auto r = ParseNetUDP(std::string(kHeader) + good + line + "\n");
    ASSERT_FALSE(r) << line;
    EXPECT_EQ(r.error().kind, ErrorKind::kParse);
    EXPECT_NE(r.error().message.find("line 3"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find(want), std::string::npos) << r.error().message;
  };
  expect_bad("    2: 0100007F:0143 00000000:0000 07 00000000:00000000 00:00000000", "columns");  // truncated
  expect_bad("", "columns");                                                                    // blank line
  expect_bad("    2 0100007F:0143 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 1 2 ff 0", "sl");
  expect_bad("    2: 0100007:0143 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 1 2 ff 0", "address");
  expect_bad("    2: 01000000007F:0143 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 1 2 ff 0", "IP");
  expect_bad("    2: 0100007F:0143 00000000:0000 07 00000000-00000000 00:00000000 00000000 0 0 1 2 ff 0", "queues");
  expect_bad("    2: 0100007F:0143 00000000:0000 07 0000000g:00000000 00:00000000 00000000 0 0 1 2 ff 0", "tx_queue");
  expect_bad("    2: 0100007F:0143 00000000:0000 07 00000000:00000000 00:00000000 00000000 x 0 1 2 ff 0", "uid");
  expect_bad("    2: 0100007F:0143 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 x 2 ff 0", "inode");
  expect_bad("    2: 0100007F:0143 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 1 2 ff x", "drops");
}

TEST(ReadNetUDP, FixturesAndMissingFiles) {
  auto p = testing::FixturePaths("basic");
  auto v4 = ReadNetUDP(p);
  ASSERT_TRUE(v4) << v4.error().message;
  EXPECT_EQ(v4->used_sockets, 5u);
  EXPECT_EQ(v4->tx_queue, 0x1c0u);
  EXPECT_EQ(v4->rx_queue, 0x340u);
  auto v6 = ReadNetUDP6(p);
  ASSERT_TRUE(v6) << v6.error().message;
  EXPECT_EQ(v6->rx_queue, 0x100u);
  auto missing = ReadNetUDP6(testing::FixturePaths("udp_queues-v4-only"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  auto bad = ReadNetUDP(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("malformed/proc/net/udp: line 4"), std::string::npos) << bad.error().message;
}

}  // namespace
}  // namespace host_exporter::procfs
