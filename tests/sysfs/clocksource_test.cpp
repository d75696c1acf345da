#include "host_exporter/sysfs/clocksource.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ParseClockSource, SplitsAvailableAndTrimsCurrent) {
  ClockSource cs = ParseClockSource("tsc hpet acpi_pm \n", "tsc\n");
  EXPECT_EQ(cs.available, (std::vector<std::string>{"tsc", "hpet", "acpi_pm"}));
  EXPECT_EQ(cs.current, "tsc");
  ClockSource empty = ParseClockSource("", "");
  EXPECT_TRUE(empty.available.empty());
  EXPECT_EQ(empty.current, "");
}

TEST(ReadClockSources, ReadsFixture) {
  auto r = ReadClockSources(testing::FixturePaths("basic"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].name, "0");
  EXPECT_EQ((*r)[0].current, "tsc");
  EXPECT_EQ((*r)[0].available.size(), 3u);
}

TEST(ReadClockSources, SortsNamesAsGoGlobAndSkipsOtherEntries) {
  auto r = ReadClockSources(testing::FixturePaths("time-clocksources"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 4u);  // not "power" or "uevent"
  EXPECT_EQ((*r)[0].name, "0");
  EXPECT_EQ((*r)[1].name, "1");
  EXPECT_EQ((*r)[2].name, "10");
  EXPECT_EQ((*r)[2].current, "tsc");
  EXPECT_EQ((*r)[3].name, "2");
  EXPECT_EQ((*r)[3].current, "acpi_pm");
}

TEST(ReadClockSources, MissingDirectoryIsEmptyAndMissingFileIsAnError) {
  auto none = ReadClockSources(testing::FixturePaths("empty"));
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_TRUE(none->empty());
  auto bad = ReadClockSources(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("clocksource0/current_clocksource"), std::string::npos) << bad.error().message;
}

}  // namespace
}  // namespace host_exporter::sysfs
