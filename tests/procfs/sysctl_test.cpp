#include "host_exporter/procfs/sysctl.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(SysctlPath, DotsBecomeSlashes) {
  EXPECT_EQ(SysctlPath("kernel.seccomp.actions_avail"), "sys/kernel/seccomp/actions_avail");
  EXPECT_EQ(SysctlPath("fs.file-nr"), "sys/fs/file-nr");
  EXPECT_EQ(SysctlPath("vm"), "sys/vm");
}

TEST(ParseSysctl, StringsSplitOnWhitespace) {
  EXPECT_EQ(ParseSysctlStrings("kill_process kill_thread\ttrap\n"),
            (std::vector<std::string>{"kill_process", "kill_thread", "trap"}));
  EXPECT_TRUE(ParseSysctlStrings("").empty());
}

TEST(ParseSysctl, IntsUseGoBaseZeroSyntax) {
  auto r = ParseSysctlInts("1024\t0\t9223372036854775807");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, (std::vector<std::int64_t>{1024, 0, 9223372036854775807}));
  auto based = ParseSysctlInts("0x10 010 -1 1_000");
  ASSERT_TRUE(based) << based.error().message;
  EXPECT_EQ(*based, (std::vector<std::int64_t>{16, 8, -1, 1000}));
  auto empty = ParseSysctlInts("");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

TEST(ParseSysctl, IntsRejectNonNumbersNamingTheField) {
  auto r = ParseSysctlInts("32768 sixty");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("field 1"), std::string::npos) << r.error().message;
  EXPECT_FALSE(ParseSysctlInts("9223372036854775808"));
  EXPECT_FALSE(ParseSysctlInts("1__0"));
}

TEST(ParseSysctl, UintIsOneTrimmedDecimal) {
  EXPECT_EQ(ParseSysctlUint(" 4194304\n").value_or(0), 4194304u);
  EXPECT_FALSE(ParseSysctlUint(""));
  EXPECT_FALSE(ParseSysctlUint("0x10"));
  EXPECT_FALSE(ParseSysctlUint("-1"));
  EXPECT_FALSE(ParseSysctlUint("12 13"));
}

TEST(ReadSysctl, ReadsFixtures) {
  Paths basic = testing::FixturePaths("basic");
  auto ints = ReadSysctlInts(basic, "net.ipv4.tcp_rmem");
  ASSERT_TRUE(ints) << ints.error().message;
  EXPECT_EQ(*ints, (std::vector<std::int64_t>{4096, 131072, 6291456}));
  auto strings = ReadSysctlStrings(basic, "kernel.seccomp.actions_avail");
  ASSERT_TRUE(strings) << strings.error().message;
  EXPECT_EQ(strings->size(), 8u);
  EXPECT_EQ(ReadSysctlUint(basic, "sys/kernel/pid_max").value_or(0), 4194304u);
  auto missing = ReadSysctlInts(basic, "kernel.no_such_sysctl");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(missing.error().message.find("basic/proc/sys/kernel/no_such_sysctl"), std::string::npos);
  auto bad = ReadSysctlInts(testing::FixturePaths("malformed"), "kernel.random.entropy_avail");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("malformed/proc/sys/kernel/random/entropy_avail"), std::string::npos)
      << bad.error().message;
}

TEST(ReadSysctl, ReadsOnly128BytesLikeProcfs) {
  // dev.cdrom.info is 284 bytes; procfs's SysReadFile stops after 128.
  auto r = ReadSysctlStrings(testing::FixturePaths("sysctl-quirks"), "dev.cdrom.info");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_FALSE(r->empty());
  EXPECT_EQ(r->front(), "CD-ROM");
  EXPECT_EQ(r->back(), "op");  // "Can open tray:" is cut at byte 128
  auto empty = ReadSysctlStrings(testing::FixturePaths("sysctl-quirks"), "kernel.hotplug");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

}  // namespace
}  // namespace host_exporter::procfs
