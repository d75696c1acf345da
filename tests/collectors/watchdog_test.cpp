#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(WatchdogCollector, Golden) {
  RunGolden("watchdog", "basic", 6u);
}

TEST(WatchdogCollector, MissingAttributesGiveEmptyInfoLabels) {
  auto out = RunCollector("watchdog", "watchdog-minimal");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_watchdog_info{identity=\"\",name=\"watchdog1\",options=\"\","
                          "pretimeout_governor=\"\",state=\"\",status=\"\"} 1\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("node_watchdog_bootstatus{name=\"watchdog0\"} 32\n"), std::string::npos);
  ExpectGolden("watchdog", "watchdog-minimal", out.text);
}

TEST(WatchdogCollector, AbsentIsNoDataMalformedFails) {
  auto empty = RunCollector("watchdog", "empty");
  ASSERT_FALSE(empty.status);
  EXPECT_TRUE(empty.status.error().IsNoData());
  auto bad = RunCollector("watchdog", "malformed");
  ASSERT_FALSE(bad.status);
  EXPECT_FALSE(bad.status.error().IsNoData());
  EXPECT_NE(bad.status.error().message.find("class/watchdog/watchdog0/timeout"), std::string::npos);
  EXPECT_EQ(bad.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
