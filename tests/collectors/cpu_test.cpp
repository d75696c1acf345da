#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "host_exporter/collector.h"
#include "host_exporter/exporter.h"
#include "host_exporter/exposition.h"
#include "support/golden.h"

namespace host_exporter::testing {
namespace {

constexpr const char* kInfoFlags[] = {"--collector.cpu.info.flags-include=^(aes|avx.?|constant_tsc)$",
                                      "--collector.cpu.info.bugs-include=^(spectre_.*|retbleed)$"};

TEST(CpuCollector, GoldenDefaults) {
  // 4 CPUs x (8 modes + 2 guest modes), 1 package + 2 core throttle counters.
  auto out = RunGolden("cpu", "basic", 4u * 10 + 3);
  EXPECT_EQ(out.text.find("node_cpu_info"), std::string::npos);
  EXPECT_EQ(out.text.find("node_cpu_online"), std::string::npos);  // cpu0 has no "online" file
  EXPECT_EQ(out.text.find("node_cpu_isolated"), std::string::npos);  // "isolated" is empty
}

TEST(CpuCollector, GoldenWithInfo) {
  // The include flags turn --collector.cpu.info on by themselves.
  auto out = RunCollector("cpu", "basic", {kInfoFlags[0], kInfoFlags[1]});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_cpu_flag_info{flag=\"avx2\"} 1"), std::string::npos);
  EXPECT_EQ(out.text.find("avx512f"), std::string::npos);  // anchored pattern: avx.? is one character
  EXPECT_NE(out.text.find("node_cpu_bug_info{bug=\"retbleed\"} 1"), std::string::npos);
  EXPECT_NE(out.text.find("node_cpu_frequency_hertz{core=\"1\",cpu=\"3\",package=\"0\"} 3.400105e+09"),
            std::string::npos);
  ExpectGolden("cpu", "basic-info", out.text);
}

TEST(CpuCollector, InfoWithoutIncludesHasNoFlagOrBugSeries) {
  auto out = RunCollector("cpu", "basic", {"--collector.cpu.info"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_cpu_info{"), std::string::npos);
  EXPECT_EQ(out.text.find("node_cpu_flag_info"), std::string::npos);
  EXPECT_EQ(out.text.find("node_cpu_bug_info"), std::string::npos);
}

TEST(CpuCollector, CpuinfoFrequencyOnlyWhileCpufreqCollectorIsEnabled) {
  auto off = RunCollector("cpu", "basic", {"--collector.cpu.info", "--no-collector.cpufreq"});
  ASSERT_TRUE(off.status) << off.status.error().message;
  EXPECT_EQ(off.text.find("node_cpu_frequency_hertz"), std::string::npos);
  auto defaults_off = RunCollector("cpu", "basic", {"--collector.cpu.info", "--collector.disable-defaults"});
  ASSERT_TRUE(defaults_off.status);
  EXPECT_EQ(defaults_off.text.find("node_cpu_frequency_hertz"), std::string::npos);
  auto forced = RunCollector("cpu", "basic",
                             {"--collector.cpu.info", "--collector.disable-defaults", "--collector.cpufreq"});
  ASSERT_TRUE(forced.status);
  EXPECT_NE(forced.text.find("node_cpu_frequency_hertz"), std::string::npos);
}

TEST(CpuCollector, NoGuestFlagDropsGuestSeries) {
  auto out = RunCollector("cpu", "basic", {"--no-collector.cpu.guest"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.text.find("node_cpu_guest_seconds_total"), std::string::npos);
  EXPECT_EQ(out.samples, 4u * 8 + 3);
}

TEST(CpuCollector, GoldenHotplugIsolatedOnlineAndPartialThrottles) {
  auto out = RunCollector("cpu", "cpu-hotplug", {"--collector.cpu.info"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_cpu_online{cpu=\"3\"} 0"), std::string::npos);
  EXPECT_NE(out.text.find("node_cpu_isolated{cpu=\"2\"} 1"), std::string::npos);
  ExpectGolden("cpu", "cpu-hotplug", out.text);
}

TEST(CpuCollector, MalformedStatFailsWithPath) {
  auto out = RunCollector("cpu", "stat-malformed");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kParse);
  EXPECT_NE(out.status.error().message.find("stat-malformed/proc/stat"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(CpuCollector, MalformedCpuinfoFailsOnlyWithInfo) {
  auto info = RunCollector("cpu", "cpu-malformed", {"--collector.cpu.info"});
  ASSERT_FALSE(info.status);
  EXPECT_NE(info.status.error().message.find("cpu-malformed/proc/cpuinfo"), std::string::npos)
      << info.status.error().message;
  EXPECT_EQ(info.samples, 0u);  // cpuinfo is read first, as in node_exporter
  auto plain = RunCollector("cpu", "cpu-malformed");
  EXPECT_TRUE(plain.status) << plain.status.error().message;
}

TEST(CpuCollector, MissingProcStatIsAnError) {
  auto out = RunCollector("cpu", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(out.status.error().message.find("proc/stat"), std::string::npos);
}

TEST(CpuCollector, BadIncludeRegexFailsCreate) {
  auto out = RunCollector("cpu", "basic", {"--collector.cpu.info.bugs-include=(spectre"});
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kInvalidArgument);
  EXPECT_NE(out.status.error().message.find("--collector.cpu.info.bugs-include"), std::string::npos)
      << out.status.error().message;
}

TEST(CpuCollector, MalformedIsolatedFailsCreate) {
  auto out = RunCollector("cpu", "cpu-bad-isolated");
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("unable to get isolated cpus"), std::string::npos);
  EXPECT_NE(out.status.error().message.find("cpu-bad-isolated/sys/devices/system/cpu/isolated"), std::string::npos)
      << out.status.error().message;
}

// A scratch procfs whose /proc/stat each test rewrites between collections.
class CpuCounterCache : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("host_exporter_cpu_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_ / "proc");
    paths_.procfs = (dir_ / "proc").string();
    paths_.sysfs = (dir_ / "sys").string();
    auto flags = BuildFlagSet().Parse(std::vector<std::string>{});
    ASSERT_TRUE(flags) << flags.error().message;
    flags_ = std::move(*flags);
    auto c = FindCollector("cpu")->create(CollectorConfig{paths_, flags_});
    ASSERT_TRUE(c) << c.error().message;
    collector_ = std::move(*c);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Scrape(const std::string& stat) {
    std::ofstream(dir_ / "proc" / "stat", std::ios::trunc) << stat;
    MetricWriter w;
    auto s = collector_->Collect(w);
    EXPECT_TRUE(s) << s.error().message;
    return SerializeText(w.Take());
  }

  std::filesystem::path dir_;
  Paths paths_;
  FlagValues flags_;
  std::unique_ptr<Collector> collector_;
};

bool Has(const std::string& text, const std::string& line) { return text.find(line + "\n") != std::string::npos; }

TEST_F(CpuCounterCache, CountersNeverGoBackwards) {
  Scrape("cpu0 1000 10 500 90000 20 0 5 0 30 2\n");
  // user and guest fall a little (a kernel accounting glitch): the old values are kept.
  auto text = Scrape("cpu0 990 11 510 90100 20 0 5 0 29 2\n");
  EXPECT_TRUE(Has(text, R"(node_cpu_seconds_total{cpu="0",mode="user"} 10)")) << text;
  EXPECT_TRUE(Has(text, R"(node_cpu_seconds_total{cpu="0",mode="nice"} 0.11)")) << text;
  EXPECT_TRUE(Has(text, R"(node_cpu_seconds_total{cpu="0",mode="idle"} 901)")) << text;
  EXPECT_TRUE(Has(text, R"(node_cpu_guest_seconds_total{cpu="0",mode="user"} 0.3)")) << text;
}

TEST_F(CpuCounterCache, IdleJumpingBackThreeSecondsResetsTheCpu) {
  Scrape("cpu0 1000 10 500 90000 20 0 5 0 30 2\n");
  // Idle down by exactly 3 s (300 ticks): a hot-plug; every counter restarts from the kernel's.
  auto text = Scrape("cpu0 50 1 20 89700 1 0 0 0 0 0\n");
  EXPECT_TRUE(Has(text, R"(node_cpu_seconds_total{cpu="0",mode="user"} 0.5)")) << text;
  EXPECT_TRUE(Has(text, R"(node_cpu_seconds_total{cpu="0",mode="idle"} 897)")) << text;
  // Idle down by less than 3 s: held.
  text = Scrape("cpu0 60 1 20 89500 1 0 0 0 0 0\n");
  EXPECT_TRUE(Has(text, R"(node_cpu_seconds_total{cpu="0",mode="idle"} 897)")) << text;
  EXPECT_TRUE(Has(text, R"(node_cpu_seconds_total{cpu="0",mode="user"} 0.6)")) << text;
}

TEST_F(CpuCounterCache, CpusThatDisappearAreDropped) {
  auto both = Scrape("cpu0 1 1 1 1 1 1 1 1 1 1\ncpu1 2 2 2 2 2 2 2 2 2 2\n");
  EXPECT_NE(both.find(R"(cpu="1")"), std::string::npos);
  auto one = Scrape("cpu0 1 1 1 1 1 1 1 1 1 1\n");
  EXPECT_EQ(one.find(R"(cpu="1")"), std::string::npos) << one;
  EXPECT_NE(one.find(R"(cpu="0")"), std::string::npos);
}

}  // namespace
}  // namespace host_exporter::testing
