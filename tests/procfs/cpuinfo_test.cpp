#include "host_exporter/procfs/cpuinfo.h"

#include <gtest/gtest.h>

#include "host_exporter/file.h"
#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

constexpr std::string_view kX86 =
    "processor\t: 0\n"
    "vendor_id\t: GenuineIntel\n"
    "cpu family\t: 6\n"
    "model\t\t: 142\n"
    "model name\t: Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz\n"
    "stepping\t: 10\n"
    "microcode\t: 0xb4\n"
    "cpu MHz\t\t: 799.998\n"
    "cache size\t: 8192 KB\n"
    "physical id\t: 0\n"
    "siblings\t: 8\n"
    "core id\t\t: 0\n"
    "cpu cores\t: 4\n"
    "apicid\t\t: 0\n"
    "cpuid level\t: 0x16\n"
    "flags\t\t: fpu vme de  aes avx2\n"
    "bugs\t\t: cpu_meltdown spectre_v1\n"
    "bogomips\t: 4224.00\n"
    "clflush size\t: 64\n"
    "cache_alignment\t: 64\n"
    "address sizes\t: 39 bits physical, 48 bits virtual\n"
    "power management:\n"
    "\n"
    "processor\t: 1\n"
    "vendor_id\t: GenuineIntel\n"
    "cpu MHz\t\t: 800.037\n"
    "physical id\t: 0\n"
    "core id\t\t: 1\n"
    "flags\t\t: fpu\n"
    "\n";

TEST(ParseCpuInfoX86, ParsesEachProcessorBlock) {
  auto r = ParseCpuInfoX86(kX86);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  const CpuInfo& c = (*r)[0];
  EXPECT_EQ(c.processor, 0u);
  EXPECT_EQ(c.vendor_id, "GenuineIntel");
  EXPECT_EQ(c.cpu_family, "6");
  EXPECT_EQ(c.model, "142");
  EXPECT_EQ(c.model_name, "Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz");
  EXPECT_EQ(c.stepping, "10");
  EXPECT_EQ(c.microcode, "0xb4");
  EXPECT_EQ(c.cpu_mhz, 799.998);
  EXPECT_EQ(c.cache_size, "8192 KB");
  EXPECT_EQ(c.physical_id, "0");
  EXPECT_EQ(c.core_id, "0");
  EXPECT_EQ(c.siblings, 8u);
  EXPECT_EQ(c.cpu_cores, 4u);
  EXPECT_EQ(c.cpuid_level, 22u);  // base prefixes as strconv.ParseUint(s, 0, 32)
  EXPECT_EQ(c.flags, (std::vector<std::string>{"fpu", "vme", "de", "aes", "avx2"}));
  EXPECT_EQ(c.bugs, (std::vector<std::string>{"cpu_meltdown", "spectre_v1"}));
  EXPECT_EQ(c.bogomips, 4224.0);
  EXPECT_EQ(c.address_sizes, "39 bits physical, 48 bits virtual");
  EXPECT_EQ(c.power_management, "");
  const CpuInfo& d = (*r)[1];
  EXPECT_EQ(d.processor, 1u);
  EXPECT_EQ(d.core_id, "1");
  EXPECT_EQ(d.cpu_mhz, 800.037);
  EXPECT_EQ(d.model_name, "");  // fields are per block, not inherited
  EXPECT_TRUE(d.bugs.empty());
}

TEST(ParseCpuInfoX86, SkipsLeadingBlankLines) {
  auto r = ParseCpuInfoX86("\n  \nprocessor\t: 7\nmodel name\t: X\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].processor, 7u);
  EXPECT_EQ((*r)[0].model_name, "X");
}

TEST(ParseCpuInfoX86, RejectsEmptyTruncatedAndGarbage) {
  EXPECT_FALSE(ParseCpuInfoX86(""));
  EXPECT_FALSE(ParseCpuInfoX86("\n\n"));
  auto wrong_start = ParseCpuInfoX86("vendor_id\t: GenuineIntel\nprocessor\t: 0\n");
  ASSERT_FALSE(wrong_start);
  EXPECT_EQ(wrong_start.error().kind, ErrorKind::kParse);
  EXPECT_NE(wrong_start.error().message.find("vendor_id"), std::string::npos);
  EXPECT_FALSE(ParseCpuInfoX86("processor\t: zero\n"));
  EXPECT_FALSE(ParseCpuInfoX86("processor\t: 0\nprocessor\t: -1\n"));
  auto bad_mhz = ParseCpuInfoX86("processor\t: 0\ncpu MHz\t\t: fast\n");
  ASSERT_FALSE(bad_mhz);
  EXPECT_NE(bad_mhz.error().message.find("line 2"), std::string::npos) << bad_mhz.error().message;
  EXPECT_FALSE(ParseCpuInfoX86("processor\t: 0\nsiblings\t: 4294967296\n"));
  // Cut off mid-line: the partial key has no value and is ignored.
  auto cut = ParseCpuInfoX86("processor\t: 0\nvendor_id\t: GenuineIntel\ncpu fam");
  ASSERT_TRUE(cut) << cut.error().message;
  EXPECT_EQ((*cut)[0].vendor_id, "GenuineIntel");
}

TEST(ParseCpuInfoArm, ParsesArm64Layout) {
  auto text = ReadFile(testing::FixtureDir("cpu-arm64") + "/proc/cpuinfo");
  ASSERT_TRUE(text) << text.error().message;
  auto r = ParseCpuInfoArm(*text);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 4u);
  EXPECT_EQ((*r)[3].processor, 3u);
  EXPECT_EQ((*r)[0].bogomips, 50.0);
  ASSERT_EQ((*r)[2].flags.size(), 17u);
  EXPECT_EQ((*r)[2].flags.front(), "fp");
  EXPECT_EQ((*r)[2].flags.back(), "ssbs");
  EXPECT_EQ((*r)[0].model_name, "");
  EXPECT_EQ((*r)[0].cpu_mhz, 0.0);
}

TEST(ParseCpuInfoArm, SharedProcessorHeaderOfOld32BitKernels) {
  auto r = ParseCpuInfoArm(
      "Processor\t: ARMv7 Processor rev 5 (v7l)\n"
      "BogoMIPS\t: 38.40\n"
      "Features\t: half thumb fastmult vfp edsp neon\n"
      "Hardware\t: BCM2709\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].processor, 0u);
  EXPECT_EQ((*r)[0].model_name, "ARMv7 Processor rev 5 (v7l)");
  EXPECT_EQ((*r)[0].bogomips, 38.4);
  EXPECT_EQ((*r)[0].flags, (std::vector<std::string>{"half", "thumb", "fastmult", "vfp", "edsp", "neon"}));

  auto multi = ParseCpuInfoArm(
      "Processor\t: ARMv7 Processor rev 4 (v7l)\n"
      "processor\t: 0\nBogoMIPS\t: 1.0\n"
      "processor\t: 1\nBogoMIPS\t: 2.0\n"
      "Features\t: vfp\n");
  ASSERT_TRUE(multi) << multi.error().message;
  ASSERT_EQ(multi->size(), 2u);
  EXPECT_EQ((*multi)[1].model_name, "ARMv7 Processor rev 4 (v7l)");
  EXPECT_EQ((*multi)[1].bogomips, 2.0);
}

TEST(ParseCpuInfoArm, RejectsEmptyTruncatedAndGarbage) {
  EXPECT_FALSE(ParseCpuInfoArm(""));
  EXPECT_FALSE(ParseCpuInfoArm("CPU implementer\t: 0x41\n"));
  // Without a Features line procfs would index past the end; here it is an error.
  auto truncated = ParseCpuInfoArm("processor\t: 0\nBogoMIPS\t: 50.00\n");
  ASSERT_FALSE(truncated);
  EXPECT_NE(truncated.error().message.find("Features"), std::string::npos);
  EXPECT_FALSE(ParseCpuInfoArm("processor\t: 0\nBogoMIPS\t: lots\nFeatures\t: fp\n"));
}

TEST(ReadCpuInfo, ReadsFixtureAndNamesFileOnError) {
  auto ok = ReadCpuInfo(testing::FixturePaths("basic"));
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_EQ(ok->size(), 4u);
  EXPECT_EQ((*ok)[3].core_id, "1");
  EXPECT_EQ((*ok)[3].cpu_mhz, 3400.105);

  auto bad = ReadCpuInfo(testing::FixturePaths("cpu-malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("cpu-malformed/proc/cpuinfo"), std::string::npos) << bad.error().message;

  auto missing = ReadCpuInfo(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
