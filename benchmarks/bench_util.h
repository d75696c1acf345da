// Inputs for the micro-benchmarks: fixture files and generated large inputs.
// Thread safety: all functions reentrant.
#pragma once

#include <string>
#include <string_view>

namespace host_exporter::bench {

// Contents of fixtures/<rel> (e.g. "basic/proc/stat"); aborts with a message
// naming the file when it cannot be read, since a benchmark of nothing is wrong.
std::string Fixture(std::string_view rel);
// Directory of a fixture scenario ("basic" -> .../fixtures/basic).
std::string FixtureDir(std::string_view scenario);

// Generated kernel files with n CPUs / devices / mounts / interfaces, in the
// layouts of bench/gen_fixtures.py.
std::string GenStat(int cpus);
std::string GenDiskstats(int disks);
std::string GenMountInfo(int mounts);
std::string GenNetDev(int interfaces);

}  // namespace host_exporter::bench
