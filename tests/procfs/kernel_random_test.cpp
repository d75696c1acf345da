#include "host_exporter/procfs/kernel_random.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseKernelRandomValue, ParsesTrimmedDecimal) {
  auto v = ParseKernelRandomValue("3712\n");
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(*v, 3712u);
  EXPECT_EQ(*ParseKernelRandomValue(" 256 "), 256u);
}

TEST(ParseKernelRandomValue, RejectsEmptyNegativeAndGarbage) {
  EXPECT_FALSE(ParseKernelRandomValue(""));
  EXPECT_FALSE(ParseKernelRandomValue("\n"));
  EXPECT_FALSE(ParseKernelRandomValue("-1\n"));
  EXPECT_FALSE(ParseKernelRandomValue("25six\n"));
  EXPECT_FALSE(ParseKernelRandomValue("256 4096\n"));
  EXPECT_FALSE(ParseKernelRandomValue("18446744073709551616\n"));  // 2^64
}

TEST(ReadKernelRandom, ReadsPresentFilesOnly) {
  auto r = ReadKernelRandom(testing::FixturePaths("basic"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->entropy_avail, 256u);
  EXPECT_EQ(r->poolsize, 256u);
  EXPECT_EQ(r->urandom_min_reseed_secs, 60u);
  EXPECT_EQ(r->write_wakeup_threshold, 256u);
  EXPECT_FALSE(r->read_wakeup_threshold);  // removed in Linux 5.x, absent here

  auto partial = ReadKernelRandom(testing::FixturePaths("entropy-no-poolsize"));
  ASSERT_TRUE(partial) << partial.error().message;
  EXPECT_EQ(partial->entropy_avail, 3712u);
  EXPECT_FALSE(partial->poolsize);

  auto none = ReadKernelRandom(testing::FixturePaths("empty"));
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_FALSE(none->entropy_avail);
}

TEST(ReadKernelRandom, MalformedFileNamesIt) {
  auto r = ReadKernelRandom(testing::FixturePaths("malformed"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kParse);
  EXPECT_NE(r.error().message.find("malformed/proc/sys/kernel/random/entropy_avail"), std::string::npos)
      << r.error().message;
}

}  // namespace
}  // namespace host_exporter::procfs
