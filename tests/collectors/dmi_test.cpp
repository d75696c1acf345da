#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(DmiCollector, Golden) {
  RunGolden("dmi", "basic", 1u);
}

TEST(DmiCollector, InvalidUtf8IsReplacedAndSymlinksSkipped) {
  auto out = RunCollector("dmi", "dmi-quirks");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("product_version=\"\xEF\xBF\xBD[\xEF\xBF\xBD\""), std::string::npos) << out.text;
  EXPECT_EQ(out.text.find("product_name="), std::string::npos) << out.text;
  ExpectGolden("dmi", "dmi-quirks", out.text);
}

TEST(DmiCollector, NoDmiIsNoData) {
  auto out = RunCollector("dmi", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
