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

}  // namespace
}  // namespace host_exporter::gocompat
