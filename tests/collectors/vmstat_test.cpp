#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(VmstatCollector, GoldenWithDefaultFields) {
  // oom_kill, pgpgin, pgpgout, pswpin, pswpout, pgfault, pgmajfault.
  RunGolden("vmstat", "basic", 7u);
}

TEST(VmstatCollector, FieldsFlagSelectsUnanchored) {
  auto out = RunCollector("vmstat", "basic", {"--collector.vmstat.fields=zone_(in)?active_anon"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 2u);
  EXPECT_NE(out.text.find("node_vmstat_nr_zone_inactive_anon 125161\n"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("# TYPE node_vmstat_nr_zone_active_anon untyped\n"), std::string::npos) << out.text;
}

TEST(VmstatCollector, InvalidRegexFailsCreateNamingTheFlag) {
  auto out = RunCollector("vmstat", "basic", {"--collector.vmstat.fields=(pg"});
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("collector.vmstat.fields"), std::string::npos)
      << out.status.error().message;
}

TEST(VmstatCollector, MalformedValueFailsEvenInAnUnselectedField) {
  // node_exporter converts every value before matching the name.
  auto out = RunCollector("vmstat", "malformed", {"--collector.vmstat.fields=^nr_free_pages$"});
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("proc/vmstat"), std::string::npos) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(VmstatCollector, MissingFileFailsAsNoData) {
  auto out = RunCollector("vmstat", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
}

}  // namespace
}  // namespace host_exporter::testing
