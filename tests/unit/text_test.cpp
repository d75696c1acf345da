#include "host_exporter/text.h"

#include <gtest/gtest.h>

#include <cmath>

namespace host_exporter {
namespace {

TEST(Text, SplitFieldsSkipsRunsOfBlanks) {
  auto f = SplitFields("  a \t b  c\n");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0], "a");
  EXPECT_EQ(f[2], "c");
  EXPECT_TRUE(SplitFields("   ").empty());
}

TEST(Text, SplitKeepsEmptyAndSplitLinesDropsTrailing) {
  auto s = Split("a::b", ':');
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[1], "");
  auto l = SplitLines("x\ny\n");
  ASSERT_EQ(l.size(), 2u);
  EXPECT_EQ(SplitLines("x\ny").size(), 2u);
  EXPECT_TRUE(SplitLines("").empty());
}

TEST(Text, NumbersAreWholeStringParses) {
  EXPECT_EQ(*ParseUint("18446744073709551615"), 18446744073709551615ull);
  EXPECT_FALSE(ParseUint("18446744073709551616"));
  EXPECT_FALSE(ParseUint("12x"));
  EXPECT_FALSE(ParseUint(""));
  EXPECT_FALSE(ParseUint("-1"));
  EXPECT_EQ(*ParseUint("ff", 16), 255u);
  EXPECT_EQ(*ParseUint("0x1F", 16), 31u);
  EXPECT_EQ(*ParseInt("-42"), -42);
  EXPECT_EQ(*ParseInt("+42"), 42);
  EXPECT_DOUBLE_EQ(*ParseDouble("1.5e3"), 1500);
  EXPECT_DOUBLE_EQ(*ParseDouble("+2"), 2);
  EXPECT_DOUBLE_EQ(*ParseDouble("-0.25"), -0.25);
  EXPECT_TRUE(std::isnan(*ParseDouble("NaN")));
  EXPECT_TRUE(std::isinf(*ParseDouble("+Inf")));
  EXPECT_FALSE(ParseDouble("1.0.0"));
  EXPECT_FALSE(ParseDouble(""));
}

TEST(Text, ParseDoubleIntegersAreExactOnEitherSideOfTheDigitShortcut) {
  // Up to 15 digits take the integer path, longer ones the float parser; both
  // give the double nearest the decimal value, as Go's ParseFloat.
  EXPECT_EQ(*ParseDouble("0"), 0.0);
  EXPECT_EQ(*ParseDouble("007"), 7.0);
  EXPECT_EQ(*ParseDouble("-123"), -123.0);
  EXPECT_EQ(*ParseDouble("+123"), 123.0);
  EXPECT_TRUE(std::signbit(*ParseDouble("-0")));
  EXPECT_EQ(*ParseDouble("999999999999999"), 999999999999999.0);
  EXPECT_EQ(*ParseDouble("9007199254740993"), 9007199254740992.0);  // 2^53+1: 16 digits, rounds
  EXPECT_EQ(*ParseDouble("18446744073709551615"), 18446744073709551616.0);
  EXPECT_FALSE(ParseDouble("-"));
  EXPECT_FALSE(ParseDouble("+"));
  EXPECT_FALSE(ParseDouble("12 "));
  EXPECT_FALSE(ParseDouble("1_000"));
}

TEST(Text, GoDurations) {
  using namespace std::chrono_literals;
  EXPECT_EQ(*ParseGoDuration("5s"), 5s);
  EXPECT_EQ(*ParseGoDuration("1m30s"), 90s);
  EXPECT_EQ(*ParseGoDuration("250ms"), 250ms);
  EXPECT_EQ(*ParseGoDuration("1.5h"), 90min);
  EXPECT_EQ(*ParseGoDuration("0"), 0s);
  EXPECT_FALSE(ParseGoDuration("5"));
  EXPECT_FALSE(ParseGoDuration("5x"));
  EXPECT_FALSE(ParseGoDuration(""));
}

TEST(Text, ScanLinesDropsCarriageReturns) {
  EXPECT_EQ(ScanLines("a\r\nb\n\r\nc\r"), (std::vector<std::string_view>{"a", "b", "", "c"}));
  EXPECT_EQ(SplitLines("a\r\nb"), (std::vector<std::string_view>{"a\r", "b"}));
  EXPECT_TRUE(ScanLines("").empty());
}

TEST(Text, ReplaceAllLikeGo) {
  std::string s = "/srv/bulk\\040store\\040x";
  ReplaceAll(s, "\\040", " ");
  EXPECT_EQ(s, "/srv/bulk store x");
  std::string grow = "aaa";
  ReplaceAll(grow, "a", "aa");  // replaced text is not scanned again
  EXPECT_EQ(grow, "aaaaaa");
}

TEST(Text, SanitizeMetricNameLikeNodeExporter) {
  EXPECT_EQ(SanitizeMetricName("package-0"), "package_0");
  EXPECT_EQ(SanitizeMetricName("btree_node_read__.x"), "btree_node_read_x");
  EXPECT_EQ(SanitizeMetricName("a__b"), "a__b");
  EXPECT_EQ(SanitizeMetricName("dram:0 /x"), "dram_0_x");
  EXPECT_EQ(SanitizeMetricName(""), "");
}

TEST(Text, GoBooleans) {
  EXPECT_TRUE(*ParseBool("true"));
  EXPECT_TRUE(*ParseBool("1"));
  EXPECT_FALSE(*ParseBool("False"));
  EXPECT_FALSE(ParseBool("yes"));
}

}  // namespace
}  // namespace host_exporter
