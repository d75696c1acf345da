#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>

#include "host_exporter/syscall/uname.h"
#include "support/golden.h"

namespace host_exporter::testing {
namespace {

int FakeUname(struct utsname* u) {
  std::strcpy(u->sysname, "Linux");
  std::strcpy(u->nodename, "web-3");
  std::strcpy(u->release, "6.1.0-18-amd64");
  std::strcpy(u->version, "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)");
  std::strcpy(u->machine, "x86_64");
  std::strcpy(u->domainname, "(none)");
  return 0;
}

TEST(UnameCollector, Golden) {
  syscall::ScopedUnameOverride o(FakeUname);
  RunGolden("uname", "basic", 1u);
}

TEST(UnameCollector, RealSyscallReportsThisHost) {
  auto out = RunCollector("uname", "empty");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("sysname=\"Linux\""), std::string::npos) << out.text;
}

TEST(UnameCollector, FailingSyscallFails) {
  syscall::ScopedUnameOverride o([](struct utsname*) {
    errno = EFAULT;
    return -1;
  });
  auto out = RunCollector("uname", "basic");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
