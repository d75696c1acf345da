#include "support/golden.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "host_exporter/collector.h"
#include "host_exporter/exporter.h"
#include "host_exporter/exposition.h"

namespace host_exporter::testing {

std::string SourceDir() {
  const char* env = std::getenv("HOST_EXPORTER_SOURCE_DIR");
  return env != nullptr ? env : HOST_EXPORTER_SOURCE_DIR;
}

std::string FixtureDir(std::string_view scenario) {
  return SourceDir() + "/fixtures/" + std::string(scenario);
}

Paths FixturePaths(std::string_view scenario) {
  std::string d = FixtureDir(scenario);
  Paths p;
  p.procfs = d + "/proc";
  p.sysfs = d + "/sys";
  p.rootfs = d + "/rootfs";
  p.udev_data = d + "/udev/data";
  return p;
}

CollectOutput RunCollector(std::string_view name, std::string_view scenario,
                           const std::vector<std::string>& args) {
  return RunCollectorAt(name, FixturePaths(scenario), args);
}

CollectOutput RunCollectorAt(std::string_view name, const Paths& p, const std::vector<std::string>& args) {
  std::vector<std::string> all = {"--path.procfs=" + p.procfs, "--path.sysfs=" + p.sysfs,
                                  "--path.rootfs=" + p.rootfs, "--path.udev.data=" + p.udev_data};
  all.insert(all.end(), args.begin(), args.end());
  CollectOutput out;
  FlagSet fs = BuildFlagSet();
  auto flags = fs.Parse(all);
  if (!flags) {
    out.status = std::unexpected(flags.error());
    return out;
  }
  const CollectorInfo* info = FindCollector(name);
  if (info == nullptr) {
    out.status = Fail(ErrorKind::kInvalidArgument, "no collector " + std::string(name));
    return out;
  }
  auto c = info->create(CollectorConfig{p, *flags});
  if (!c) {
    out.status = std::unexpected(c.error());
    return out;
  }
  MetricWriter w;
  out.status = (*c)->Collect(w);
  for (const auto& f : w.families()) out.samples += f.metric.size();
  out.text = SerializeText(w.Take());
  return out;
}

void ExpectGolden(std::string_view collector, std::string_view scenario, const std::string& actual) {
  namespace fs = std::filesystem;
  fs::path path =
      fs::path(SourceDir()) / "tests" / "golden" / std::string(collector) / (std::string(scenario) + ".prom");
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << "missing golden file " << path << " (run with UPDATE_GOLDEN=1)";
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(ss.str(), actual) << "golden file " << path << " differs (UPDATE_GOLDEN=1 rewrites it)";
}

CollectOutput RunGolden(std::string_view name, std::string_view scenario, std::size_t samples,
                        const std::vector<std::string>& args, std::string_view golden) {
  CollectOutput out = RunCollector(name, scenario, args);
  if (!out.status) {
    ADD_FAILURE() << name << " on " << scenario << " failed: " << out.status.error().message;
    return out;
  }
  EXPECT_EQ(out.samples, samples) << name << " on " << scenario;
  ExpectGolden(name, golden.empty() ? scenario : golden, out.text);
  return out;
}

}  // namespace host_exporter::testing
