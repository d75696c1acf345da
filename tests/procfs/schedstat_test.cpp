#include "host_exporter/procfs/schedstat.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseSchedstat, ReadsCpuLinesAndSkipsDomains) {
  auto cpus = ParseSchedstat(
      "version 15\n"
      "timestamp 15819019232\n"
      "cpu0 498494191 0 3533438552 2553969831 3853684107 2465731542 2045936778163039 343796328169361 4767485306\n"
      "domain0 00000000,00000003 212499247 210112015 1861015 1860405436 536440 369895 32599 210079416\n"
      "cpu1 518377256 0 4155211005 2778589869 10466382 2867629021 1904686152592476 364107263788241 5145567945\n");
  ASSERT_EQ(cpus.size(), 2u);
  EXPECT_EQ(cpus[0].cpu, "0");
  EXPECT_EQ(cpus[0].running_ns, 2045936778163039u);
  EXPECT_EQ(cpus[0].waiting_ns, 343796328169361u);
  EXPECT_EQ(cpus[0].timeslices, 4767485306u);
  EXPECT_EQ(cpus[1].cpu, "1");
  EXPECT_EQ(cpus[1].timeslices, 5145567945u);
}

TEST(ParseSchedstat, MatchesLikeProcfsUnanchoredRegexp) {
  // Trailing fields and a prefix before "cpu" are ignored, as an unanchored match does.
  auto cpus = ParseSchedstat("xcpu7 1 2 3 4 5 6 7 8 9 10 11\n");
  ASSERT_EQ(cpus.size(), 1u);
  EXPECT_EQ(cpus[0].cpu, "7");
  EXPECT_EQ(cpus[0].running_ns, 7u);
  EXPECT_EQ(cpus[0].timeslices, 9u);
  // The first "cpu" does not match; a later one does.
  cpus = ParseSchedstat("cpux cpu12 1 2 3 4 5 6 7 8 9\r\n");
  ASSERT_EQ(cpus.size(), 1u);
  EXPECT_EQ(cpus[0].cpu, "12");
}

TEST(ParseSchedstat, SkipsTruncatedDoubleSpacedAndOverflowingLines) {
  EXPECT_TRUE(ParseSchedstat("").empty());
  EXPECT_TRUE(ParseSchedstat("cpu0 1 2 3 4 5 6 7 8\n").empty());                      // 8 fields
  EXPECT_TRUE(ParseSchedstat("cpu0  1 2 3 4 5 6 7 8 9\n").empty());                   // two spaces
  EXPECT_TRUE(ParseSchedstat("cpu 1 2 3 4 5 6 7 8 9\n").empty());                     // no CPU number
  EXPECT_TRUE(ParseSchedstat("cpu0 1 2 3 4 5 6 99999999999999999999 8 9\n").empty());  // > 2^64
  EXPECT_TRUE(ParseSchedstat("cpu0 1 2 3 4 5 6 -7 8 9\n").empty());
}

TEST(ReadSchedstat, FixturesAndMissingFile) {
  auto basic = ReadSchedstat(testing::FixturePaths("basic"));
  ASSERT_TRUE(basic) << basic.error().message;
  ASSERT_EQ(basic->size(), 4u);
  EXPECT_EQ((*basic)[3].cpu, "3");
  EXPECT_EQ((*basic)[3].running_ns, 1577409125004u);
  // Garbage lines are skipped, not errors.
  auto malformed = ReadSchedstat(testing::FixturePaths("malformed"));
  ASSERT_TRUE(malformed) << malformed.error().message;
  ASSERT_EQ(malformed->size(), 2u);
  EXPECT_EQ((*malformed)[0].cpu, "0");
  EXPECT_EQ((*malformed)[1].cpu, "4");
  auto missing = ReadSchedstat(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
