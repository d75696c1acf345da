// Inputs for the micro-benchmarks: fixture files and generated large inputs.
// Thread safety: all functions reentrant.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace host_exporter::bench {

// Contents of fixtures/<rel> (e.g. "basic/proc/stat"); aborts with a message
// naming the file when it cannot be read, since a benchmark of nothing is wrong.
std::string Fixture(std::string_view rel);
// Directory of a fixture scenario ("basic" -> .../fixtures/basic).
std::string FixtureDir(std::string_view scenario);
// (name, trimmed content) of every regular file in fixtures/<rel_dir>, sorted
// by name: what the sysfs readers hand to their pure parsers. Aborts like
// Fixture when the directory is missing or holds no file.
std::vector<std::pair<std::string, std::string>> FixtureAttributes(std::string_view rel_dir);
// Target of the symlink fixtures/<rel>; aborts when it is not one.
std::string FixtureLink(std::string_view rel);

// Generated kernel files with n CPUs / devices / mounts / interfaces, in the
// layouts of bench/gen_fixtures.py.
std::string GenStat(int cpus);
std::string GenDiskstats(int disks);
std::string GenMountInfo(int mounts);
std::string GenNetDev(int interfaces);
// A textfile collector .prom file with n samples: families of 16 labelled
// samples, each with HELP and TYPE, as a cron job's exporter script writes them.
std::string GenTextfile(int samples);

}  // namespace host_exporter::bench
