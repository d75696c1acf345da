#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "host_exporter/syscall/clock.h"
#include "host_exporter/syscall/timex.h"
#include "host_exporter/syscall/uname.h"

namespace host_exporter::syscall {
namespace {

TEST(Uname, RealCallReportsLinux) {
  auto u = Uname();
  ASSERT_TRUE(u) << u.error().message;
  EXPECT_EQ(u->sysname, "Linux");
  EXPECT_FALSE(u->release.empty());
}

TEST(Uname, OverrideIsUsedAndFieldsStopAtNul) {
  ScopedUnameOverride o([](struct utsname* u) {
    std::strcpy(u->sysname, "Linux");
    std::strcpy(u->nodename, "db-1");
    std::memset(u->machine, 'x', sizeof u->machine);  // no NUL at all
    return 0;
  });
  auto u = Uname();
  ASSERT_TRUE(u) << u.error().message;
  EXPECT_EQ(u->nodename, "db-1");
  EXPECT_EQ(u->machine.size(), sizeof(utsname::machine));
  EXPECT_EQ(u->domainname, "");
}

TEST(Uname, FailureNamesTheCall) {
  ScopedUnameOverride o([](struct utsname*) {
    errno = EFAULT;
    return -1;
  });
  auto u = Uname();
  ASSERT_FALSE(u);
  EXPECT_EQ(u.error().kind, ErrorKind::kIo);
  EXPECT_NE(u.error().message.find("uname"), std::string::npos);
}

TEST(Adjtimex, PermissionDeniedIsNoDataOtherErrorsFail) {
  {
    ScopedAdjtimexOverride o([](struct timex*) {
      errno = EPERM;
      return -1;
    });
    auto r = Adjtimex();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::kNoData);
  }
  {
    ScopedAdjtimexOverride o([](struct timex*) {
      errno = EINVAL;
      return -1;
    });
    auto r = Adjtimex();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::kIo);
    EXPECT_NE(r.error().message.find("adjtimex"), std::string::npos);
  }
}

TEST(Adjtimex, ReadsOnlyAndReturnsState) {
  ScopedAdjtimexOverride o([](struct timex* t) {
    EXPECT_EQ(t->modes, 0u);  // never adjusts the clock
    t->offset = 42;
    return TIME_ERROR;
  });
  auto r = Adjtimex();
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->state, TIME_ERROR);
  EXPECT_EQ(r->tx.offset, 42);
}

TEST(Clock, RealClockIsNowAndOverrideReplacesIt) {
  double before = static_cast<double>(std::time(nullptr));
  WallTime now = Now();
  EXPECT_GE(now.unix_seconds, before);
  EXPECT_LT(now.unix_seconds, before + 60);
  EXPECT_FALSE(now.zone.empty());
  {
    ScopedClockOverride o([] { return WallTime{1.5e9, "CEST", 7200}; });
    EXPECT_DOUBLE_EQ(Now().unix_seconds, 1.5e9);
    EXPECT_EQ(Now().zone, "CEST");
  }
  EXPECT_GE(Now().unix_seconds, before);
}

}  // namespace
}  // namespace host_exporter::syscall
