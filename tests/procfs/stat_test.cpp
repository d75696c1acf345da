#include "host_exporter/procfs/stat.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

constexpr std::string_view kStat =
    "cpu  301854 612 111922 8979004 3552 2 3944 0 44 36\n"
    "cpu0 44490 19 21045 1087069 220 1 3410 0 2 1\n"
    "cpu1 47869 23 16474 1110787 591 0 46 0 3 2\n"
    "intr 8885917 17 0 0 3\n"
    "ctxt 38014093\n"
    "btime 1418183276\n"
    "processes 26442\n"
    "procs_running 2\n"
    "procs_blocked 1\n"
    "softirq 5057579 250191 1481983 1647 211099 186066 0 1783454 622196 12499 508444\n";

TEST(ParseStat, ParsesEveryLine) {
  auto r = ParseStat(kStat);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->boot_time, 1418183276u);
  EXPECT_EQ(r->context_switches, 38014093u);
  EXPECT_EQ(r->process_created, 26442u);
  EXPECT_EQ(r->processes_running, 2u);
  EXPECT_EQ(r->processes_blocked, 1u);
  EXPECT_EQ(r->irq_total, 8885917u);
  EXPECT_EQ(r->irq, (std::vector<std::uint64_t>{17, 0, 0, 3}));
  EXPECT_EQ(r->softirq_total, 5057579u);
  EXPECT_EQ(r->softirq.hi, 250191u);
  EXPECT_EQ(r->softirq.timer, 1481983u);
  EXPECT_EQ(r->softirq.net_tx, 1647u);
  EXPECT_EQ(r->softirq.net_rx, 211099u);
  EXPECT_EQ(r->softirq.block, 186066u);
  EXPECT_EQ(r->softirq.block_iopoll, 0u);
  EXPECT_EQ(r->softirq.tasklet, 1783454u);
  EXPECT_EQ(r->softirq.sched, 622196u);
  EXPECT_EQ(r->softirq.hrtimer, 12499u);
  EXPECT_EQ(r->softirq.rcu, 508444u);
  ASSERT_EQ(r->cpu.size(), 2u);
  const CpuStat& c0 = r->cpu.at(0);
  // Ticks of USER_HZ become seconds exactly as procfs divides them.
  EXPECT_EQ(c0.user, 44490 / 100.0);
  EXPECT_EQ(c0.idle, 1087069 / 100.0);
  EXPECT_EQ(c0.irq, 0.01);
  EXPECT_EQ(c0.softirq, 34.1);
  EXPECT_EQ(c0.guest, 0.02);
  EXPECT_EQ(c0.guest_nice, 0.01);
  EXPECT_EQ(r->cpu_total.user, 3018.54);
  EXPECT_EQ(r->cpu_total.guest_nice, 0.36);
}

TEST(ParseStat, EmptyInputIsAllZeros) {
  // procfs accepts an empty file; the stat collector then reports zeros.
  auto r = ParseStat("");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->cpu.empty());
  EXPECT_EQ(r->boot_time, 0u);
  EXPECT_EQ(r->irq_total, 0u);
}

TEST(ParseStat, OldKernelsWithFewerCpuColumns) {
  // 2.6.24 and older print no guest column; 2.6.10 and older stop after softirq.
  auto r = ParseStat("cpu0 100 200 300 400 500 600 700 800\ncpu1 1 2 3 4 5 6 7\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->cpu.at(0).steal, 8.0);
  EXPECT_EQ(r->cpu.at(0).guest, 0.0);
  EXPECT_EQ(r->cpu.at(1).softirq, 0.07);
  EXPECT_EQ(r->cpu.at(1).steal, 0.0);
}

TEST(ParseStat, SkipsShortAndUnknownLinesAndExtraColumns) {
  auto r = ParseStat("btime\n\npage 5741 1808\ncpu7 1 2 3 4 5 6 7 8 9 10 11 12\nctxt 5\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->boot_time, 0u);
  EXPECT_EQ(r->context_switches, 5u);
  EXPECT_EQ(r->cpu.at(7).guest_nice, 0.1);
}

TEST(ParseStat, RejectsMalformedLinesNamingTheLine) {
  auto bad_ctxt = ParseStat("cpu0 1 2 3\nctxt many\n");
  ASSERT_FALSE(bad_ctxt);
  EXPECT_EQ(bad_ctxt.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad_ctxt.error().message.find("line 2"), std::string::npos) << bad_ctxt.error().message;
  EXPECT_NE(bad_ctxt.error().message.find("\"many\""), std::string::npos);

  EXPECT_FALSE(ParseStat("cpu0 1 x 3\n"));
  EXPECT_FALSE(ParseStat("cpuX 1 2 3\n"));
  EXPECT_FALSE(ParseStat("intr 10 1 2 three\n"));
  EXPECT_FALSE(ParseStat("btime -5\n"));
  // A truncated softirq line is an error: procfs scans all eleven numbers.
  auto short_softirq = ParseStat("softirq 10 1 2 3\n");
  ASSERT_FALSE(short_softirq);
  EXPECT_NE(short_softirq.error().message.find("softirq"), std::string::npos);
}

TEST(ReadStat, ReadsFixtureAndNamesFileOnError) {
  auto ok = ReadStat(testing::FixturePaths("basic"));
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->cpu.size(), 4u);
  EXPECT_EQ(ok->boot_time, 1731912486u);

  auto bad = ReadStat(testing::FixturePaths("stat-malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("stat-malformed/proc/stat"), std::string::npos) << bad.error().message;

  auto missing = ReadStat(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
