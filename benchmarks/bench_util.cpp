#include "bench_util.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::bench {

std::string FixtureDir(std::string_view scenario) {
  return std::string(HOST_EXPORTER_FIXTURES) + "/" + std::string(scenario);
}

std::string Fixture(std::string_view rel) {
  std::string path = std::string(HOST_EXPORTER_FIXTURES) + "/" + std::string(rel);
  auto text = ReadFile(path);
  if (!text) {
    std::fprintf(stderr, "benchmark input %s: %s\n", path.c_str(), text.error().message.c_str());
    std::abort();
  }
  return *text;
}

std::vector<std::pair<std::string, std::string>> FixtureAttributes(std::string_view rel_dir) {
  std::string dir = std::string(HOST_EXPORTER_FIXTURES) + "/" + std::string(rel_dir);
  std::vector<std::pair<std::string, std::string>> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (!e.is_regular_file()) continue;  // follows symlinks; skips device/, power/, subsystem
    std::string name = e.path().filename().string();
    out.emplace_back(name, std::string(Trim(Fixture(std::string(rel_dir) + "/" + name))));
  }
  if (ec || out.empty()) {
    std::fprintf(stderr, "benchmark input %s: %s\n", dir.c_str(), ec ? ec.message().c_str() : "no files");
    std::abort();
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string FixtureLink(std::string_view rel) {
  std::string path = std::string(HOST_EXPORTER_FIXTURES) + "/" + std::string(rel);
  std::error_code ec;
  auto target = std::filesystem::read_symlink(path, ec);
  if (ec) {
    std::fprintf(stderr, "benchmark input %s: %s\n", path.c_str(), ec.message().c_str());
    std::abort();
  }
  return target.string();
}

std::string GenStat(int cpus) {
  std::string s = "cpu  7225177 8576 2011570 109119753 67365 0 19626 0 60907 34\n";
  for (int i = 0; i < cpus; ++i) {
    s += "cpu" + std::to_string(i) + " " + std::to_string(1845512 + i) +
         " 2310 512376 27219870 18321 0 10544 0 15213 20\n";
  }
  s += "intr 191328255 9 10 0 0\nctxt 1432893311\nbtime 1731912486\nprocesses 4873120\n"
       "procs_running 3\nprocs_blocked 1\nsoftirq 95616805 25 41275634 3120 1843377 2387602 0 912 30228611 1204 19876320\n";
  return s;
}

std::string GenDiskstats(int disks) {
  std::string s;
  for (int i = 0; i < disks; ++i) {
    s += " 252 " + std::to_string(i * 16) + " vd" + std::to_string(i) + " " + std::to_string(1843202 + i) +
         " 312455 98213457 402113 7123456 2904412 412345678 5123456 0 2812345 5698765 123456 12 98765432 "
         "23456 412345 345678\n";
  }
  return s;
}

std::string GenMountInfo(int mounts) {
  std::string s = "1 0 0:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n";
  for (int i = 0; i < mounts; ++i) {
    std::string n = std::to_string(i);
    s += std::to_string(i + 2) + " 1 253:" + n + " / /srv/m" + n + " rw,relatime shared:" + n +
         " - ext4 /dev/mapper/vg-m" + n + " rw,errors=remount-ro\n";
  }
  return s;
}

std::string GenNetDev(int interfaces) {
  std::string s =
      "Inter-|   Receive                                                |  Transmit\n"
      " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls "
      "carrier compressed\n";
  for (int i = 0; i < interfaces; ++i) {
    s += "  hb" + std::to_string(i) + ": " + std::to_string(123456789 + i) +
         " 987654 0 12 0 0 0 345 234567890 876543 0 0 0 0 0 0\n";
  }
  return s;
}

std::string GenTextfile(int samples) {
  std::string s;
  for (int i = 0; i < samples; ++i) {
    std::string family = "backup_job_bytes_" + std::to_string(i / 16);
    if (i % 16 == 0) {
      s += "# HELP " + family + " Bytes written by the last run of the backup job.\n# TYPE " + family +
           " gauge\n";
    }
    s += family + "{job=\"job" + std::to_string(i % 16) + "\",target=\"/srv/data/volume-" + std::to_string(i) +
         "\"} " + std::to_string(1234567890123LL + i) + "\n";
  }
  return s;
}

}  // namespace host_exporter::bench
