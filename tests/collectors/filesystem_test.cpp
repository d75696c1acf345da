#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "host_exporter/collector.h"
#include "host_exporter/exporter.h"
#include "host_exporter/exposition.h"
#include "host_exporter/mount/statfs.h"
#include "support/golden.h"

namespace host_exporter::testing {
namespace {

using namespace std::chrono_literals;
using mount::StatFs;

bool Has(const std::string& text, std::string_view needle) { return text.find(needle) != std::string::npos; }

// statfs(2) results of the `basic` host, by mount point. Mount points not listed fail with ENOENT.
const std::map<std::string, std::pair<StatFs, int>>& BasicStatFs() {
  static const std::map<std::string, std::pair<StatFs, int>> m = {
      {"/", {{12868356, 8123456, 7465123, 3276800, 2987654, 4096}, 0}},
      {"/run", {{816527, 815890, 815890, 4082640, 4081512, 4096}, 0}},
      {"/run/lock", {{1280, 1280, 1280, 4082640, 4082637, 4096}, 0}},
      {"/boot", {{239616, 186543, 172345, 61056, 60712, 4096}, 0}},
      {"/boot/efi", {{130812, 128890, 128890, 0, 0, 4096}, 0}},
      {"/home", {{104806400, 78123456, 78123456, 209715200, 209234567, 4096}, 0}},
      {"/srv/data", {{976754176, 512345678, 463567890, 244195328, 243876543, 4096}, 0}},
      {"/srv/backup copy", {{976754176, 512345678, 463567890, 244195328, 243876543, 4096}, 0}},
      {"/mnt/nfs", {{7630895, 2345678, 2345678, 488308736, 487000000, 1048576}, 0}},
      {"/mnt/remote", {{}, ENOTCONN}},
      {"/run/user/1000", {{816526, 816500, 816500, 816526, 816490, 4096}, 0}},
  };
  return m;
}

// A statfs over a table, for paths under `root`.
mount::StatFsFunc TableStatFs(std::string root) {
  return [root = std::move(root)](const std::string& path, StatFs* out) {
    std::string mp = path.starts_with(root) ? path.substr(root.size()) : path;
    if (mp.empty()) mp = "/";
    auto it = BasicStatFs().find(mp);
    if (it == BasicStatFs().end()) return ENOENT;
    *out = it->second.first;
    return it->second.second;
  };
}

// Builds the filesystem collector on explicit paths (RunCollector fixes
// --path.rootfs to the scenario's rootfs/).
Result<std::unique_ptr<Collector>> Build(const Paths& paths, const std::vector<std::string>& args) {
  FlagSet fs = BuildFlagSet();
  auto flags = fs.Parse(args);
  if (!flags) return std::unexpected(flags.error());
  return FindCollector("filesystem")->create(CollectorConfig{paths, *flags});
}

std::string Collect(const Collector& c, Status* status = nullptr, MetricWriter::Deadline deadline = std::nullopt) {
  MetricWriter w;
  w.set_deadline(deadline);
  Status s = c.Collect(w);
  if (status != nullptr) *status = s;
  return SerializeText(w.Take());
}

TEST(FilesystemCollector, Golden) {
  mount::ScopedStatFsOverride o(TableStatFs(FixturePaths("basic").rootfs));
  auto out = RunCollector("filesystem", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  // Pseudo, container and read-only image filesystems are excluded by default.
  EXPECT_FALSE(Has(out.text, "mountpoint=\"/sys"));
  EXPECT_FALSE(Has(out.text, "mountpoint=\"/dev/shm\""));
  EXPECT_FALSE(Has(out.text, "mountpoint=\"/run/credentials"));
  EXPECT_FALSE(Has(out.text, "/var/lib/docker"));
  EXPECT_FALSE(Has(out.text, "fstype=\"squashfs\""));
  EXPECT_FALSE(Has(out.text, "fstype=\"iso9660\""));
  // "\040" is a space; a read-only bind mount is readonly; errors carry Go's errno text.
  EXPECT_TRUE(Has(out.text, "node_filesystem_readonly{device=\"/dev/sda1\",device_error=\"\",fstype=\"ext4\","
                            "mountpoint=\"/srv/backup copy\"} 1"));
  EXPECT_TRUE(Has(out.text, "node_filesystem_device_error{device=\"backup@nas:/volume1\","
                            "device_error=\"transport endpoint is not connected\",fstype=\"fuse.sshfs\","
                            "mountpoint=\"/mnt/remote\"} 1"));
  EXPECT_FALSE(Has(out.text, "node_filesystem_size_bytes{device=\"backup@nas:/volume1\""));
  EXPECT_TRUE(Has(out.text, "node_filesystem_size_bytes{device=\"/dev/mapper/vg0-root\",device_error=\"\","
                            "fstype=\"ext4\",mountpoint=\"/\"} 5.2708786176e+10"));
  EXPECT_TRUE(Has(out.text, "node_filesystem_mount_info{device=\"/dev/nvme0n1p1\",major=\"259\",minor=\"1\","
                            "mountpoint=\"/boot/efi\"} 1"));
  ExpectGolden("filesystem", "basic", out.text);
}

TEST(FilesystemCollector, RepeatedMountsAreReportedOncePerLabelSet) {
  mount::ScopedStatFsOverride o([](const std::string&, StatFs* out) {
    *out = {1000, 500, 400, 100, 50, 4096};
    return 0;
  });
  auto out = RunCollector("filesystem", "filesystem-repeated-mounts");
  ASSERT_TRUE(out.status) << out.status.error().message;
  auto count = [&](std::string_view needle) {
    std::size_t n = 0;
    for (std::size_t pos = 0; (pos = out.text.find(needle, pos)) != std::string::npos; ++pos) ++n;
    return n;
  };
  // Multihomed NFS: one device number per server address, one series per metric but both mount_info.
  EXPECT_EQ(count("node_filesystem_size_bytes{device=\"storagesystem:/exports/home\""), 1u);
  EXPECT_EQ(count("node_filesystem_mount_info{device=\"storagesystem:/exports/home\""), 2u);
  // An identical overmount: once.
  EXPECT_EQ(count("node_filesystem_size_bytes{device=\"/dev/sda1\""), 1u);
  // nfs and nfs4 on one device number: two per-fstype series, one mount_info.
  EXPECT_EQ(count("node_filesystem_size_bytes{device=\"storagesystem:/exports/scratch\""), 2u);
  EXPECT_EQ(count("node_filesystem_mount_info{device=\"storagesystem:/exports/scratch\""), 1u);
  // "ro" in the superblock options counts; "ro=1" is not "ro".
  EXPECT_TRUE(Has(out.text, "node_filesystem_readonly{device=\"/dev/sda2\",device_error=\"\",fstype=\"ext4\","
                            "mountpoint=\"/mnt/ro-super\"} 1"));
  EXPECT_TRUE(Has(out.text, "node_filesystem_readonly{device=\"/dev/sda3\",device_error=\"\",fstype=\"ext4\","
                            "mountpoint=\"/mnt/ro-is-a-value\"} 0"));
  ExpectGolden("filesystem", "filesystem-repeated-mounts", out.text);
}

TEST(FilesystemCollector, FallsBackToSelfAndStripsRootfsPrefix) {
  Paths paths = FixturePaths("filesystem-hidepid");
  paths.rootfs = "/host";
  std::vector<std::string> asked;
  std::mutex mu;
  mount::ScopedStatFsOverride o([&](const std::string& path, StatFs* out) {
    std::lock_guard lock(mu);
    asked.push_back(path);
    *out = {2000, 1000, 900, 300, 200, 4096};
    return 0;
  });
  auto c = Build(paths, {});
  ASSERT_TRUE(c) << c.error().message;
  Status st;
  std::string text = Collect(**c, &st);
  ASSERT_TRUE(st) << st.error().message;
  // /host -> "/", /host/boot -> "/boot"; statfs goes to <rootfs>/<mount point>.
  EXPECT_TRUE(Has(text, "mountpoint=\"/\"} 8.192e+06"));
  EXPECT_TRUE(Has(text, "node_filesystem_mount_info{device=\"/dev/nvme0n1p2\",major=\"259\",minor=\"2\","
                        "mountpoint=\"/boot\"} 1"));
  EXPECT_TRUE(Has(text, "mountpoint=\"/srv/data\""));
  EXPECT_FALSE(Has(text, "fstype=\"overlay\""));
  std::sort(asked.begin(), asked.end());
  EXPECT_EQ(asked, (std::vector<std::string>{"/host", "/host/boot", "/host/etc/hostname", "/host/srv/data"}));
  ExpectGolden("filesystem", "filesystem-hidepid", text);
}

TEST(FilesystemCollector, StuckMountIsReportedAndNotAskedAgainUntilItReturns) {
  std::mutex mu;
  std::condition_variable cv;
  bool release = false;
  std::atomic<int> nfs_calls{0};
  auto table = TableStatFs(FixturePaths("basic").rootfs);
  mount::ScopedStatFsOverride o([&](const std::string& path, StatFs* out) {
    if (path.ends_with("/mnt/nfs")) {
      ++nfs_calls;
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return release; });
    }
    return table(path, out);
  });
  auto c = Build(FixturePaths("basic"), {"--path.procfs=" + FixturePaths("basic").procfs,
                                         "--collector.filesystem.mount-timeout=1s"});
  ASSERT_TRUE(c) << c.error().message;
  const std::string stuck =
      "node_filesystem_device_error{device=\"fileserver:/export/media\",device_error=\"mountpoint timeout\","
      "fstype=\"nfs4\",mountpoint=\"/mnt/nfs\"} 1";

  auto t0 = std::chrono::steady_clock::now();
  Status st;
  std::string first = Collect(**c, &st);
  auto took = std::chrono::steady_clock::now() - t0;
  ASSERT_TRUE(st) << st.error().message;
  EXPECT_GE(took, 950ms);
  EXPECT_LT(took, 5s);  // bounded by the mount timeout, not by the hung call
  EXPECT_TRUE(Has(first, stuck)) << first;
  EXPECT_TRUE(Has(first, "node_filesystem_readonly{device=\"fileserver:/export/media\",device_error=\"mountpoint "
                         "timeout\",fstype=\"nfs4\",mountpoint=\"/mnt/nfs\"} 0"));
  EXPECT_FALSE(Has(first, "node_filesystem_size_bytes{device=\"fileserver:/export/media\""));
  EXPECT_TRUE(Has(first, "mountpoint=\"/home\"} 4.292870144e+11"));  // the rest is collected

  for (int i = 0; i < 3; ++i) {
    auto t1 = std::chrono::steady_clock::now();
    std::string again = Collect(**c);
    EXPECT_LT(std::chrono::steady_clock::now() - t1, 500ms);  // well under the timeout
    EXPECT_TRUE(Has(again, stuck));
  }
  EXPECT_EQ(nfs_calls.load(), 1);

  {
    std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  std::string recovered;
  for (int i = 0; i < 200; ++i) {  // the hung call returns, then the mount is asked again
    recovered = Collect(**c);
    if (Has(recovered, "node_filesystem_size_bytes{device=\"fileserver:/export/media\"")) break;
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_TRUE(Has(recovered, "node_filesystem_size_bytes{device=\"fileserver:/export/media\",device_error=\"\","
                             "fstype=\"nfs4\",mountpoint=\"/mnt/nfs\"} 8.00157335552e+12"));
  EXPECT_FALSE(Has(recovered, "mountpoint timeout"));
  EXPECT_EQ(nfs_calls.load(), 2);
}

// The first scrape after a mount hangs, when the mount timeout (default 5s)
// is longer than the scrape's: the collector stops waiting at the scrape's
// deadline and reports that mount stuck, with every other mount's series.
TEST(FilesystemCollector, ScrapeDeadlineBeforeMountTimeoutReportsTheMountStuck) {
  std::mutex mu;
  std::condition_variable cv;
  bool release = false;
  std::atomic<int> nfs_calls{0};
  auto table = TableStatFs(FixturePaths("basic").rootfs);
  mount::ScopedStatFsOverride o([&](const std::string& path, StatFs* out) {
    if (path.ends_with("/mnt/nfs")) {
      ++nfs_calls;
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return release; });
    }
    return table(path, out);
  });
  auto c = Build(FixturePaths("basic"), {"--path.procfs=" + FixturePaths("basic").procfs});
  ASSERT_TRUE(c) << c.error().message;
  const std::string stuck =
      "node_filesystem_device_error{device=\"fileserver:/export/media\",device_error=\"mountpoint timeout\","
      "fstype=\"nfs4\",mountpoint=\"/mnt/nfs\"} 1";

  for (int i = 0; i < 2; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    Status st;
    std::string out = Collect(**c, &st, t0 + 400ms);
    auto took = std::chrono::steady_clock::now() - t0;
    ASSERT_TRUE(st) << st.error().message;
    EXPECT_LT(took, 400ms);  // back before the deadline, not after the 5s mount timeout
    EXPECT_TRUE(Has(out, stuck)) << out;
    EXPECT_FALSE(Has(out, "node_filesystem_size_bytes{device=\"fileserver:/export/media\""));
    EXPECT_TRUE(Has(out, "mountpoint=\"/home\"} 4.292870144e+11"));  // the rest is collected
  }
  // The second scrape shared the outstanding call rather than starting another.
  EXPECT_EQ(nfs_calls.load(), 1);
  {
    std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  std::string recovered;
  for (int i = 0; i < 200; ++i) {
    recovered = Collect(**c, nullptr, std::chrono::steady_clock::now() + 2s);
    if (Has(recovered, "node_filesystem_size_bytes{device=\"fileserver:/export/media\"")) break;
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_FALSE(Has(recovered, "mountpoint timeout")) << recovered;
}

TEST(FilesystemCollector, MalformedMountInfoFailsWithPath) {
  auto out = RunCollector("filesystem", "filesystem-malformed");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kParse);
  EXPECT_TRUE(Has(out.status.error().message, "filesystem-malformed/proc/1/mountinfo: line 2"))
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
  auto devno = RunCollector("filesystem", "filesystem-bad-devno");
  ASSERT_FALSE(devno.status);
  EXPECT_TRUE(Has(devno.status.error().message,
                  "filesystem-bad-devno/proc/1/mountinfo: malformed mount point MajorMinorVer: \"259\""))
      << devno.status.error().message;
}

TEST(FilesystemCollector, MissingMountInfoFailsTheCollector) {
  auto out = RunCollector("filesystem", "filesystem-absent");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kIo);  // node_exporter: an error, not "no data"
  EXPECT_TRUE(Has(out.status.error().message, "filesystem-absent/proc/self/mountinfo"))
      << out.status.error().message;
}

TEST(FilesystemCollector, FilterFlags) {
  mount::ScopedStatFsOverride o(TableStatFs(FixturePaths("basic").rootfs));
  // An include without an explicit exclude drops the exclude default.
  auto inc = RunCollector("filesystem", "basic", {"--collector.filesystem.mount-points-include=^/(dev/shm|home)$"});
  ASSERT_TRUE(inc.status) << inc.status.error().message;
  EXPECT_TRUE(Has(inc.text, "mountpoint=\"/dev/shm\""));
  EXPECT_TRUE(Has(inc.text, "mountpoint=\"/home\""));
  EXPECT_FALSE(Has(inc.text, "mountpoint=\"/boot\""));
  auto both = RunCollector("filesystem", "basic",
                           {"--collector.filesystem.mount-points-include=^/home$",
                            "--collector.filesystem.mount-points-exclude=^/boot"});
  ASSERT_FALSE(both.status);
  EXPECT_EQ(both.status.error().message,
            "unable to parse mount points filter flags: --collector.filesystem.mount-points-exclude and "
            "--collector.filesystem.mount-points-include are mutually exclusive");
  auto types = RunCollector("filesystem", "basic", {"--collector.filesystem.fs-types-include=^(xfs|vfat)$"});
  ASSERT_TRUE(types.status) << types.status.error().message;
  EXPECT_TRUE(Has(types.text, "mountpoint=\"/home\""));
  EXPECT_TRUE(Has(types.text, "mountpoint=\"/boot/efi\""));
  EXPECT_FALSE(Has(types.text, "fstype=\"ext4\""));
  auto old = RunCollector("filesystem", "basic", {"--collector.filesystem.ignored-fs-types=^(ext4|tmpfs)$"});
  ASSERT_TRUE(old.status) << old.status.error().message;
  EXPECT_FALSE(Has(old.text, "fstype=\"ext4\""));
  EXPECT_TRUE(Has(old.text, "fstype=\"squashfs\""));  // the default no longer applies
  auto old_and_new = RunCollector("filesystem", "basic",
                                  {"--collector.filesystem.ignored-mount-points=^/boot",
                                   "--collector.filesystem.mount-points-exclude=^/home"});
  ASSERT_FALSE(old_and_new.status);
  EXPECT_TRUE(Has(old_and_new.status.error().message, "--collector.filesystem.ignored-mount-points and "
                                                      "--collector.filesystem.mount-points-exclude"));
  auto regex = RunCollector("filesystem", "basic", {"--collector.filesystem.fs-types-exclude=(ext4"});
  ASSERT_FALSE(regex.status);
  EXPECT_TRUE(Has(regex.status.error().message, "--collector.filesystem.fs-types-exclude"));
  auto timeout = RunCollector("filesystem", "basic", {"--collector.filesystem.mount-timeout=soon"});
  ASSERT_FALSE(timeout.status);
  EXPECT_TRUE(Has(timeout.status.error().message, "--collector.filesystem.mount-timeout"));
  auto workers = RunCollector("filesystem", "basic", {"--collector.filesystem.stat-workers=many"});
  ASSERT_FALSE(workers.status);
  EXPECT_TRUE(Has(workers.status.error().message, "--collector.filesystem.stat-workers"));
  auto one = RunCollector("filesystem", "basic", {"--collector.filesystem.stat-workers=0"});
  ASSERT_TRUE(one.status) << one.status.error().message;
  EXPECT_TRUE(Has(one.text, "mountpoint=\"/home\""));
}

}  // namespace
}  // namespace host_exporter::testing
