#include "host_exporter/procfs/file_nr.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseFileNr, TakesFirstAndThirdTabSeparatedFields) {
  auto r = ParseFileNr("1024\t0\t1631329\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_DOUBLE_EQ(r->allocated, 1024);
  EXPECT_DOUBLE_EQ(r->maximum, 1631329);
  // Newer kernels report LONG_MAX as the maximum.
  auto big = ParseFileNr("3232\t0\t9223372036854775807\n");
  ASSERT_TRUE(big);
  EXPECT_DOUBLE_EQ(big->maximum, 9223372036854775807.0);
  // Extra fields are ignored.
  EXPECT_TRUE(ParseFileNr("1\t0\t2\t3"));
}

TEST(ParseFileNr, RejectsEmptySpaceSeparatedAndGarbage) {
  EXPECT_FALSE(ParseFileNr(""));
  auto spaces = ParseFileNr("3232 0 9223372036854775807\n");
  ASSERT_FALSE(spaces);
  EXPECT_NE(spaces.error().message.find("unexpected number of file stats"), std::string::npos);
  EXPECT_FALSE(ParseFileNr("1024\t0\n"));
  auto bad = ParseFileNr("1024\t0\tmany\n");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("maximum"), std::string::npos) << bad.error().message;
}

TEST(ReadFileNr, ReadsFixtureAndNamesFileOnError) {
  auto ok = ReadFileNr(testing::FixturePaths("basic"));
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_DOUBLE_EQ(ok->allocated, 3232);
  auto bad = ReadFileNr(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("malformed/proc/sys/fs/file-nr"), std::string::npos) << bad.error().message;
  auto missing = ReadFileNr(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
