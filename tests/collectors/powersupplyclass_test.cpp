#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(PowersupplyclassCollector, Golden) {
  RunGolden("powersupplyclass", "basic", 19u);
}

TEST(PowersupplyclassCollector, HexInvalidUtf8AndUnitConversions) {
  auto out = RunCollector("powersupplyclass", "powersupplyclass-quirks");
  ASSERT_TRUE(out.status) << out.status.error().message;
  // 0x2faf08 uAh = 3.125 Ah; 296 tenths of a degree; one U+FFFD for the run \xff\xfe.
  EXPECT_NE(out.text.find("node_power_supply_charge_full{power_supply=\"BAT1\"} 3.125\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_power_supply_temp_celsius{power_supply=\"BAT1\"} 29.6\n"), std::string::npos);
  EXPECT_NE(out.text.find("model_name=\"DELL \xEF\xBF\xBD"
                          "7R1\""),
            std::string::npos);
  ExpectGolden("powersupplyclass", "powersupplyclass-quirks", out.text);
}

TEST(PowersupplyclassCollector, IgnoredSupplies) {
  auto out =
      RunCollector("powersupplyclass", "basic", {"--collector.powersupply.ignored-supplies=^(AC|ucsi-.*)$"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.text.find("power_supply=\"AC\""), std::string::npos);
  EXPECT_EQ(out.text.find("ucsi-source"), std::string::npos);
  EXPECT_NE(out.text.find("power_supply=\"BAT0\""), std::string::npos);
  // Unanchored, as Go's MatchString: "BAT" ignores BAT0.
  auto unanchored =
      RunCollector("powersupplyclass", "basic", {"--collector.powersupply.ignored-supplies=BAT"});
  ASSERT_TRUE(unanchored.status);
  EXPECT_EQ(unanchored.text.find("BAT0"), std::string::npos);
}

TEST(PowersupplyclassCollector, InvalidFlagFailsCreateNamingTheFlag) {
  auto out = RunCollector("powersupplyclass", "basic", {"--collector.powersupply.ignored-supplies=("});
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kInvalidArgument);
  EXPECT_NE(out.status.error().message.find("collector.powersupply.ignored-supplies"), std::string::npos);
}

TEST(PowersupplyclassCollector, MalformedFailsWithPathAbsentIsNoData) {
  auto bad = RunCollector("powersupplyclass", "malformed");
  ASSERT_FALSE(bad.status);
  EXPECT_FALSE(bad.status.error().IsNoData());
  EXPECT_NE(bad.status.error().message.find("sys/class/power_supply/BAT0/capacity"), std::string::npos);
  EXPECT_EQ(bad.samples, 0u);
  auto empty = RunCollector("powersupplyclass", "empty");
  ASSERT_FALSE(empty.status);
  EXPECT_TRUE(empty.status.error().IsNoData());
  EXPECT_EQ(empty.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
