#include "host_exporter/gocompat/strconv.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace host_exporter::gocompat {
namespace {

TEST(GoParseFloat, AcceptsGoDecimalSyntax) {
  EXPECT_EQ(*ParseFloat("0"), 0);
  EXPECT_EQ(*ParseFloat("+1.5"), 1.5);
  EXPECT_EQ(*ParseFloat("-2e3"), -2000);
  EXPECT_EQ(*ParseFloat("5."), 5);
  EXPECT_EQ(*ParseFloat(".25"), 0.25);
  EXPECT_EQ(*ParseFloat("1E+2"), 100);
  EXPECT_EQ(*ParseFloat("1e-400"), 0);  // underflow is not an error in Go
  EXPECT_EQ(*ParseFloat("1.7976931348623157e308"), std::numeric_limits<double>::max());
}

TEST(GoParseFloat, SpecialValues) {
  EXPECT_EQ(*ParseFloat("Inf"), INFINITY);
  EXPECT_EQ(*ParseFloat("+inf"), INFINITY);
  EXPECT_EQ(*ParseFloat("-Infinity"), -INFINITY);
  EXPECT_TRUE(std::isnan(*ParseFloat("NaN")));
  EXPECT_TRUE(std::isnan(*ParseFloat("nan")));
  EXPECT_FALSE(ParseFloat("+NaN"));
  EXPECT_FALSE(ParseFloat("-nan"));
  EXPECT_FALSE(ParseFloat("infin"));
}

TEST(GoParseFloat, RejectsEverythingElse) {
  for (std::string_view s : {"", " 1", "1 ", ".", "e5", "1e", "1e+", "0x10", "1.2.3", "--1", "1,5", "١"}) {
    EXPECT_FALSE(ParseFloat(s)) << s;
  }
  auto big = ParseFloat("1e400");
  ASSERT_FALSE(big);
  EXPECT_NE(big.error().message.find("out of range"), std::string::npos);
}

TEST(GoFloatToUint64, MatchesAmd64Conversion) {
  EXPECT_EQ(FloatToUint64(0), 0u);
  EXPECT_EQ(FloatToUint64(3.9), 3u);
  EXPECT_EQ(FloatToUint64(9007199254740992.0), 9007199254740992u);
  EXPECT_EQ(FloatToUint64(1e19), 10000000000000000000u);
  EXPECT_EQ(FloatToUint64(-1), 18446744073709551615u);
  EXPECT_EQ(FloatToUint64(NAN), 9223372036854775808u);
  EXPECT_EQ(FloatToUint64(1e20), 9223372036854775808u);
  EXPECT_EQ(FloatToUint64(INFINITY), 9223372036854775808u);
}

TEST(GoQuote, EscapesLikePercentQ) {
  EXPECT_EQ(Quote("plain"), "\"plain\"");
  EXPECT_EQ(Quote("a\"b\\c\nd\te\x01"), "\"a\\\"b\\\\c\\nd\\te\\x01\"");
  EXPECT_EQ(Quote("h\xC3\xA9 \xff"), "\"h\xC3\xA9 \\xff\"");
  EXPECT_EQ(QuoteByte('c'), "'c'");
  EXPECT_EQ(QuoteByte('\''), "'\\''");
  EXPECT_EQ(QuoteByte('\n'), "'\\n'");
}

TEST(GoParseIntBase0, Base0Prefixes) {
  EXPECT_EQ(ParseIntBase0("1500").value(), 1500);
  EXPECT_EQ(ParseIntBase0("-1").value(), -1);
  EXPECT_EQ(ParseIntBase0("+7").value(), 7);
  EXPECT_EQ(ParseIntBase0("0x1003").value(), 0x1003);
  EXPECT_EQ(ParseIntBase0("0X1f").value(), 31);
  EXPECT_EQ(ParseIntBase0("0b101").value(), 5);
  EXPECT_EQ(ParseIntBase0("0o17").value(), 15);
  EXPECT_EQ(ParseIntBase0("017").value(), 15);  // leading zero: octal
  EXPECT_EQ(ParseIntBase0("0").value(), 0);
  EXPECT_EQ(ParseIntBase0("1_000").value(), 1000);
  EXPECT_EQ(ParseIntBase0("-9223372036854775808").value(), INT64_MIN);
  EXPECT_EQ(ParseIntBase0("9223372036854775807").value(), INT64_MAX);
}

TEST(GoParseIntBase0, RejectsWhatGoRejects) {
  for (const char* bad : {"", "-", "0x", "09", "1a", "0x1g", "_1", "1__0", "1_", "0x_", " 1", "1.5", "abc"}) {
    auto r = ParseIntBase0(bad);
    EXPECT_FALSE(r) << bad;
    if (!r) {
      EXPECT_EQ(r.error().kind, ErrorKind::kParse);
    }
  }
  auto big = ParseIntBase0("9223372036854775808");
  ASSERT_FALSE(big);
  EXPECT_NE(big.error().message.find("out of range"), std::string::npos);
  EXPECT_FALSE(ParseIntBase0("-9223372036854775809"));
  EXPECT_TRUE(ParseIntBase0("0x_1f"));  // Go allows '_' right after a base prefix
}

TEST(GoParseUintBase0, RespectsBitSizeAndSign) {
  EXPECT_EQ(ParseUintBase0("0x2", 8).value(), 2u);
  EXPECT_EQ(ParseUintBase0("255", 8).value(), 255u);
  EXPECT_FALSE(ParseUintBase0("256", 8));
  EXPECT_FALSE(ParseUintBase0("-1"));
  EXPECT_FALSE(ParseUintBase0("+1"));
  EXPECT_EQ(ParseUintBase0("18446744073709551615").value(), UINT64_MAX);
  EXPECT_FALSE(ParseUintBase0("18446744073709551616"));
}

TEST(GoParseMAC, AcceptsGoFormats) {
  using V = std::vector<std::uint8_t>;
  EXPECT_EQ(ParseMAC("00:00:5e:00:53:01").value(), (V{0, 0, 0x5e, 0, 0x53, 1}));
  EXPECT_EQ(ParseMAC("00-00-5E-00-53-01").value(), (V{0, 0, 0x5e, 0, 0x53, 1}));
  EXPECT_EQ(ParseMAC("0000.5e00.5301").value(), (V{0, 0, 0x5e, 0, 0x53, 1}));
  EXPECT_EQ(ParseMAC("02:00:5e:10:00:00:00:01").value().size(), 8u);
  EXPECT_EQ(ParseMAC("00:00:00:00:fe:80:00:00:00:00:00:00:02:00:5e:10:00:00:00:01").value().size(), 20u);
  EXPECT_EQ(ParseMAC("0000.0000.fe80.0000.0000.0000.0200.5e10.0000.0001").value().size(), 20u);
}

TEST(GoParseMAC, RejectsOtherShapes) {
  for (const char* bad :
       {"", "00:00:5e:00:53", "00:00:5e:00:53:01:02", "00:00:5e-00:53:01", "0:00:5e:00:53:01",
        "00:00:5e:00:53:0g", "0000.5e00.530", "0000-5e00-5301", "80:00:00:48:fe:80:00:00:00:00"}) {
    auto r = ParseMAC(bad);
    EXPECT_FALSE(r) << bad;
    if (!r) {
      EXPECT_NE(r.error().message.find("invalid MAC address"), std::string::npos);
    }
  }
}

TEST(GoFloatToUint64, MatchesGoOnAmd64) {
  EXPECT_EQ(FloatToUint64(12.9), 12u);
  EXPECT_EQ(FloatToUint64(1.8446744073709552e19 / 2), 9223372036854775808u);
  EXPECT_EQ(FloatToUint64(-1.0), 18446744073709551615u);
  EXPECT_EQ(FloatToUint64(1e300), 9223372036854775808u);
}

TEST(GoParseUintBase0, PrefixesLikeStrconv) {
  EXPECT_EQ(*ParseUintBase0("0x1f"), 31u);
  EXPECT_EQ(*ParseUintBase0("0XFF"), 255u);
  EXPECT_EQ(*ParseUintBase0("017"), 15u);
  EXPECT_EQ(*ParseUintBase0("0b101"), 5u);
  EXPECT_EQ(*ParseUintBase0("0"), 0u);
  EXPECT_EQ(*ParseUintBase0("42"), 42u);
  EXPECT_EQ(*ParseUintBase0("0xffffffffffffffff"), 18446744073709551615u);
  EXPECT_FALSE(ParseUintBase0(""));
  EXPECT_FALSE(ParseUintBase0("0x"));
  EXPECT_FALSE(ParseUintBase0("09"));
  EXPECT_FALSE(ParseUintBase0("-1"));
}

}  // namespace
}  // namespace host_exporter::gocompat
