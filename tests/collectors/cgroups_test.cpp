#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(CgroupsCollector, Golden) {
  auto out = RunCollector("cgroups", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 2u * 14u);
  EXPECT_NE(out.text.find("node_cgroups_cgroups{subsys_name=\"memory\"} 87\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_cgroups_enabled{subsys_name=\"misc\"} 1\n"), std::string::npos);
  ExpectGolden("cgroups", "basic", out.text);
}

TEST(CgroupsCollector, MissingFileFails) {
  auto out = RunCollector("cgroups", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kIo);
  EXPECT_NE(out.status.error().message.find("empty/proc/cgroups"), std::string::npos);
}

TEST(CgroupsCollector, MalformedFileFailsNamingIt) {
  auto out = RunCollector("cgroups", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kParse);
  EXPECT_NE(out.status.error().message.find("malformed/proc/cgroups: line 3:"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
