#include "host_exporter/procfs/pid.h"

#include <gtest/gtest.h>

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
