#include <gtest/gtest.h>

#include <sys/timex.h>

#include <cerrno>

#include "host_exporter/syscall/timex.h"
#include "support/golden.h"

namespace host_exporter::testing {
namespace {

// An NTP-synchronised host (values in the range chrony leaves in the kernel).
int Synchronised(struct timex* t) {
  t->offset = -147038;  // us (STA_NANO clear)
  t->freq = 1348733;    // ppm << 16
  t->maxerror = 91500;
  t->esterror = 1200;
  t->status = STA_PLL;
  t->constant = 7;
  t->tick = 10000;
  t->ppsfreq = 0;
  t->jitter = 0;
  t->shift = 0;
  t->stabil = 0;
  t->jitcnt = 0;
  t->calcnt = 0;
  t->errcnt = 0;
  t->stbcnt = 0;
  t->tai = 37;
  return TIME_OK;
}

// PPS discipline with nanosecond resolution, clock not synchronised.
int PpsNano(struct timex* t) {
  t->offset = -2500;  // ns
  t->freq = -655360;  // -10 ppm
  t->maxerror = 16000000;
  t->esterror = 16000000;
  t->status = STA_PLL | STA_PPSFREQ | STA_PPSSIGNAL | STA_NANO | STA_UNSYNC;
  t->constant = 4;
  t->tick = 10000;
  t->ppsfreq = 131072;  // 2 ppm
  t->jitter = 1500;     // ns
  t->shift = 8;
  t->stabil = 65536;
  t->jitcnt = 3;
  t->calcnt = 120;
  t->errcnt = 2;
  t->stbcnt = 1;
  t->tai = 0;
  return TIME_ERROR;
}

TEST(TimexCollector, GoldenMicroseconds) {
  syscall::ScopedAdjtimexOverride o(Synchronised);
  auto out = RunGolden("timex", "basic", 17u);
  EXPECT_NE(out.text.find("node_timex_offset_seconds -0.147038\n"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("node_timex_sync_status 1\n"), std::string::npos);
}

TEST(TimexCollector, GoldenNanosecondsUnsynchronised) {
  syscall::ScopedAdjtimexOverride o(PpsNano);
  auto out = RunCollector("timex", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_timex_offset_seconds -2.5e-06\n"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("node_timex_pps_jitter_seconds 1.5e-06\n"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("node_timex_sync_status 0\n"), std::string::npos);
  ExpectGolden("timex", "pps-nano", out.text);
}

TEST(TimexCollector, PermissionDeniedIsNoData) {
  syscall::ScopedAdjtimexOverride o([](struct timex*) {
    errno = EPERM;
    return -1;
  });
  auto out = RunCollector("timex", "basic");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kNoData);
  EXPECT_EQ(out.samples, 0u);
}

TEST(TimexCollector, OtherFailuresFail) {
  syscall::ScopedAdjtimexOverride o([](struct timex*) {
    errno = EINVAL;
    return -1;
  });
  auto out = RunCollector("timex", "basic");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("adjtimex"), std::string::npos);
}

TEST(TimexCollector, RealSyscallReportsAllSeriesOrNoData) {
  // Read-only adjtimex needs no privilege, but a sandbox may still refuse it.
  auto out = RunCollector("timex", "empty");
  if (!out.status) {
    EXPECT_EQ(out.status.error().kind, ErrorKind::kNoData) << out.status.error().message;
    EXPECT_EQ(out.samples, 0u);
    return;
  }
  EXPECT_EQ(out.samples, 17u);
}

}  // namespace
}  // namespace host_exporter::testing
