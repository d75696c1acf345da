#include "host_exporter/sysfs/go_strconv.h"

#include <gtest/gtest.h>

namespace host_exporter::sysfs {
namespace {

TEST(ParseGoInt, Base0Prefixes) {
  EXPECT_EQ(ParseGoInt("1500").value(), 1500);
  EXPECT_EQ(ParseGoInt("-1").value(), -1);
  EXPECT_EQ(ParseGoInt("+7").value(), 7);
  EXPECT_EQ(ParseGoInt("0x1003").value(), 0x1003);
  EXPECT_EQ(ParseGoInt("0X1f").value(), 31);
  EXPECT_EQ(ParseGoInt("0b101").value(), 5);
  EXPECT_EQ(ParseGoInt("0o17").value(), 15);
  EXPECT_EQ(ParseGoInt("017").value(), 15);  // leading zero: octal
  EXPECT_EQ(ParseGoInt("0").value(), 0);
  EXPECT_EQ(ParseGoInt("1_000").value(), 1000);
  EXPECT_EQ(ParseGoInt("-9223372036854775808").value(), INT64_MIN);
  EXPECT_EQ(ParseGoInt("9223372036854775807").value(), INT64_MAX);
}

TEST(ParseGoInt, RejectsWhatGoRejects) {
  for (const char* bad : {"", "-", "0x", "09", "1a", "0x1g", "_1", "1__0", "1_", "0x_", " 1", "1.5", "abc"}) {
    auto r = ParseGoInt(bad);
    EXPECT_FALSE(r) << bad;
    if (!r) {
      EXPECT_EQ(r.error().kind, ErrorKind::kParse);
    }
  }
  auto big = ParseGoInt("9223372036854775808");
  ASSERT_FALSE(big);
  EXPECT_NE(big.error().message.find("out of range"), std::string::npos);
  EXPECT_FALSE(ParseGoInt("-9223372036854775809"));
  EXPECT_TRUE(ParseGoInt("0x_1f"));  // Go allows '_' right after a base prefix
}

TEST(ParseGoUint, RespectsBitSizeAndSign) {
  EXPECT_EQ(ParseGoUint("0x2", 8).value(), 2u);
  EXPECT_EQ(ParseGoUint("255", 8).value(), 255u);
  EXPECT_FALSE(ParseGoUint("256", 8));
  EXPECT_FALSE(ParseGoUint("-1"));
  EXPECT_FALSE(ParseGoUint("+1"));
  EXPECT_EQ(ParseGoUint("18446744073709551615").value(), UINT64_MAX);
  EXPECT_FALSE(ParseGoUint("18446744073709551616"));
}

TEST(ParseGoMAC, AcceptsGoFormats) {
  using V = std::vector<std::uint8_t>;
  EXPECT_EQ(ParseGoMAC("00:00:5e:00:53:01").value(), (V{0, 0, 0x5e, 0, 0x53, 1}));
  EXPECT_EQ(ParseGoMAC("00-00-5E-00-53-01").value(), (V{0, 0, 0x5e, 0, 0x53, 1}));
  EXPECT_EQ(ParseGoMAC("0000.5e00.5301").value(), (V{0, 0, 0x5e, 0, 0x53, 1}));
  EXPECT_EQ(ParseGoMAC("02:00:5e:10:00:00:00:01").value().size(), 8u);
  EXPECT_EQ(ParseGoMAC("00:00:00:00:fe:80:00:00:00:00:00:00:02:00:5e:10:00:00:00:01").value().size(), 20u);
  EXPECT_EQ(ParseGoMAC("0000.0000.fe80.0000.0000.0000.0200.5e10.0000.0001").value().size(), 20u);
}

TEST(ParseGoMAC, RejectsOtherShapes) {
  for (const char* bad : {"", "00:00:5e:00:53", "00:00:5e:00:53:01:02", "00:00:5e-00:53:01", "0:00:5e:00:53:01",
                          "00:00:5e:00:53:0g", "0000.5e00.530", "0000-5e00-5301", "80:00:00:48:fe:80:00:00:00:00"}) {
    auto r = ParseGoMAC(bad);
    EXPECT_FALSE(r) << bad;
    if (!r) {
      EXPECT_NE(r.error().message.find("invalid MAC address"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace host_exporter::sysfs
