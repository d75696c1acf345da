#include "host_exporter/procfs/cgroups.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseCgroups, ReadsControllersAndSkipsComments) {
  auto cg = ParseCgroups(
      "#subsys_name\thierarchy\tnum_cgroups\tenabled\n"
      "cpuset\t5\t47\t1\n"
      "memory\t7\t234\t0\n"
      "# a comment\n"
      "rdma 4 1 1 trailing-extra\n");
  ASSERT_TRUE(cg) << cg.error().message;
  ASSERT_EQ(cg->size(), 3u);
  EXPECT_EQ((*cg)[0].subsys_name, "cpuset");
  EXPECT_EQ((*cg)[0].hierarchy, 5);
  EXPECT_EQ((*cg)[0].cgroups, 47);
  EXPECT_EQ((*cg)[0].enabled, 1);
  EXPECT_EQ((*cg)[1].subsys_name, "memory");
  EXPECT_EQ((*cg)[1].cgroups, 234);
  EXPECT_EQ((*cg)[1].enabled, 0);
  EXPECT_EQ((*cg)[2].subsys_name, "rdma");
}

TEST(ParseCgroups, AtoiSyntax) {
  // Go's Atoi takes a sign.
  auto signed_values = ParseCgroups("pids +2 -1 1\n");
  ASSERT_TRUE(signed_values) << signed_values.error().message;
  EXPECT_EQ((*signed_values)[0].hierarchy, 2);
  EXPECT_EQ((*signed_values)[0].cgroups, -1);
  EXPECT_FALSE(ParseCgroups("pids 0x2 1 1\n"));
  EXPECT_FALSE(ParseCgroups("pids 1 99999999999999999999 1\n"));
}

TEST(ParseCgroups, EmptyAndHeaderOnlyHaveNoControllers) {
  auto empty = ParseCgroups("");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
  auto header = ParseCgroups("#subsys_name\thierarchy\tnum_cgroups\tenabled\n");
  ASSERT_TRUE(header);
  EXPECT_TRUE(header->empty());
}

TEST(ParseCgroups, MalformedAndTruncatedLinesFailNamingTheLine) {
  auto truncated = ParseCgroups("#h\ncpu\t3\t172\n");
  ASSERT_FALSE(truncated);
  EXPECT_EQ(truncated.error().kind, ErrorKind::kParse);
  EXPECT_NE(truncated.error().message.find("line 2: 4+ fields required, found 3"), std::string::npos)
      << truncated.error().message;
  EXPECT_FALSE(ParseCgroups("cpu 3 172 1\n\n"));  // a blank line is not a comment
  auto bad = ParseCgroups("cpu 3 17x 1\n");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("num_cgroups"), std::string::npos) << bad.error().message;
}

TEST(ReadCgroups, FixturesAndMissingFile) {
  auto basic = ReadCgroups(testing::FixturePaths("basic"));
  ASSERT_TRUE(basic) << basic.error().message;
  ASSERT_EQ(basic->size(), 14u);
  EXPECT_EQ(basic->back().subsys_name, "misc");
  EXPECT_EQ(basic->back().cgroups, 87);
  auto malformed = ReadCgroups(testing::FixturePaths("malformed"));
  ASSERT_FALSE(malformed);
  EXPECT_NE(malformed.error().message.find("malformed/proc/cgroups: line 3:"), std::string::npos)
      << malformed.error().message;
  auto missing = ReadCgroups(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
