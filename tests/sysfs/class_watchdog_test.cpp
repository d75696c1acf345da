#include "host_exporter/sysfs/class_watchdog.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ParseWatchdog, NumbersTextAndHex) {
  auto wd = ParseWatchdog("watchdog0", {{"bootstatus", "0x20"},
                                        {"options", "0x8180"},
                                        {"identity", "sp5100-tco"},
                                        {"timeout", "45"},
                                        {"pretimeout", "15"},
                                        {"dev", "248:0"}});
  ASSERT_TRUE(wd) << wd.error().message;
  EXPECT_EQ(wd->bootstatus, std::optional<std::int64_t>(0x20));
  EXPECT_EQ(wd->options, std::optional<std::string>("0x8180"));  // options stays text
  EXPECT_EQ(wd->identity, std::optional<std::string>("sp5100-tco"));
  EXPECT_EQ(wd->timeout, std::optional<std::int64_t>(45));
  EXPECT_EQ(wd->pretimeout, std::optional<std::int64_t>(15));
  EXPECT_EQ(wd->timeleft, std::nullopt);
  EXPECT_EQ(wd->state, std::nullopt);
}

TEST(ParseWatchdog, EmptyAndMalformed) {
  auto empty = ParseWatchdog("watchdog1", {});
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->bootstatus, std::nullopt);
  auto bad = ParseWatchdog("watchdog0", {{"timeout", "sixty"}});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("timeout"), std::string::npos);
  EXPECT_FALSE(ParseWatchdog("watchdog0", {{"nowayout", ""}}));
}

TEST(ReadWatchdogs, ReadsBasicAndMinimal) {
  auto basic = ReadWatchdogs(testing::FixturePaths("basic"));
  ASSERT_TRUE(basic) << basic.error().message;
  ASSERT_EQ(basic->size(), 1u);
  EXPECT_EQ((*basic)[0].identity, std::optional<std::string>("iTCO_wdt"));
  EXPECT_EQ((*basic)[0].timeleft, std::optional<std::int64_t>(597));
  EXPECT_EQ((*basic)[0].access_cs0, std::nullopt);

  auto minimal = ReadWatchdogs(testing::FixturePaths("watchdog-minimal"));
  ASSERT_TRUE(minimal) << minimal.error().message;
  ASSERT_EQ(minimal->size(), 2u);
  EXPECT_EQ((*minimal)[0].bootstatus, std::optional<std::int64_t>(0x20));
  EXPECT_EQ((*minimal)[1].name, "watchdog1");
  EXPECT_EQ((*minimal)[1].identity, std::nullopt);
}

TEST(ReadWatchdogs, Errors) {
  auto missing = ReadWatchdogs(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  auto bad = ReadWatchdogs(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("malformed/sys/class/watchdog/watchdog0/timeout"), std::string::npos);
}

}  // namespace
}  // namespace host_exporter::sysfs
