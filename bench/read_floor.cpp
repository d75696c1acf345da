// The raw-read floor: the CPU time it takes to open and read (to EOF) every
// file of a recorded set once, with no parsing and no output, as a C program
// with one 64 KiB buffer would. Directories are listed with getdents64; paths
// the exporter only opens with O_PATH are opened that way and closed.
//
//   read_floor FILESET PASSES
//
// FILESET has one entry per line: "f PATH" (open, read to EOF), "d PATH"
// (open O_DIRECTORY, getdents64 to the end) or "p PATH" (open O_PATH, close;
// a trailing "/" means O_DIRECTORY too). Prints one JSON line with the median
// CPU and wall time per pass and the number of entries of each kind. Built by
// bench/run.py with g++ -O2.
#include <dirent.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

namespace {

long long Now(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

long long Median(std::vector<long long> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

enum class Kind { kFile, kDir, kPath };

struct Entry {
  Kind kind;
  int flags;
  std::string path;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: read_floor FILESET PASSES\n");
    return 2;
  }
  std::vector<Entry> entries;
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "read_floor: cannot open %s\n", argv[1]);
    return 2;
  }
  long long files = 0, dirs = 0, paths = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.size() <= 2 || line[1] != ' ') continue;
    std::string path = line.substr(2);
    switch (line[0]) {
      case 'f':
        entries.push_back({Kind::kFile, O_RDONLY | O_CLOEXEC, path});
        ++files;
        break;
      case 'd':
        entries.push_back({Kind::kDir, O_RDONLY | O_CLOEXEC | O_DIRECTORY, path});
        ++dirs;
        break;
      case 'p': {
        int flags = O_PATH | O_CLOEXEC;
        if (path.size() > 1 && path.back() == '/') {
          path.pop_back();
          flags |= O_DIRECTORY;
        }
        entries.push_back({Kind::kPath, flags, path});
        ++paths;
        break;
      }
      default: break;
    }
  }
  int passes = std::max(1, std::atoi(argv[2]));
  static char buf[1 << 16];
  std::vector<long long> cpu, wall;
  long long bytes = 0, failed = 0;
  for (int p = 0; p < passes; ++p) {
    long long c0 = Now(CLOCK_PROCESS_CPUTIME_ID), w0 = Now(CLOCK_MONOTONIC);
    long long pass_bytes = 0;
    for (const Entry& e : entries) {
      int fd = open(e.path.c_str(), e.flags);
      if (fd < 0) {
        ++failed;
        continue;
      }
      if (e.kind != Kind::kPath) {
        for (;;) {
          long n =
              e.kind == Kind::kDir ? syscall(SYS_getdents64, fd, buf, sizeof buf) : read(fd, buf, sizeof buf);
          if (n <= 0) break;
          pass_bytes += n;
        }
      }
      close(fd);
    }
    cpu.push_back(Now(CLOCK_PROCESS_CPUTIME_ID) - c0);
    wall.push_back(Now(CLOCK_MONOTONIC) - w0);
    bytes = pass_bytes;
  }
  std::printf(
      "{\"entries\": %zu, \"files\": %lld, \"dirs\": %lld, \"paths\": %lld, \"passes\": %d, "
      "\"cpu_ns\": %lld, \"wall_ns\": %lld, \"bytes\": %lld, \"failed_opens\": %lld}\n",
      entries.size(), files, dirs, paths, passes, Median(cpu), Median(wall), bytes, failed / passes);
  return 0;
}
