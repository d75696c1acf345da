#include <gtest/gtest.h>

#include "host_exporter/syscall/clock.h"
#include "support/golden.h"

namespace host_exporter::testing {
namespace {

syscall::WallTime FixedTime() { return {1732178970.123456789, "CET", 3600}; }

TEST(TimeCollector, Golden) {
  syscall::ScopedClockOverride o(FixedTime);
  RunGolden("time", "basic", 2u + 3 + 1);
}

TEST(TimeCollector, DevicesAreNumberedInGlobOrder) {
  syscall::ScopedClockOverride o(FixedTime);
  auto out = RunCollector("time", "time-clocksources");
  ASSERT_TRUE(out.status) << out.status.error().message;
  // clocksource10 sorts before clocksource2, so it is device 2.
  EXPECT_NE(out.text.find("node_time_clocksource_current_info{clocksource=\"tsc\",device=\"2\"} 1\n"),
            std::string::npos)
      << out.text;
  ExpectGolden("time", "time-clocksources", out.text);
}

TEST(TimeCollector, NoClocksourcesStillReportsTime) {
  syscall::ScopedClockOverride o(FixedTime);
  auto out = RunCollector("time", "empty");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 2u);
  EXPECT_NE(out.text.find("node_time_zone_offset_seconds{time_zone=\"CET\"} 3600\n"), std::string::npos);
}

TEST(TimeCollector, UnreadableClocksourceFailsAfterTheTime) {
  syscall::ScopedClockOverride o(FixedTime);
  auto out = RunCollector("time", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("couldn't get clocksources"), std::string::npos);
  EXPECT_NE(out.status.error().message.find("current_clocksource"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 2u);  // as node_exporter, the time samples were already sent
}

}  // namespace
}  // namespace host_exporter::testing
