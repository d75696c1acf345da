// Every collector reads a copy of a scenario whose symlinks were flattened (each
// a regular file holding its target, as some unpackers write them) exactly as it
// reads the scenario itself.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "host_exporter/collector.h"
#include "support/golden.h"

namespace host_exporter::testing {
namespace {

namespace fs = std::filesystem;

// Copies `from` to `to`, each symlink to a directory (or to nothing) written as
// a regular file holding the link's target; the number of those. A symlink to
// a file is copied as the file: only links to directories are read through
// (file.h).
int CopyFlattened(const fs::path& from, const fs::path& to) {
  int flattened = 0;
  fs::create_directories(to);
  for (auto it = fs::recursive_directory_iterator(from); it != fs::recursive_directory_iterator(); ++it) {
    const fs::path dst = to / it->path().lexically_relative(from);
    if (it->is_symlink() && (fs::is_directory(it->path()) || !fs::exists(it->path()))) {
      std::ofstream(dst) << fs::read_symlink(it->path()).string();
      ++flattened;
    } else if (it->is_directory()) {
      fs::create_directory(dst);
    } else {
      fs::copy_file(it->path(), dst);
    }
  }
  return flattened;
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

class FlattenedLinks : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/he_flattened_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    ASSERT_GT(CopyFlattened(FixtureDir(GetParam()), dir_), 0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string dir_;
};

// Read the live host or the clock, not only the tree.
const std::set<std::string, std::less<>> kLive = {"arp",  "filesystem", "netdev",     "textfile",
                                                  "time", "timex",      "udp_queues", "uname"};

TEST_P(FlattenedLinks, EveryCollectorReadsTheFlattenedCopyAsTheTree) {
  Paths flat;
  flat.procfs = dir_ + "/proc";
  flat.sysfs = dir_ + "/sys";
  flat.rootfs = dir_ + "/rootfs";
  flat.udev_data = dir_ + "/udev/data";
  const std::vector<std::string> args = {"--collector.bcache.priorityStats"};
  for (const CollectorInfo& info : AllCollectors()) {
    if (kLive.contains(info.name)) continue;
    SCOPED_TRACE(std::string(info.name));
    CollectOutput want = RunCollector(info.name, GetParam(), args);
    CollectOutput got = RunCollectorAt(info.name, flat, args);
    EXPECT_EQ(got.status.has_value(), want.status.has_value())
        << (got.status ? want.status.error().message : got.status.error().message);
    EXPECT_EQ(got.samples, want.samples);
    // Paths in labels (rapl's) name the tree read.
    EXPECT_EQ(ReplaceAll(got.text, dir_, FixtureDir(GetParam())), want.text);
  }
}

// The scenarios with links to directories inside them (netclass-notdir and
// dmi-quirks link to files only; netclass-vanished's dangling link, flattened,
// names nothing and so is no link).
INSTANTIATE_TEST_SUITE_P(Scenarios, FlattenedLinks,
                         ::testing::Values("basic", "cpu-hotplug", "dmmultipath-malformed",
                                           "dmmultipath-missing-state", "dmmultipath-san", "hwmon-quirks",
                                           "hwmon-shared-device", "malformed", "mdadm-old-kernel",
                                           "mdadm-resync-delayed", "mdadm-states", "mountstats-nfs3",
                                           "netclass-quirks", "nvme-fabrics", "pcidevice-quirks"));

}  // namespace
}  // namespace host_exporter::testing
