#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(OsCollector, GoldenFromEtc) {
  RunGolden("os", "basic", 2u);  // no SUPPORT_END in Debian's file
}

TEST(OsCollector, GoldenFromUsrLibWithSupportEnd) {
  auto out = RunCollector("os", "os-usr-lib");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_os_support_end_timestamp_seconds 1.7313696e+09\n"), std::string::npos) << out.text;
  ExpectGolden("os", "os-usr-lib", out.text);
}

TEST(OsCollector, NoOsReleaseIsNoData) {
  auto out = RunCollector("os", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kNoData);
  EXPECT_EQ(out.samples, 0u);
}

TEST(OsCollector, MalformedFileFailsWithPath) {
  auto out = RunCollector("os", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("rootfs/etc/os-release"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
