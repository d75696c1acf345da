#include "host_exporter/netlink/ethtool.h"

#include <gtest/gtest.h>
#include <linux/ethtool.h>
#include <linux/ethtool_netlink.h>

#include "netlink/fake_netlink.h"

namespace host_exporter::netlink {
namespace {

using testing::Payload;

Payload Header(std::uint32_t index, const std::string& name) {
  Payload h;
  h.Put<std::uint32_t>(ETHTOOL_A_HEADER_DEV_INDEX, index).Str(ETHTOOL_A_HEADER_DEV_NAME, name);
  return h;
}

TEST(ParseLinkMode, ReadsHeaderSpeedAndDuplex) {
  Payload bitset;  // compact bitset: size, value, mask; not decoded
  bitset.Put<std::uint32_t>(ETHTOOL_A_BITSET_SIZE, 32).Put<std::uint32_t>(ETHTOOL_A_BITSET_VALUE, 0x20);
  Payload p;
  p.Nest(ETHTOOL_A_LINKMODES_HEADER, Header(2, "eno1"))
      .Put<std::uint8_t>(ETHTOOL_A_LINKMODES_AUTONEG, AUTONEG_ENABLE)
      .Nest(ETHTOOL_A_LINKMODES_OURS, bitset)
      .Put<std::uint32_t>(ETHTOOL_A_LINKMODES_SPEED, 1000)
      .Put<std::uint8_t>(ETHTOOL_A_LINKMODES_DUPLEX, DUPLEX_FULL);
  auto lm = ParseLinkMode(p.span());
  ASSERT_TRUE(lm) << lm.error().message;
  EXPECT_EQ(lm->index, 2);
  EXPECT_EQ(lm->name, "eno1");
  EXPECT_EQ(lm->speed_mbps, 1000u);
  EXPECT_EQ(DuplexString(lm->duplex), "Full");
}

TEST(ParseLinkMode, LinkDownReportsUnknowns) {
  Payload p;
  p.Nest(ETHTOOL_A_LINKMODES_HEADER, Header(3, "eno2"))
      .Put<std::uint32_t>(ETHTOOL_A_LINKMODES_SPEED, SPEED_UNKNOWN)
      .Put<std::uint8_t>(ETHTOOL_A_LINKMODES_DUPLEX, DUPLEX_UNKNOWN);
  auto lm = ParseLinkMode(p.span());
  ASSERT_TRUE(lm) << lm.error().message;
  EXPECT_EQ(lm->speed_mbps, 0xffffffffu);
  EXPECT_EQ(DuplexString(lm->duplex), "Unknown");
}

TEST(ParseLinkMode, RejectsMalformedAttributes) {
  Payload bad_speed;
  bad_speed.Nest(ETHTOOL_A_LINKMODES_HEADER, Header(2, "eno1")).Put<std::uint8_t>(ETHTOOL_A_LINKMODES_SPEED, 1);
  auto r = ParseLinkMode(bad_speed.span());
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("ETHTOOL_A_LINKMODES_SPEED"), std::string::npos) << r.error().message;
  Payload bad_nest;
  const std::uint8_t junk[] = {9, 0, 1, 0};
  bad_nest.Raw(ETHTOOL_A_LINKMODES_HEADER, junk, sizeof junk);
  EXPECT_FALSE(ParseLinkMode(bad_nest.span()));
}

TEST(DuplexString, MatchesMdlayherEthtool) {
  EXPECT_EQ(DuplexString(DUPLEX_HALF), "Half");
  EXPECT_EQ(DuplexString(DUPLEX_FULL), "Full");
  EXPECT_EQ(DuplexString(DUPLEX_UNKNOWN), "Unknown");
  EXPECT_EQ(DuplexString(7), "Duplex(7)");
}

}  // namespace
}  // namespace host_exporter::netlink
