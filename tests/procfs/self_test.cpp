#include "host_exporter/procfs/self.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseSelfLink, PidWithTheProcfsPathRemoved) {
  EXPECT_EQ(*ParseSelfLink("12345", "/proc"), 12345);
  EXPECT_EQ(*ParseSelfLink("/host/proc/77", "/host/proc/"), 77);
  EXPECT_EQ(*ParseSelfLink("10", ""), 10);
  EXPECT_FALSE(ParseSelfLink("", "/proc"));
  EXPECT_FALSE(ParseSelfLink("/proc/12/task", "/proc/"));
  auto bad = ParseSelfLink("self", "/proc");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
}

TEST(ReadSelfPid, FollowsTheFixtureLink) {
  auto basic = ReadSelfPid(testing::FixturePaths("basic"));
  ASSERT_TRUE(basic) << basic.error().message;
  EXPECT_EQ(*basic, "4242");
  auto missing = ReadSelfPid(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
