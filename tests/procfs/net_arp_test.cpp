#include "host_exporter/procfs/net_arp.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

constexpr std::string_view kHeader = "IP address       HW type     Flags       HW address            Mask     Device\n";

TEST(ParseNetArp, ParsesEntriesSkippingHeaderAndBlankLines) {
  std::string text(kHeader);
  text += "192.168.1.1      0x1         0x2         a0:63:91:4f:2c:1e     *        eno1\n";
  text += "\n";
  text += "192.168.1.57     0x1         0x6         B8-27-EB-03-6E-51     *        eno1\n";
  text += "10.0.0.9         0x1         0x0         0000.5e00.5301        *        br-lan\n";
  auto r = ParseNetArp(text);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].ip, "192.168.1.1");
  EXPECT_EQ((*r)[0].device, "eno1");
  EXPECT_EQ((*r)[0].flags, 2);
  EXPECT_EQ((*r)[0].hw_addr, (std::vector<std::uint8_t>{0xa0, 0x63, 0x91, 0x4f, 0x2c, 0x1e}));
  EXPECT_EQ((*r)[1].flags, 6);
  EXPECT_EQ((*r)[1].hw_addr[0], 0xb8);
  EXPECT_EQ((*r)[2].device, "br-lan");
  EXPECT_EQ((*r)[2].hw_addr, (std::vector<std::uint8_t>{0, 0, 0x5e, 0, 0x53, 0x01}));
}

TEST(ParseNetArp, EmptyOrHeaderOnlyHasNoEntries) {
  auto empty = ParseNetArp("");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
  auto header = ParseNetArp(kHeader);
  ASSERT_TRUE(header);
  EXPECT_TRUE(header->empty());
}

TEST(ParseNetArp, RejectsWrongWidthsBadAddressesAndFlags) {
  auto width = ParseNetArp(std::string(kHeader) + "192.168.1.1 0x1 0x2 a0:63:91:4f:2c:1e eno1\n");
  ASSERT_FALSE(width);
  EXPECT_NE(width.error().message.find("line 2: 5 columns found, but expected 6"), std::string::npos)
      << width.error().message;
  // /proc/net/arp cuts IPoIB's 20-byte address to 30 characters.
  auto ib = ParseNetArp(std::string(kHeader) +
                        "10.10.0.5        0x20        0x2         80:00:00:48:fe:80:00:00:00:00     *        ib0\n");
  ASSERT_FALSE(ib);
  EXPECT_NE(ib.error().message.find("80:00:00:48:fe:80:00:00:00:00: invalid MAC address"), std::string::npos)
      << ib.error().message;
  auto flags = ParseNetArp(std::string(kHeader) + "192.168.1.1 0x1 0x100 a0:63:91:4f:2c:1e * eno1\n");
  ASSERT_FALSE(flags);
  EXPECT_NE(flags.error().message.find("out of range"), std::string::npos) << flags.error().message;
  EXPECT_FALSE(ParseNetArp(std::string(kHeader) + "192.168.1.1 0x1 two a0:63:91:4f:2c:1e * eno1\n"));
}

TEST(ReadNetArp, ReadsFixtureAndNamesFileOnError) {
  auto ok = ReadNetArp(testing::FixturePaths("basic"));
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->size(), 6u);
  auto bad = ReadNetArp(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("malformed/proc/net/arp: line 3"), std::string::npos) << bad.error().message;
  auto missing = ReadNetArp(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
