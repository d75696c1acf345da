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

TEST(Flags, EmptyValueAfterEquals) {
  // kingpin takes "--flag=" as the empty value: the way to clear a default regex.
  auto v = Sample().Parse({"--path.procfs=", "--web.listen-address="});
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(v->GetString("path.procfs"), "");
  EXPECT_TRUE(v->IsSet("path.procfs"));
  EXPECT_EQ(v->GetStrings("web.listen-address"), std::vector<std::string>{""});
  // It is a value like any other: the last one wins either way.
  EXPECT_EQ(Sample().Parse({"--path.procfs=", "--path.procfs=/x"})->GetString("path.procfs"), "/x");
  EXPECT_EQ(Sample().Parse({"--path.procfs=/x", "--path.procfs="})->GetString("path.procfs"), "");
  EXPECT_EQ(
      Sample().Parse({"--web.listen-address=:1", "--web.listen-address="})->GetStrings("web.listen-address"),
      (std::vector<std::string>{":1", ""}));
  // It does not take the next argument as its value.
  EXPECT_FALSE(Sample().Parse({"--path.procfs=", "/x"}));
  // A boolean has no empty value, and an unknown flag stays unknown.
  auto badbool = Sample().Parse({"--collector.cpu="});
  ASSERT_FALSE(badbool);
  EXPECT_NE(badbool.error().message.find("--collector.cpu"), std::string::npos) << badbool.error().message;
  auto unknown = Sample().Parse({"--collector.nope="});
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("collector.nope"), std::string::npos) << unknown.error().message;
}

TEST(Flags, HiddenFlagsParseButStayOutOfHelp) {
  FlagSet f = Sample();
  f.Section("Old");
  f.String("collector.x.old-exclude", "", "DEPRECATED: Use collector.x.exclude").Hidden();
  f.Bool("collector.x.knob", false, "tuning knob").Hidden();
  ASSERT_NE(f.Find("collector.x.old-exclude"), nullptr);
  EXPECT_TRUE(f.Find("collector.x.old-exclude")->hidden);
  EXPECT_FALSE(f.Find("path.procfs")->hidden);
  auto v = f.Parse({"--collector.x.old-exclude=^lo$", "--collector.x.knob"});
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(v->GetString("collector.x.old-exclude"), "^lo$");
  EXPECT_TRUE(v->GetBool("collector.x.knob"));
  std::string help = f.Help("host_exporter");
  EXPECT_EQ(help.find("collector.x."), std::string::npos) << help;
  EXPECT_EQ(help.find("Old:"), std::string::npos) << help;  // a section of hidden flags only
  EXPECT_NE(help.find("--path.procfs"), std::string::npos) << help;
}

TEST(Flags, NodeExportersHiddenFlagsAreHidden) {
  FlagSet f = BuildFlagSet();
  std::string help = f.Help("host_exporter");
  for (const char* name : {"collector.diskstats.ignored-devices", "collector.filesystem.ignored-mount-points",
                           "collector.filesystem.ignored-fs-types", "collector.filesystem.mount-timeout",
                           "collector.filesystem.stat-workers", "collector.netdev.device-whitelist",
                           "collector.netdev.device-blacklist"}) {
    const FlagSpec* s = f.Find(name);
    ASSERT_NE(s, nullptr) << name;
    EXPECT_TRUE(s->hidden) << name;
    EXPECT_EQ(help.find(std::string("--") + name), std::string::npos) << name;
  }
  auto v = f.Parse({"--collector.filesystem.mount-timeout=1s", "--collector.diskstats.ignored-devices="});
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(v->GetString("collector.filesystem.mount-timeout"), "1s");
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
    if (s.hidden) continue;
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
