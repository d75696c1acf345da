// The raw-read floor: the CPU time it takes to open and read (to EOF) every
// file of a recorded set once, with no parsing and no output, as a C program
// with one 64 KiB buffer would. Directories are listed with getdents64.
//
//   read_floor FILESET PASSES
//
// FILESET has one "f PATH" or "d PATH" per line. Prints one JSON line with the
// median CPU and wall time per pass. Built by bench/run.py with g++ -O2.
#include <dirent.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
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

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: read_floor FILESET PASSES\n");
    return 2;
  }
  std::vector<std::pair<bool, std::string>> entries;  // (is_dir, path)
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "read_floor: cannot open %s\n", argv[1]);
    return 2;
  }
  for (std::string line; std::getline(in, line);) {
    if (line.size() > 2 && (line[0] == 'f' || line[0] == 'd') && line[1] == ' ') {
      entries.emplace_back(line[0] == 'd', line.substr(2));
    }
  }
  int passes = std::max(1, std::atoi(argv[2]));
  static char buf[1 << 16];
  std::vector<long long> cpu, wall;
  long long bytes = 0, failed = 0;
  for (int p = 0; p < passes; ++p) {
    long long c0 = Now(CLOCK_PROCESS_CPUTIME_ID), w0 = Now(CLOCK_MONOTONIC);
    long long pass_bytes = 0;
    for (const auto& [is_dir, path] : entries) {
      int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | (is_dir ? O_DIRECTORY : 0));
      if (fd < 0) {
        ++failed;
        continue;
      }
      for (;;) {
        long n = is_dir ? syscall(SYS_getdents64, fd, buf, sizeof buf) : read(fd, buf, sizeof buf);
        if (n <= 0) break;
        pass_bytes += n;
      }
      close(fd);
    }
    cpu.push_back(Now(CLOCK_PROCESS_CPUTIME_ID) - c0);
    wall.push_back(Now(CLOCK_MONOTONIC) - w0);
    bytes = pass_bytes;
  }
  std::printf("{\"entries\": %zu, \"passes\": %d, \"cpu_ns\": %lld, \"wall_ns\": %lld, \"bytes\": %lld, "
              "\"failed_opens\": %lld}\n",
              entries.size(), passes, Median(cpu), Median(wall), bytes, failed / passes);
  return 0;
}
