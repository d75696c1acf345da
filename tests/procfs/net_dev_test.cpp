#include "host_exporter/procfs/net_dev.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

constexpr std::string_view kHeader =
    "Inter-|   Receive                                                |  Transmit\n"
    " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls "
    "carrier compressed\n";

TEST(ParseNetDev, ParsesEveryCounterInKernelOrder) {
  std::string text(kHeader);
  text += "  eth0:  1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n";
  // Names of 6+ characters run into the first counter, as the kernel prints them.
  text += "    lo:18473825   97443    0    0    0     0          0         0 18473825   97443    0    0    0     0       0          0\n";
  auto r = ParseNetDev(text);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  const NetDevLine& e = (*r)[0];
  EXPECT_EQ(e.name, "eth0");
  EXPECT_EQ(e.rx_bytes, 1u);
  EXPECT_EQ(e.rx_packets, 2u);
  EXPECT_EQ(e.rx_errors, 3u);
  EXPECT_EQ(e.rx_dropped, 4u);
  EXPECT_EQ(e.rx_fifo, 5u);
  EXPECT_EQ(e.rx_frame, 6u);
  EXPECT_EQ(e.rx_compressed, 7u);
  EXPECT_EQ(e.rx_multicast, 8u);
  EXPECT_EQ(e.tx_bytes, 9u);
  EXPECT_EQ(e.tx_packets, 10u);
  EXPECT_EQ(e.tx_errors, 11u);
  EXPECT_EQ(e.tx_dropped, 12u);
  EXPECT_EQ(e.tx_fifo, 13u);
  EXPECT_EQ(e.tx_collisions, 14u);
  EXPECT_EQ(e.tx_carrier, 15u);
  EXPECT_EQ(e.tx_compressed, 16u);
  EXPECT_EQ((*r)[1].name, "lo");
  EXPECT_EQ((*r)[1].rx_bytes, 18473825u);
}

TEST(ParseNetDev, NameMayContainColonsAndRepeatsReplace) {
  std::string text(kHeader);
  text += "eth0:1: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n";
  text += "  eth0: 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1\n";
  text += "  eth0: 18446744073709551615 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2\n";
  auto r = ParseNetDev(text);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].name, "eth0:1");
  EXPECT_EQ((*r)[1].name, "eth0");
  EXPECT_EQ((*r)[1].rx_bytes, 18446744073709551615u);
}

TEST(ParseNetDev, HeaderOnlyOrEmptyHasNoInterfaces) {
  auto header = ParseNetDev(kHeader);
  ASSERT_TRUE(header) << header.error().message;
  EXPECT_TRUE(header->empty());
  auto empty = ParseNetDev("");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

TEST(ParseNetDev, RejectsMalformedLinesNamingThem) {
  auto missing_colon = ParseNetDev(std::string(kHeader) + "  eth0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n");
  ASSERT_FALSE(missing_colon);
  EXPECT_EQ(missing_colon.error().kind, ErrorKind::kParse);
  EXPECT_NE(missing_colon.error().message.find("line 3: invalid net/dev line, missing colon"), std::string::npos)
      << missing_colon.error().message;
  auto no_name = ParseNetDev(std::string(kHeader) + "   : 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n");
  ASSERT_FALSE(no_name);
  EXPECT_NE(no_name.error().message.find("empty interface name"), std::string::npos);
  auto truncated = ParseNetDev(std::string(kHeader) + "  eth0: 1 2 3 4 5 6 7 8\n");
  ASSERT_FALSE(truncated);
  EXPECT_NE(truncated.error().message.find("eth0: 8 counters, want 16"), std::string::npos)
      << truncated.error().message;
  auto garbage = ParseNetDev(std::string(kHeader) + "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 -14 15 16\n");
  ASSERT_FALSE(garbage);
  EXPECT_NE(garbage.error().message.find("\"-14\""), std::string::npos) << garbage.error().message;
  auto blank = ParseNetDev(std::string(kHeader) + "\n  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n");
  EXPECT_FALSE(blank);
}

TEST(ReadNetDev, ReadsFixtureAndNamesFileOnError) {
  auto ok = ReadNetDev(testing::FixturePaths("basic"));
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_EQ(ok->size(), 6u);
  EXPECT_EQ((*ok)[1].name, "eno1");
  EXPECT_EQ((*ok)[1].rx_bytes, 9138726351u);
  EXPECT_EQ((*ok)[5].name, "veth3b1f2c7");
  auto bad = ReadNetDev(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("malformed/proc/net/dev: line 4"), std::string::npos) << bad.error().message;
  auto missing = ReadNetDev(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
