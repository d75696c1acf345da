#include "host_exporter/procfs/kernel_hung.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseKernelHung, ParsesCount) {
  auto r = ParseKernelHung("42\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->hung_task_detect_count, 42u);
  EXPECT_EQ(ParseKernelHung("0")->hung_task_detect_count, 0u);
}

TEST(ParseKernelHung, RejectsEmptyTruncatedAndGarbage) {
  EXPECT_FALSE(ParseKernelHung(""));
  EXPECT_FALSE(ParseKernelHung("-1\n"));
  EXPECT_FALSE(ParseKernelHung("4 2\n"));
  auto r = ParseKernelHung("x\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kParse);
}

TEST(ReadKernelHung, FixtureMissingAndMalformed) {
  auto ok = ReadKernelHung(testing::FixturePaths("basic"));
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->hung_task_detect_count, 2u);
  auto missing = ReadKernelHung(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  auto bad = ReadKernelHung(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("malformed/proc/sys/kernel/hung_task_detect_count"), std::string::npos)
      << bad.error().message;
}

}  // namespace
}  // namespace host_exporter::procfs
