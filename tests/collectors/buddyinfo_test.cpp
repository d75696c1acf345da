#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(BuddyinfoCollector, Golden) {
  auto out = RunCollector("buddyinfo", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 3u * 11u);
  EXPECT_NE(out.text.find("node_buddyinfo_blocks{node=\"0\",size=\"10\",zone=\"Normal\"} 1486\n"), std::string::npos);
  ExpectGolden("buddyinfo", "basic", out.text);
}

TEST(BuddyinfoCollector, MissingFileFails) {
  // node_exporter returns the open error (logged as an error), not "no data".
  auto out = RunCollector("buddyinfo", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kIo);
  EXPECT_NE(out.status.error().message.find("empty/proc/buddyinfo"), std::string::npos);
}

TEST(BuddyinfoCollector, MalformedFileFailsNamingIt) {
  auto out = RunCollector("buddyinfo", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kParse);
  EXPECT_NE(out.status.error().message.find("malformed/proc/buddyinfo: line 3:"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
