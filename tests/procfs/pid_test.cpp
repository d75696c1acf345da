#include "host_exporter/procfs/pid.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParsePidStat, HandlesCommWithSpacesAndParens) {
  auto r = ParsePidStat(
      "26231 (vim (x) y) R 5392 7446 5392 34835 7446 4218880 32533 309516 26 82 1677 44 158 99 20 0 1 "
      "0 82375 56274944 1981 18446744073709551615 4194304 6294284 140736914091744 140736914087944 "
      "139965136429984 0 0 12288 1870679807 0 0 0 17 0 0 0 31 0 0 8391624 8481048 16420864 "
      "140736914093252 140736914093279 140736914093279 140736914096107 0\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->pid, 26231);
  EXPECT_EQ(r->comm, "vim (x) y");
  EXPECT_EQ(r->state, 'R');
  EXPECT_EQ(r->utime, 1677u);
  EXPECT_EQ(r->stime, 44u);
  EXPECT_EQ(r->starttime, 82375u);
  EXPECT_EQ(r->vsize, 56274944u);
  EXPECT_EQ(r->rss, 1981);
}

TEST(ParsePidStat, RejectsTruncated) {
  EXPECT_FALSE(ParsePidStat(""));
  EXPECT_FALSE(ParsePidStat("1 (init) S 0 1"));
  EXPECT_FALSE(ParsePidStat("x (init) S 0 1 1 0 -1 4194560 1 2 3 4 5 6 7 8 20 0 1 0 9 10 11"));
}

TEST(ParsePidStat, NeedsTheFieldsProcfsScans) {
  // Linux 2.6.24+ prints at least 44 fields; procfs scans the first 44 and
  // checks their sign (rss may be negative, flags may not).
  const std::string head = "11 (rcu_preempt) I 2 0 0 0 -1 2129984 0 0 0 0 0 346 0 0 -2 0 1 0 32 0 0 "
                           "18446744073709551615 0 0 0 0 0 0 0 2147483647 0 0 0 0 17 2 1 1 0 0";
  auto ok = ParsePidStat(head + " 0\n");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->state, 'I');
  EXPECT_EQ(ok->num_threads, 1);
  auto short_line = ParsePidStat(head + "\n");
  ASSERT_FALSE(short_line);
  EXPECT_NE(short_line.error().message.find("expected at least 44 fields, got 43"), std::string::npos)
      << short_line.error().message;
  EXPECT_FALSE(ParsePidStat("11 (x) I 2 0 0 0 -1 -2129984 0 0 0 0 0 346 0 0 -2 0 1 0 32 0 0 "
                            "18446744073709551615 0 0 0 0 0 0 0 2147483647 0 0 0 0 17 2 1 1 0 0 0\n"));
  EXPECT_FALSE(ParsePidStat("11 (x) I 2 0 0 0 -1 2129984 0 0 0 0 0 346 0 0 -2 0 1 0 32 0 0 "
                            "18446744073709551615 0 0 0 0 0 0 0 2147483647 0 0 0 0 17 2 1 1 0 0 zero\n"));
}

TEST(ReadPidList, ListsNumericEntriesSorted) {
  auto pids = ReadPidList(testing::FixturePaths("basic").procfs);
  ASSERT_TRUE(pids) << pids.error().message;
  EXPECT_EQ(*pids, (std::vector<int>{1, 2, 14, 611, 733, 1187, 2045, 3310, 4242}));
  auto tasks = ReadPidList(testing::FixturePaths("basic").Proc("1187/task"));
  ASSERT_TRUE(tasks) << tasks.error().message;
  EXPECT_EQ(*tasks, (std::vector<int>{1187, 1190, 1191, 1193}));
  auto gone = ReadPidList(testing::FixturePaths("basic").Proc("99999/task"));
  ASSERT_FALSE(gone);
  EXPECT_TRUE(IsVanished(gone.error()));
  auto file = ReadPidList(testing::FixturePaths("basic").Proc("stat"));
  ASSERT_FALSE(file);
  EXPECT_FALSE(IsVanished(file.error()));
}

TEST(ReadPidStat, ReadsFixturesAndNamesFileOnError) {
  auto st = ReadPidStat(testing::FixturePaths("basic").Proc("2045/stat"));
  ASSERT_TRUE(st) << st.error().message;
  EXPECT_EQ(st->comm, "kworker/u8:3+flush-252:0");
  EXPECT_EQ(st->state, 'D');
  auto bad = ReadPidStat(testing::FixturePaths("malformed").Proc("42/stat"));
  ASSERT_FALSE(bad);
  EXPECT_FALSE(IsVanished(bad.error()));
  EXPECT_NE(bad.error().message.find("malformed/proc/42/stat"), std::string::npos) << bad.error().message;
  auto gone = ReadPidStat(testing::FixturePaths("basic").Proc("1187/task/1193/stat"));
  ASSERT_FALSE(gone);
  EXPECT_TRUE(IsVanished(gone.error()));
  EXPECT_TRUE(IsVanished(Error{ErrorKind::kIo, "read /proc/5/stat: No such process"}));
}

TEST(ParsePidLimits, OpenFilesAndAddressSpace) {
  auto r = ParsePidLimits(
      "Limit                     Soft Limit           Hard Limit           Units     \n"
      "Max cpu time              unlimited            unlimited            seconds   \n"
      "Max open files            1024                 4096                 files     \n"
      "Max address space         unlimited            unlimited            bytes     \n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->max_open_files, 1024u);
  EXPECT_FALSE(r->max_address_space.has_value());
  EXPECT_FALSE(ParsePidLimits("garbage"));
  EXPECT_FALSE(ParsePidLimits("Limit x\nMax open files            lots\n"));
}

}  // namespace
}  // namespace host_exporter::procfs
