#include "host_exporter/procfs/net_xfrm_stat.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseNetXfrmStat, ReadsTheKernelLayout) {
  // xfrm_proc.c prints "%-24s\t%lu\n".
  auto r = ParseNetXfrmStat(
      "XfrmInError             \t1\n"
      "XfrmInNoStates          \t3\n"
      "XfrmInStateMismatch     \t23451\n"
      "XfrmOutStateInvalid     \t28765\n"
      "XfrmAcquireError        \t24532\n"
      "XfrmOutPolError         \t1454\n"
      "XfrmFwdHdrError         \t6654\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->in_error, 1);
  EXPECT_EQ(r->in_no_states, 3);
  EXPECT_EQ(r->in_state_mismatch, 23451);
  EXPECT_EQ(r->out_state_invalid, 28765);
  EXPECT_EQ(r->acquire_error, 24532);
  EXPECT_EQ(r->out_pol_error, 1454);
  EXPECT_EQ(r->fwd_hdr_error, 6654);
  EXPECT_EQ(r->in_buffer_error, 0);  // absent lines stay 0
}

TEST(ParseNetXfrmStat, IgnoresUnknownNamesAndAcceptsGoAtoiSyntax) {
  auto r = ParseNetXfrmStat("XfrmInIptfsError 9\nXfrmInError +12\nXfrmOutError -3\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->in_error, 12);
  EXPECT_EQ(r->out_error, -3);
}

TEST(ParseNetXfrmStat, EmptyIsAllZeros) {
  auto r = ParseNetXfrmStat("");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->in_error, 0);
  EXPECT_EQ(r->acquire_error, 0);
}

TEST(ParseNetXfrmStat, RejectsLinesWithoutExactlyTwoFieldsAndBadNumbers) {
  auto three = ParseNetXfrmStat("XfrmInError 1\nXfrmInHdrError 4 5\n");
  ASSERT_FALSE(three);
  EXPECT_NE(three.error().message.find("line 2"), std::string::npos) << three.error().message;
  EXPECT_FALSE(ParseNetXfrmStat("XfrmInError\n"));               // truncated
  EXPECT_FALSE(ParseNetXfrmStat("XfrmInError 1\n\nXfrmOutError 2\n"));  // blank line
  EXPECT_FALSE(ParseNetXfrmStat("XfrmInError 0x10\n"));
  EXPECT_FALSE(ParseNetXfrmStat("XfrmInError 9223372036854775808\n"));
}

TEST(ReadNetXfrmStat, ReadsFixturesAndNamesFileOnError) {
  auto ok = ReadNetXfrmStat(testing::FixturePaths("basic"));
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->in_no_pols, 129);
  EXPECT_EQ(ok->acquire_error, 4);
  auto bad = ReadNetXfrmStat(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("malformed/proc/net/xfrm_stat: line 3"), std::string::npos)
      << bad.error().message;
  auto missing = ReadNetXfrmStat(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
