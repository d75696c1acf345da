#include "host_exporter/flags.h"

#include <gtest/gtest.h>

#include "host_exporter/exporter.h"

namespace host_exporter {
namespace {

FlagSet Sample() {
  FlagSet f;
  f.Bool("collector.cpu", true, "cpu");
  f.Bool("collector.cpu.info", false, "info");
  f.String("path.procfs", "/proc", "procfs");
  f.Strings("web.listen-address", {":9100"}, "addr");
  return f;
}

TEST(Flags, DefaultsAndKingpinForms) {
  auto v = Sample().Parse({"--no-collector.cpu", "--collector.cpu.info", "--path.procfs", "/host/proc"});
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_FALSE(v->GetBool("collector.cpu"));
  EXPECT_TRUE(v->GetBool("collector.cpu.info"));
  EXPECT_EQ(v->GetString("path.procfs"), "/host/proc");
  EXPECT_TRUE(v->IsSet("path.procfs"));
  EXPECT_EQ(v->GetStrings("web.listen-address"), std::vector<std::string>{":9100"});
  EXPECT_FALSE(v->IsSet("web.listen-address"));
}

TEST(Flags, ExplicitBooleanValuesAndLastWins) {
  auto v = Sample().Parse({"--collector.cpu=false", "--path.procfs=/a", "--path.procfs=/b"});
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_FALSE(v->GetBool("collector.cpu"));
  EXPECT_EQ(v->GetString("path.procfs"), "/b");
}

TEST(Flags, RepeatableReplacesDefault) {
  auto v = Sample().Parse({"--web.listen-address=:1", "--web.listen-address=:2"});
  ASSERT_TRUE(v);
  EXPECT_EQ(v->GetStrings("web.listen-address"), (std::vector<std::string>{":1", ":2"}));
}

TEST(Flags, ErrorsNameTheFlag) {
  auto unknown = Sample().Parse({"--collector.nope"});
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("collector.nope"), std::string::npos);
  // No abbreviations: kingpin does not guess.
  EXPECT_FALSE(Sample().Parse({"--collector.cp"}));
  auto badbool = Sample().Parse({"--collector.cpu=maybe"});
  ASSERT_FALSE(badbool);
  EXPECT_NE(badbool.error().message.find("--collector.cpu"), std::string::npos);
  EXPECT_FALSE(Sample().Parse({"--no-path.procfs"}));
  EXPECT_FALSE(Sample().Parse({"positional"}));
  EXPECT_FALSE(Sample().Parse({"--path.procfs"}));
}

TEST(Flags, UndeclaredAccessThrows) {
  auto v = Sample().Parse(std::vector<std::string>{});
  ASSERT_TRUE(v);
  EXPECT_THROW(v->GetString("nope"), std::logic_error);
}

TEST(Flags, HelpListsEverySectionAndFlag) {
  FlagSet f = BuildFlagSet();
  std::string help = f.Help("host_exporter");
  for (const auto& s : f.specs()) {
    EXPECT_NE(help.find(s.name), std::string::npos) << s.name;
  }
  EXPECT_NE(help.find("--[no-]collector.loadavg"), std::string::npos);
  EXPECT_NE(help.find("--web.listen-address=\":9100\""), std::string::npos);
}

TEST(Options, CollectorSelection) {
  FlagSet f = BuildFlagSet();
  auto v = f.Parse({"--collector.disable-defaults", "--collector.loadavg"});
  ASSERT_TRUE(v);
  auto o = OptionsFromFlags(*v);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->enabled, std::vector<std::string>{"loadavg"});
  auto v2 = f.Parse({"--web.max-requests=-1"});
  ASSERT_TRUE(v2);
  auto o2 = OptionsFromFlags(*v2);
  ASSERT_FALSE(o2);
  EXPECT_NE(o2.error().message.find("--web.max-requests"), std::string::npos);
}

}  // namespace
}  // namespace host_exporter
