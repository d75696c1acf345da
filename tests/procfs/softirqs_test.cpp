#include "host_exporter/procfs/softirqs.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseSoftirqs, ReadsEveryKnownRowByColumn) {
  auto r = ParseSoftirqs(
      "                    CPU0       CPU1\n"
      "          HI:          7          1\n"
      "       TIMER:     424191     108342\n"
      "      NET_TX:       2301       2430\n"
      "      NET_RX:      43066     104508\n"
      "       BLOCK:      23776      24115\n"
      "    IRQ_POLL:          0          0\n"
      "     TASKLET:        372       1899\n"
      "       SCHED:     378895     152852\n"
      "     HRTIMER:         40        346\n"
      "         RCU:     155929     146631\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->hi, (std::vector<std::uint64_t>{7, 1}));
  EXPECT_EQ(r->timer, (std::vector<std::uint64_t>{424191, 108342}));
  EXPECT_EQ(r->net_tx, (std::vector<std::uint64_t>{2301, 2430}));
  EXPECT_EQ(r->net_rx, (std::vector<std::uint64_t>{43066, 104508}));
  EXPECT_EQ(r->block, (std::vector<std::uint64_t>{23776, 24115}));
  EXPECT_EQ(r->irq_poll, (std::vector<std::uint64_t>{0, 0}));
  EXPECT_EQ(r->tasklet, (std::vector<std::uint64_t>{372, 1899}));
  EXPECT_EQ(r->sched, (std::vector<std::uint64_t>{378895, 152852}));
  EXPECT_EQ(r->hrtimer, (std::vector<std::uint64_t>{40, 346}));
  EXPECT_EQ(r->rcu, (std::vector<std::uint64_t>{155929, 146631}));
}

TEST(ParseSoftirqs, SkipsHeaderUnknownAndShortRows) {
  // Old kernels print BLOCK_IOPOLL (not read); a row without counts is skipped;
  // the first line is the header whatever it holds.
  auto r = ParseSoftirqs("HI: 99\nBLOCK_IOPOLL: 5 6\nNET_RX:\nTIMER: 3 4 5\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->hi.empty());
  EXPECT_TRUE(r->net_rx.empty());
  EXPECT_EQ(r->timer, (std::vector<std::uint64_t>{3, 4, 5}));
}

TEST(ParseSoftirqs, EmptyIsAnErrorHeaderOnlyIsNot) {
  auto empty = ParseSoftirqs("");
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().message.find("empty"), std::string::npos);
  auto header = ParseSoftirqs("                    CPU0\n");
  ASSERT_TRUE(header);
  EXPECT_TRUE(header->rcu.empty());
}

TEST(ParseSoftirqs, RejectsBadCountsNamingTheRow) {
  auto bad = ParseSoftirqs("CPU0 CPU1\nHI: 1 2\nRCU: 5 -1\n");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("line 3"), std::string::npos) << bad.error().message;
  EXPECT_NE(bad.error().message.find("RCU"), std::string::npos) << bad.error().message;
  EXPECT_FALSE(ParseSoftirqs("CPU0\nSCHED: 18446744073709551616\n"));  // beyond uint64
  EXPECT_FALSE(ParseSoftirqs("CPU0\nSCHED: +5\n"));
  EXPECT_FALSE(ParseSoftirqs("CPU0\nSCHED: 12 3"
                             "4x\n"));  // truncated mid-write
}

TEST(ReadSoftirqs, ReadsFixturesAndNamesFileOnError) {
  auto ok = ReadSoftirqs(testing::FixturePaths("basic"));
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_EQ(ok->sched.size(), 4u);
  EXPECT_EQ(ok->sched[3], 7464208u);
  auto bad = ReadSoftirqs(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("malformed/proc/softirqs"), std::string::npos) << bad.error().message;
  auto missing = ReadSoftirqs(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
