#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(SelinuxCollector, DisabledHostReportsOnlyEnabledZero) {
  for (auto scenario : {"basic", "empty", "selinux-no-policy"}) {
    auto out = RunCollector("selinux", scenario);
    ASSERT_TRUE(out.status) << scenario;
    EXPECT_EQ(out.samples, 1u) << scenario;
    EXPECT_NE(out.text.find("node_selinux_enabled 0\n"), std::string::npos) << scenario;
  }
  ExpectGolden("selinux", "basic", RunCollector("selinux", "basic").text);
}

TEST(SelinuxCollector, EnabledHost) {
  auto out = RunGolden("selinux", "selinux-enforcing", 14u);
  EXPECT_NE(out.text.find("node_selinux_config_mode 0\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_selinux_current_mode 1\n"), std::string::npos);
}

TEST(SelinuxCollector, MalformedCacheStatsFailsAfterModes) {
  auto out = RunCollector("selinux", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("fs/selinux/avc/cache_stats"), std::string::npos);
  EXPECT_EQ(out.samples, 3u);  // enabled, config_mode, current_mode, as node_exporter sends them first
}

}  // namespace
}  // namespace host_exporter::testing
