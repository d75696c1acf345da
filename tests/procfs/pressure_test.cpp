#include "host_exporter/procfs/pressure.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>

#include "host_exporter/file.h"
#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParsePressure, ParsesSomeAndFull) {
  auto r = ParsePressure(
      "some avg10=0.18 avg60=0.34 avg300=0.10 total=159886802\n"
      "full avg10=0.17 avg60=0.33 avg300=0.09 total=159229614\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_TRUE(r->some && r->full);
  EXPECT_EQ(r->some->avg10, 0.18);
  EXPECT_EQ(r->some->avg60, 0.34);
  EXPECT_EQ(r->some->avg300, 0.10);
  EXPECT_EQ(r->some->total, 159886802u);
  EXPECT_EQ(r->full->avg300, 0.09);
  EXPECT_EQ(r->full->total, 159229614u);
}

TEST(ParsePressure, EitherLineMayBeAbsentAndUnknownLinesAreIgnored) {
  auto irq = ParsePressure("full avg10=0.00 avg60=0.00 avg300=0.00 total=8494");
  ASSERT_TRUE(irq) << irq.error().message;
  EXPECT_FALSE(irq->some);
  ASSERT_TRUE(irq->full);
  EXPECT_EQ(irq->full->total, 8494u);

  auto future = ParsePressure("some avg10=1.00 avg60=0.00 avg300=0.00 total=1\nmost avg10=x\n\n");
  ASSERT_TRUE(future) << future.error().message;
  EXPECT_FALSE(future->full);

  auto empty = ParsePressure("");
  ASSERT_TRUE(empty);
  EXPECT_FALSE(empty->some || empty->full);
}

TEST(ParsePressure, RejectsMalformedAndTruncatedLines) {
  auto truncated = ParsePressure("some avg10=0.00 avg60=0.00 avg300=0.00 total=1\nfull avg10=0.00 avg60=0.00");
  ASSERT_FALSE(truncated);
  EXPECT_EQ(truncated.error().kind, ErrorKind::kParse);
  EXPECT_NE(truncated.error().message.find("line 2"), std::string::npos) << truncated.error().message;
  EXPECT_FALSE(ParsePressure("some avg10=0.00 avg60=0.00 avg300=0.00 total=-1\n"));
  EXPECT_FALSE(ParsePressure("some avg10=0.00 avg60=0.00 avg300=0.00 sum=1\n"));
  EXPECT_FALSE(ParsePressure("full avg10=a avg60=0.00 avg300=0.00 total=1\n"));
}

TEST(ReadPressure, ReadsFixtureNamesFileOnErrorAndMapsMissingFiles) {
  auto ok = ReadPressure(testing::FixturePaths("basic"), "cpu");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->some->total, 1287391733u);

  auto bad = ReadPressure(testing::FixturePaths("pressure-malformed"), "io");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("pressure-malformed/proc/pressure/io"), std::string::npos)
      << bad.error().message;

  auto missing = ReadPressure(testing::FixturePaths("empty"), "memory");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

ssize_t ReadEopnotsupp(int, void*, std::size_t) {
  errno = EOPNOTSUPP;
  return -1;
}

TEST(ReadPressure, DisabledPsiIsNoData) {
  // With psi=0 on the kernel command line the files exist but reading them fails.
  Syscalls s = RealSyscalls();
  s.read = &ReadEopnotsupp;
  ScopedSyscallOverride override(s);
  auto r = ReadPressure(testing::FixturePaths("basic"), "cpu");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kNoData) << r.error().message;
}

}  // namespace
}  // namespace host_exporter::procfs
